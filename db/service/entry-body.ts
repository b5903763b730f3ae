/**
 * The body the service seals for every domain entry:
 * `{ v: 1, input, computed, flags }` — `input` is exactly what the recorder entered (after
 * validation), `computed` is what the rules decided at seal time, `flags` are the rule flags
 * (record reality, flag the rule). Corrections point into `/input/...` only: a computed result
 * is never corrected by hand, it is re-evaluated on the corrected reading.
 */
import type { RuleFlag } from '../contract';

export interface DomainBody<I = unknown, C = unknown> {
  v: 1;
  input: I;
  computed: C;
  flags: RuleFlag[];
}

export function makeBody<I, C>(input: I, computed: C, flags: RuleFlag[]): DomainBody<I, C> {
  return { v: 1, input, computed, flags };
}

export function isDomainBody(body: unknown): body is DomainBody {
  return typeof body === 'object' && body !== null && (body as { v?: unknown }).v === 1 && 'input' in body;
}

/** The body of a `ledger.correction` entry (written by the ledger's `correct`). */
export interface CorrectionBody {
  /** Seq of the corrected entry, and its hash at the time. */
  target: number;
  targetHash: string;
  field: string;
  value: unknown;
  reason: string;
  by?: string;
}

export function asCorrection(body: unknown): CorrectionBody | null {
  const b = body as Partial<CorrectionBody> | null;
  if (!b || typeof b !== 'object' || typeof b.target !== 'number' || typeof b.field !== 'string') return null;
  return b as CorrectionBody;
}
