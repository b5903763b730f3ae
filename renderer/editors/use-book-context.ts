/**
 * The roster and organisation as they stood on the entry's date. Attendance and the rule
 * profile depend on the date (a member who left in March is not 应到 in April), so both are
 * re-read whenever the date changes; an older answer arriving late is ignored.
 */
import { useEffect, useState } from 'react';
import { useApi } from '../api-context';
import type { MemberView, OrgView } from '../../db/contract';
import { toShownError } from './api-error';

export interface BookContextState {
  roster: MemberView[];
  org: OrgView | null;
  loading: boolean;
  error: string | null;
}

interface Loaded extends Omit<BookContextState, 'loading'> {
  /** Which query the data answers; `loading` is derived by comparing it with the current one. */
  key: string | null;
}

export function useBookContext(bookId: string, on: string | undefined): BookContextState {
  const api = useApi();
  const [state, setState] = useState<Loaded>({ roster: [], org: null, error: null, key: null });
  const key = `${bookId}|${on ?? ''}`;

  useEffect(() => {
    let live = true;
    const query = on ? { bookId, on } : { bookId };
    Promise.all([api['members.list'](query), api['org.get'](query)]).then(
      ([roster, org]) => { if (live) setState({ roster, org, error: null, key }); },
      (e: unknown) => {
        if (live) setState((s) => ({ ...s, key, error: `无法读取成员名册：${toShownError(e).message}` }));
      },
    );
    return () => { live = false; };
  }, [api, bookId, on, key]);

  // Until the answer for this date arrives, the previous roster stays visible (no flicker).
  return { roster: state.roster, org: state.org, error: state.error, loading: state.key !== key };
}

export function memberName(roster: readonly MemberView[], id: string | undefined): string {
  if (!id) return '';
  return roster.find((m) => m.memberId === id)?.person.name ?? '（已不在名册中的成员）';
}
