/**
 * Live rule checks of a meeting while the recorder types: the meeting's `entries.check`
 * (see use-seal-check.ts), whose evaluation (counts, quorum, decisions, filing, election) is
 * the one sealing will seal, with every blocking problem and every flag.
 */
import type { EntryCheck, MeetingCheckInput, MeetingEvaluation } from '../../db/contract';
import { useSealCheck } from './use-seal-check';

/** What the editor sends: the contract's meeting check input. */
export type CheckPayload = MeetingCheckInput;

export interface EvaluationState {
  evaluation: MeetingEvaluation | null;
  /** The whole check: 须修改 / 将记录的提示 / 已通过. */
  check: EntryCheck | null;
  pending: boolean;
  error: string | null;
  /** True when `evaluation` answers the current input (not an older one still on screen). */
  fresh: boolean;
}

export function useMeetingEvaluation(bookId: string, check: CheckPayload, enabled: boolean): EvaluationState {
  const s = useSealCheck(bookId, { kind: 'meeting', meeting: check }, enabled);
  return {
    evaluation: s.check?.evaluation ?? null,
    check: s.check,
    pending: s.pending,
    error: s.error,
    fresh: s.fresh,
  };
}
