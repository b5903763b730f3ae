/**
 * Result shapes shared by the rule functions. Errors are data (code + Chinese message), in the
 * same `{ok, value} | {ok:false, error}` shape the service returns across IPC, because most
 * rule inputs are what a clerk typed: a wrong count is a message to show, not an exception.
 * Exceptions (RangeError) are kept for programming errors, e.g. a negative head count.
 */
export interface RuleError {
  /** Stable machine code, e.g. `votes-exceed-present`. */
  code: string;
  /** Simplified Chinese, says what is wrong and what to do. */
  message: string;
}

export type Outcome<T, E extends RuleError = RuleError> = { ok: true; value: T } | { ok: false; error: E };

/** A warning that never blocks the record (composition, chair, …). Same shape as the contract's RuleFlag. */
export interface RuleWarning {
  code: string;
  message: string;
  /** The member it concerns, if any. */
  memberId?: string;
}

export function succeed<T>(value: T): { ok: true; value: T } {
  return { ok: true, value };
}

export function fail<E extends RuleError>(error: E): { ok: false; error: E } {
  return { ok: false, error };
}

/** Checks that every named value is a non-negative safe integer; returns the first problem. */
export function findInvalidCount(values: Record<string, number>): RuleError | null {
  for (const [label, value] of Object.entries(values)) {
    if (!Number.isSafeInteger(value) || value < 0) {
      return { code: 'invalid-count', message: `${label}必须是非负整数（收到 ${String(value)}）` };
    }
  }
  return null;
}
