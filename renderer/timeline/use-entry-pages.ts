/**
 * Offset/limit paging for the virtualised timeline. The first page brings `total`; later
 * pages are fetched only when rows of them come into view, so 100,000 entries cost a few
 * requests of PAGE_SIZE rows, not one huge one. Each page is one cached read
 * (`entries.list` with its offset), so a seal re-reads the pages in view and a filter
 * shown before comes back at once.
 */
import { useCallback, useMemo, useState } from 'react';
import { useQueries, useQueryClient } from '@tanstack/react-query';
import type { EntryPage, EntrySummary } from '../../db/contract';
import { useApi } from '../api-context';
import { errorText, serviceKey, useServiceQuery } from '../app/service-query';

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
}

export function useEntryPages(bookId: string, filter: EntryFilter): EntryPages {
  const api = useApi();
  const client = useQueryClient();
  const inputOf = useCallback(
    (page: number) => ({ bookId, ...filter, offset: page * PAGE_SIZE, limit: PAGE_SIZE }),
    [bookId, filter],
  );
  // Page 0 answers the total; while another filter's first page loads, nothing is shown.
  const first = useServiceQuery('entries.list', inputOf(0));
  const total = first.isPlaceholderData ? null : (first.data?.total ?? null);

  // The further pages in view, tagged with the query they belong to (a new filter starts over).
  const [range, setRange] = useState<{ of: string; pages: number[] }>({ of: '', pages: [] });
  const of = JSON.stringify(inputOf(0));
  const wanted = range.of === of ? range.pages : [];
  const more = useQueries({
    queries: wanted.map((page) => ({
      queryKey: serviceKey('entries.list', inputOf(page)),
      queryFn: () => api['entries.list'](inputOf(page)),
    })),
  });

  const ensureRange = useCallback(
    (firstIndex: number, lastIndex: number) => {
      if (total === null) return;
      const lastPage = Math.floor(Math.min(lastIndex, total - 1) / PAGE_SIZE);
      const pages: number[] = [];
      for (let p = Math.max(1, Math.floor(Math.max(firstIndex, 0) / PAGE_SIZE)); p <= lastPage; p++) pages.push(p);
      setRange((r) => (r.of === of && r.pages.join() === pages.join() ? r : { of, pages }));
    },
    [total, of],
  );

  const versions = more.map((q) => q.dataUpdatedAt).join();
  const rowAt = useMemo(() => {
    void versions; // rows change when a page arrives
    return (index: number) => {
      const page = Math.floor(index / PAGE_SIZE);
      const data = page === 0 ? first.data : client.getQueryData<EntryPage>(serviceKey('entries.list', inputOf(page)));
      return total === null ? undefined : data?.items[index % PAGE_SIZE];
    };
  }, [versions, first.data, client, inputOf, total]);

  const failed = first.error ?? more.find((q) => q.error)?.error;
  const reload = useCallback(() => {
    void first.refetch();
    for (const q of more) if (q.error) void q.refetch();
  }, [first, more]);
  return { total, rowAt, ensureRange, error: errorText(failed), reload };
}
