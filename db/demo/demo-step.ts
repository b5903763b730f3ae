/**
 * One step of the demo book: a service call as the recorder makes it, at the moment they
 * make it. Ids the service hands out (the book id, member ids, the seq of a meeting a filing
 * points at) cannot be known in advance, so inputs carry named references that `runDemo`
 * fills in from earlier results. A step list is therefore plain JSON and reproducible.
 */
import type { MethodName } from '../contract';

/** `{ $ref: 'book' }`, `{ $ref: 'member:m7' }` or `{ $ref: 'seq:2025-m3' }`. */
export interface Ref {
  $ref: string;
}

export interface DemoStep {
  method: MethodName;
  /** The contract input, with Refs where ids go. */
  input: Record<string, unknown>;
  /** Beijing local time `YYYY-MM-DDTHH:mm` of the call; never earlier than the step before. */
  at: string;
  /** Keeps the result's id under this name: `member:…` (members.join) or `seq:…` (seals). */
  saveAs?: string;
  /** Keeps the seq of the entry a members.join sealed under this name (`seq:…`), for a later correction. */
  saveSeqAs?: string;
  /** books.create: the names under which the founding members' ids are kept, in roster order. */
  memberKeys?: string[];
  /** The book's size (sealed entries) once this step is done. */
  size: number;
}

export const BOOK: Ref = { $ref: 'book' };
export const memberRef = (key: string): Ref => ({ $ref: `member:${key}` });
export const seqRef = (key: string): Ref => ({ $ref: `seq:${key}` });

export function isRef(value: unknown): value is Ref {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    typeof (value as Ref).$ref === 'string' &&
    Object.keys(value).length === 1
  );
}

/** A copy of `value` with every Ref replaced; an unknown name is a bug in the generator. */
export function resolveRefs(value: unknown, known: ReadonlyMap<string, string | number>): unknown {
  if (isRef(value)) {
    const v = known.get(value.$ref);
    if (v === undefined) throw new Error(`演示数据引用了尚未生成的编号：${value.$ref}`);
    return v;
  }
  if (Array.isArray(value)) return value.map((v) => resolveRefs(v, known));
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = resolveRefs(v, known);
    return out;
  }
  return value;
}
