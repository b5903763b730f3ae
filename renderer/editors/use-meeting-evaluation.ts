/**
 * Live rule checks while the recorder types: `meetings.evaluate` is called 250 ms after the
 * last change to anything the rules look at (attendance, start time, guests, votes,
 * election), never per keystroke. Only the newest answer is shown.
 */
import { useEffect, useRef, useState } from 'react';
import { useApi } from '../api-context';
import type { MeetingEvaluation } from '../../db/contract';
import { toShownError } from './api-error';

export const EVALUATE_DELAY_MS = 250;

export type CheckInput = Parameters<ReturnType<typeof useApi>['meetings.evaluate']>[0]['meeting'];
/** What the editor sends: the contract's check input plus fields the service can already judge (see meetingCheckInput). */
export type CheckPayload = CheckInput & { chairId?: string; chairDelegated?: boolean; mode?: string; type?: string; heldSeparately?: boolean };

export interface EvaluationState {
  evaluation: MeetingEvaluation | null;
  pending: boolean;
  error: string | null;
  /** True when `evaluation` answers the current input (not an older one still on screen). */
  fresh: boolean;
}

export function useMeetingEvaluation(bookId: string, check: CheckPayload, enabled: boolean): EvaluationState {
  const api = useApi();
  const [state, setState] = useState<Omit<EvaluationState, 'fresh'> & { key: string | null }>(
    { evaluation: null, pending: false, error: null, key: null },
  );
  const latest = useRef(0);
  // The input is rebuilt on every render; compare by content so unrelated typing (minutes)
  // does not trigger a check.
  const key = JSON.stringify(check);

  useEffect(() => {
    if (!enabled) return;
    const ticket = ++latest.current;
    const timer = setTimeout(() => {
      setState((s) => ({ ...s, pending: true }));
      api['meetings.evaluate']({ bookId, meeting: JSON.parse(key) as CheckPayload }).then(
        (evaluation) => { if (ticket === latest.current) setState({ evaluation, pending: false, error: null, key }); },
        (e: unknown) => {
          if (ticket === latest.current) setState((s) => ({ ...s, pending: false, error: toShownError(e).message }));
        },
      );
    }, EVALUATE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [api, bookId, key, enabled]);

  return { evaluation: state.evaluation, pending: state.pending, error: state.error, fresh: state.key === key };
}
