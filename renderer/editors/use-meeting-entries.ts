/** Sealed meetings of the book, for the work items that point at one (备案, 三重一大). */
import type { EntrySummary } from '../../db/contract';
import { errorText, useServiceQuery } from '../app/service-query';

export interface MeetingEntries {
  items: EntrySummary[];
  loading: boolean;
  error: string | null;
}

const NONE: EntrySummary[] = [];

export function useMeetingEntries(bookId: string): MeetingEntries {
  const page = useServiceQuery('entries.list', { bookId, kinds: ['meeting'], limit: 500 });
  return {
    items: page.data?.items ?? NONE,
    error: page.error ? `无法读取会议记录列表：${errorText(page.error)}` : null,
    loading: page.isPending,
  };
}

export function meetingEntryLabel(e: EntrySummary): string {
  return `第 ${e.seq} 条 · ${e.date} · ${e.title}`;
}
