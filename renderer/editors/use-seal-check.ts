/**
 * The checks sealing will apply, while the recorder types: `entries.check` is called
 * 250 ms after the last change to anything the checks look at (never per keystroke), through
 * the app's one query cache, keyed by the input. The answer is the seal's own (same function,
 * same clock): what blocks sealing, which flags will be sealed, what passed.
 */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { EntryCheck, EntryCheckInput } from '../../db/contract';
import { useApi } from '../api-context';
import { toShownError } from './api-error';

export const CHECK_DELAY_MS = 250;

export interface SealCheckState {
  check: EntryCheck | null;
  /** A check is under way (or waiting for the typing to pause). */
  pending: boolean;
  error: string | null;
  /** True when `check` answers the current input (not an older one still on screen). */
  fresh: boolean;
}

/** `value`, once it has stopped changing for `ms` (null until then). */
function useSettled<T>(value: T, ms: number): T | null {
  const [settled, setSettled] = useState<T | null>(null);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

export function sealCheckKey(bookId: string, entry: string | null) {
  return ['entries.check', bookId, entry] as const;
}

/** `entry` null: nothing to check yet (e.g. the book's roster is still loading). */
export function useSealCheck(bookId: string, entry: EntryCheckInput | null, enabled = true): SealCheckState {
  const api = useApi();
  // The input is rebuilt on every render: compare by content, so unrelated typing does not re-check.
  // Disabled (e.g. the roster of a new date loading) counts as a change: a passing state is never checked.
  const key = entry === null || !enabled ? null : JSON.stringify(entry);
  const settled = useSettled(key, CHECK_DELAY_MS);
  const query = useQuery({
    queryKey: sealCheckKey(bookId, settled),
    queryFn: () => api['entries.check']({ bookId, entry: JSON.parse(settled!) as EntryCheckInput }),
    enabled: settled !== null,
    placeholderData: keepPreviousData,
    // The answer depends on the day (late recording) and the book: asked again when shown again.
    staleTime: 0,
    gcTime: 60_000,
  });
  const waiting = settled !== key;
  return {
    check: query.data ?? null,
    pending: waiting || query.isFetching,
    error: query.error ? toShownError(query.error).message : null,
    fresh: !waiting && query.isSuccess && !query.isPlaceholderData && !query.isFetching,
  };
}
