/** RFC 6901 JSON Pointer, only what corrections need: parse and resolve. */

export function parsePointer(pointer: string): string[] | null {
  if (pointer === '') return [];
  if (!pointer.startsWith('/')) return null;
  const tokens = pointer.slice(1).split('/');
  // "~" must be followed by 0 or 1.
  if (tokens.some((t) => /~(?![01])/.test(t))) return null;
  return tokens.map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** Resolves a pointer in a JSON value: `{found: true, value}` or `{found: false}`. */
export function resolvePointer(document: unknown, pointer: string): { found: true; value: unknown } | { found: false } {
  const tokens = parsePointer(pointer);
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

/**
 * Whether a correction may name `pointer` in `document`: it resolves, or it names a missing key
 * of an object that exists (an optional field that was left empty when the entry was sealed).
 */
export function isCorrectable(document: unknown, pointer: string): boolean {
  if (resolvePointer(document, pointer).found) return true;
  const tokens = parsePointer(pointer);
  if (tokens === null || tokens.length === 0) return false;
  const parent = resolvePointer(document, pointer.slice(0, pointer.lastIndexOf('/')));
  return parent.found && typeof parent.value === 'object' && parent.value !== null && !Array.isArray(parent.value);
}
