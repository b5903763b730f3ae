/**
 * Corrections name fields by RFC 6901 JSON Pointer (e.g. `/input/place`). Parsing and
 * resolving are the ledger's (it validates the pointer when sealing a correction); the
 * service adds only `setAt`, to build the corrected reading.
 */
import { parsePointer as parseOrNull, resolvePointer } from '../ledger/json-pointer';

export function parsePointer(pointer: string): string[] {
  const tokens = parseOrNull(pointer);
  if (tokens === null) throw new Error(`字段路径无效：${pointer}`);
  return tokens;
}

export function getAt(doc: unknown, pointer: string): { found: boolean; value?: unknown } {
  return resolvePointer(doc, pointer);
}

/** A deep copy of `doc` with the value at an existing `pointer` replaced. */
export function setAt<T>(doc: T, pointer: string, value: unknown): T {
  const keys = parsePointer(pointer);
  if (keys.length === 0) return value as T;
  const parentPointer = pointer.slice(0, pointer.lastIndexOf('/'));
  const copy = structuredClone(doc);
  const parent = resolvePointer(copy, parentPointer);
  const last = keys[keys.length - 1]!;
  const exists = parent.found && resolvePointer(parent.value, `/${pointer.slice(pointer.lastIndexOf('/') + 1)}`).found;
  // A missing key of an existing object may be added (an optional field left empty at sealing).
  const addable = parent.found && typeof parent.value === 'object' && parent.value !== null && !Array.isArray(parent.value);
  if (!exists && !addable) throw new Error(`字段不存在：${pointer}`);
  if (Array.isArray(parent.value)) parent.value[Number(last)] = value;
  else (parent.value as Record<string, unknown>)[last] = value;
  return copy;
}
