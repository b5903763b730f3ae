/**
 * The roster and organisation as they stood on the entry's date. Attendance and the rule
 * profile depend on the date (a member who left in March is not 应到 in April), so both are
 * re-read whenever the date changes; until the new answer arrives the previous one stays.
 */
import type { MemberView, OrgView } from '../../db/contract';
import { errorText, useServiceQuery } from '../app/service-query';

export interface BookContextState {
  roster: MemberView[];
  org: OrgView | null;
  loading: boolean;
  error: string | null;
}

const NO_MEMBERS: MemberView[] = [];

export function useBookContext(bookId: string, on: string | undefined): BookContextState {
  const query = on ? { bookId, on } : { bookId };
  const roster = useServiceQuery('members.list', query);
  const org = useServiceQuery('org.get', query);
  const failed = roster.error ?? org.error;
  return {
    roster: roster.data ?? NO_MEMBERS,
    org: org.data ?? null,
    error: failed ? `无法读取成员名册：${errorText(failed)}` : null,
    loading: roster.isPlaceholderData || org.isPlaceholderData || roster.isPending || org.isPending,
  };
}

export function memberName(roster: readonly MemberView[], id: string | undefined): string {
  if (!id) return '';
  return roster.find((m) => m.memberId === id)?.person.name ?? '（已不在名册中的成员）';
}
