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
  return { v: 1, input: jsonValue(input), computed: jsonValue(computed), flags };
}

/**
 * The value as JSON sees it: keys whose value is `undefined` are dropped. zod keeps such keys
 * (an empty optional line becomes `undefined`, and Electron's IPC keeps `undefined` values that
 * HTTP's JSON drops), while canonical JSON rightly refuses them: without this, the same form
 * would seal over HTTP and fail over IPC.
 */
export function jsonValue<T>(value: T): T {
  if (Array.isArray(value)) return (value as unknown[]).map((v) => jsonValue(v)) as T;
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) if (v !== undefined) out[k] = jsonValue(v);
    return out as T;
  }
  return value;
}

export function isDomainBody(body: unknown): body is DomainBody {
  return typeof body === 'object' && body !== null && (body as { v?: unknown }).v === 1 && 'input' in body;
}

/** The body of a `ledger.correction` entry (written by the ledger's `correct`). */
export interface CorrectionBody {
  /** Seq of the corrected entry, and its hash at the time. */
  target: number;
  targetHash: string;
  /** One field … */
  field?: string;
  value?: unknown;
  /** … or several changed together. */
  changes?: { field: string; value: unknown }[];
  reason: string;
  by?: string;
}

export function asCorrection(body: unknown): CorrectionBody | null {
  const b = body as Partial<CorrectionBody> | null;
  if (!b || typeof b !== 'object' || typeof b.target !== 'number') return null;
  if (typeof b.field !== 'string' && !Array.isArray(b.changes)) return null;
  return b as CorrectionBody;
}

/** The field changes a correction makes, in order. */
export function changesOf(c: CorrectionBody): { field: string; value: unknown }[] {
  return c.changes ?? [{ field: c.field!, value: c.value }];
}
