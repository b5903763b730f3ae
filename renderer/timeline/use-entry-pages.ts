/**
 * Offset/limit paging for the virtualised timeline. The first page brings `total`; later
 * pages are fetched only when rows of them come into view, so 100,000 entries cost a few
 * requests of PAGE_SIZE rows, not one huge one. Changing the filter starts over.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { EntrySummary } from '../../db/contract';
import { useApi } from '../api-context';
import { errorMessage } from '../api';

export const PAGE_SIZE = 100;

export interface EntryFilter {
  kinds?: string[];
  year?: number;
  memberId?: string;
  flag?: string;
}

export interface EntryPages {
  total: number | null;
  /** The row at a timeline index, or undefined while its page loads. */
  rowAt: (index: number) => EntrySummary | undefined;
  /** Ask for the pages covering [first, last] (inclusive indices). */
  ensureRange: (first: number, last: number) => void;
  error: string | null;
  reload: () => void;
  /** Bumps whenever a page arrives, so the list re-renders. */
  version: number;
}

export function useEntryPages(bookId: string, filter: EntryFilter): EntryPages {
  const api = useApi();
  // Answers are tagged with the query they belong to (filter + reload round), so a new
  // filter shows "loading" at once without resetting state inside an effect.
  const [answer, setAnswer] = useState<{ query: string; total: number | null; error: string | null }>(
    { query: '', total: null, error: null },
  );
  const [version, setVersion] = useState(0);
  const pages = useRef(new Map<number, EntrySummary[]>());
  const inflight = useRef(new Set<number>());
  const generation = useRef(0);
  const filterKey = JSON.stringify(filter);

  const [reloadCount, setReloadCount] = useState(0);
  const query = `${bookId}|${filterKey}|${reloadCount}`;

  const fetchPage = useCallback((page: number, gen: number, forQuery: string): void => {
    if (pages.current.has(page) || inflight.current.has(page)) return;
    inflight.current.add(page);
    const parsed = JSON.parse(filterKey) as EntryFilter;
    api['entries.list']({ bookId, ...parsed, offset: page * PAGE_SIZE, limit: PAGE_SIZE }).then(
      (result) => {
        if (gen !== generation.current) return; // the filter changed meanwhile
        inflight.current.delete(page);
        pages.current.set(page, result.items);
        setAnswer((a) => ({ query: forQuery, total: page === 0 ? result.total : a.total, error: null }));
        setVersion((v) => v + 1);
      },
      (e: unknown) => {
        if (gen !== generation.current) return;
        inflight.current.delete(page);
        setAnswer((a) => ({ query: forQuery, total: a.query === forQuery ? a.total : null, error: errorMessage(e) }));
      },
    );
  }, [api, bookId, filterKey]);

  useEffect(() => {
    generation.current += 1;
    pages.current = new Map();
    inflight.current = new Set();
    fetchPage(0, generation.current, query);
  }, [fetchPage, query]);

  const current = answer.query === query;
  const total = current ? answer.total : null;
  const error = current ? answer.error : null;

  const ensureRange = useCallback((first: number, last: number) => {
    if (total === null) return;
    const lastPage = Math.floor(Math.min(last, total - 1) / PAGE_SIZE);
    for (let p = Math.floor(Math.max(first, 0) / PAGE_SIZE); p <= lastPage; p++) fetchPage(p, generation.current, query);
  }, [fetchPage, total, query]);

  const rowAt = useCallback(
    (index: number) => pages.current.get(Math.floor(index / PAGE_SIZE))?.[index % PAGE_SIZE],
    // version: rows change when a page arrives
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [version],
  );

  const reload = useCallback(() => setReloadCount((c) => c + 1), []);
  return { total, rowAt, ensureRange, error, reload, version };
}
