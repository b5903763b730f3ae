/** Sealed meetings of the book, for the work items that point at one (备案, 三重一大). */
import { useEffect, useState } from 'react';
import type { EntrySummary } from '../../db/contract';
import { useApi } from '../api-context';
import { toShownError } from './api-error';

export interface MeetingEntries { items: EntrySummary[]; loading: boolean; error: string | null }

export function useMeetingEntries(bookId: string, enabled: boolean): MeetingEntries {
  const api = useApi();
  const [state, setState] = useState<{ items: EntrySummary[]; error: string | null; loaded: boolean }>(
    { items: [], error: null, loaded: false },
  );
  useEffect(() => {
    if (!enabled) return;
    let live = true;
    api['entries.list']({ bookId, kinds: ['meeting'], limit: 500 }).then(
      (page) => { if (live) setState({ items: page.items, error: null, loaded: true }); },
      (e: unknown) => { if (live) setState({ items: [], error: `无法读取会议记录列表：${toShownError(e).message}`, loaded: true }); },
    );
    return () => { live = false; };
  }, [api, bookId, enabled]);
  return { items: state.items, error: state.error, loading: enabled && !state.loaded };
}

export function meetingEntryLabel(e: EntrySummary): string {
  return `第 ${e.seq} 条 · ${e.date} · ${e.title}`;
}
