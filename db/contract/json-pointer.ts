/**
 * RFC 6901 JSON Pointer, the one implementation for the whole app: corrections name fields by
 * pointer (`/input/place`, `/input/absent/0/leaveNote`), the ledger checks them when sealing a
 * correction, canonical JSON reports a bad value by pointer, the service builds the corrected
 * reading with `setAt`, and the entry descriptions and the renderer read fields with `getAt`.
 * Pure (no imports) so that every layer, the renderer included, may use it.
 */

export type PathSegment = string | number;

/** One reference token, escaped: `~` → `~0`, `/` → `~1`. */
export function escapeToken(segment: PathSegment): string {
  return String(segment).replace(/~/g, '~0').replace(/\//g, '~1');
}

export function toPointer(path: readonly PathSegment[]): string {
  return path.map((s) => `/${escapeToken(s)}`).join('');
}

/** The unescaped reference tokens, or null when `pointer` is not a JSON Pointer. */
export function pointerTokens(pointer: string): string[] | null {
  if (pointer === '') return [];
  if (!pointer.startsWith('/')) return null;
  const tokens = pointer.slice(1).split('/');
  // "~" must be followed by 0 or 1.
  if (tokens.some((t) => /~(?![01])/.test(t))) return null;
  return tokens.map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** Segments of a pointer with array indices as numbers (`/topics/0/title` → topics, 0, title); none when invalid. */
export function parsePointer(pointer: string): PathSegment[] {
  return (pointerTokens(pointer) ?? []).map((s) => (/^(0|[1-9]\d*)$/.test(s) ? Number(s) : s));
}

/** Resolves a pointer strictly (own keys, array indices in range): `{found: true, value}` or `{found: false}`. */
export function resolvePointer(document: unknown, pointer: string): { found: true; value: unknown } | { found: false } {
  const tokens = pointerTokens(pointer);
  if (tokens === null) return { found: false };
  let current: unknown = document;
  for (const token of tokens) {
    if (Array.isArray(current)) {
      if (!/^(0|[1-9][0-9]*)$/.test(token) || Number(token) >= current.length) return { found: false };
      current = current[Number(token)];
    } else if (typeof current === 'object' && current !== null) {
      if (!Object.prototype.hasOwnProperty.call(current, token)) return { found: false };
      current = (current as Record<string, unknown>)[token];
    } else {
      return { found: false };
    }
  }
  return { found: true, value: current };
}

/** The value at a pointer or path, undefined when there is none (for reading what to show). */
export function getAt(root: unknown, path: string | readonly PathSegment[]): unknown {
  const pointer = typeof path === 'string' ? path : toPointer(path);
  const at = resolvePointer(root, pointer);
  return at.found ? at.value : undefined;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Whether a correction may name `pointer` in `document`: it resolves, or it names a missing key
 * of an object that exists (an optional field that was left empty when the entry was sealed).
 */
export function isCorrectable(document: unknown, pointer: string): boolean {
  if (resolvePointer(document, pointer).found) return true;
  const tokens = pointerTokens(pointer);
  if (tokens === null || tokens.length === 0) return false;
  return isObject(getAt(document, pointer.slice(0, pointer.lastIndexOf('/'))));
}

/** A deep copy of `doc` with the value at a correctable `pointer` replaced (or added). */
export function setAt<T>(doc: T, pointer: string, value: unknown): T {
  const tokens = pointerTokens(pointer);
  if (tokens === null) throw new Error(`字段路径无效：${pointer}`);
  if (tokens.length === 0) return value as T;
  if (!isCorrectable(doc, pointer)) throw new Error(`字段不存在：${pointer}`);
  const copy = structuredClone(doc);
  const parent = getAt(copy, pointer.slice(0, pointer.lastIndexOf('/')));
  const last = tokens[tokens.length - 1]!;
  if (Array.isArray(parent)) parent[Number(last)] = value;
  else (parent as Record<string, unknown>)[last] = value;
  return copy;
}
