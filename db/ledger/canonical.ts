import canonicalize from 'canonicalize';
import { escapeToken } from '../contract/json-pointer';
import { LedgerError } from './errors';

/**
 * RFC 8785 (JCS) canonical JSON. The `canonicalize` package implements the serialisation
 * but, like JSON.stringify, silently drops `undefined`, functions and symbols and calls
 * `toJSON` (a Date becomes a string). A sealed record must be exactly what the caller meant,
 * so anything that is not plainly JSON is refused first, with the path to the bad value.
 */

const MAX_DEPTH = 200;

type Frame = { value: unknown; path: string; depth: number };

function isWellFormed(text: string): boolean {
  // String.prototype.isWellFormed is in Node 20 but not in the ES2023 lib typings.
  return (text as unknown as { isWellFormed(): boolean }).isWellFormed();
}

function reject(label: string, path: string, what: string): never {
  const where = path === '' ? label : `${label}的 ${path}`;
  throw new LedgerError(
    'invalid-json',
    `${where} ${what}，不能封存。只允许 JSON 值：普通对象、数组、字符串、有限数字、true、false、null。`,
  );
}

function describeValue(value: unknown): string {
  if (value === undefined) return '是 undefined';
  if (typeof value === 'number') return `是 ${String(value)}（非有限数字）`;
  if (typeof value === 'bigint') return '是 BigInt';
  if (typeof value === 'function') return '是函数';
  if (typeof value === 'symbol') return '是 Symbol';
  const name = (value as { constructor?: { name?: unknown } }).constructor?.name;
  return `是 ${typeof name === 'string' && name !== '' ? name : '非普通'} 对象`;
}

/** Throws `invalid-json` (naming the JSON Pointer of the bad value) unless `value` is plain JSON. */
export function assertJsonValue(value: unknown, label = '值'): void {
  const stack: Frame[] = [{ value, path: '', depth: 0 }];
  const ancestors: object[] = [];
  const exits: number[] = [];
  while (stack.length > 0) {
    // Leave containers whose children are all done (keeps `ancestors` = the current path).
    while (exits.length > 0 && exits[exits.length - 1]! >= stack.length) {
      exits.pop();
      ancestors.pop();
    }
    const { value: v, path, depth } = stack.pop()!;
    if (v === null || typeof v === 'boolean') continue;
    if (typeof v === 'string') {
      if (!isWellFormed(v)) reject(label, path, '含有不成对的代理字符（无效的 Unicode）');
      continue;
    }
    if (typeof v === 'number') {
      if (!Number.isFinite(v)) reject(label, path, describeValue(v));
      continue;
    }
    if (typeof v !== 'object') reject(label, path, describeValue(v));
    if (depth >= MAX_DEPTH) reject(label, path, `嵌套超过 ${MAX_DEPTH} 层`);
    if (ancestors.includes(v)) reject(label, path, '循环引用了自身');
    const proto = Object.getPrototypeOf(v) as unknown;
    if (Object.getOwnPropertySymbols(v).length > 0) reject(label, path, '带有 Symbol 键');
    if (Array.isArray(v)) {
      if (proto !== Array.prototype) reject(label, path, describeValue(v));
      ancestors.push(v);
      exits.push(stack.length);
      for (let i = v.length - 1; i >= 0; i--) {
        if (!(i in v)) reject(label, `${path}/${i}`, '是数组空位');
        stack.push({ value: v[i] as unknown, path: `${path}/${i}`, depth: depth + 1 });
      }
      continue;
    }
    if (proto !== Object.prototype && proto !== null) reject(label, path, describeValue(v));
    ancestors.push(v);
    exits.push(stack.length);
    const record = v as Record<string, unknown>;
    const keys = Object.keys(record);
    for (let i = keys.length - 1; i >= 0; i--) {
      const key = keys[i]!;
      const childPath = `${path}/${escapeToken(key)}`;
      if (!isWellFormed(key)) reject(label, childPath, '的键含有不成对的代理字符');
      stack.push({ value: record[key], path: childPath, depth: depth + 1 });
    }
  }
}

/** RFC 8785 canonical JSON text of a plain JSON value (validated first). */
export function canonicalJson(value: unknown, label = '值'): string {
  assertJsonValue(value, label);
  const text = canonicalize(value);
  if (text === undefined) reject(label, '', '无法序列化');
  return text;
}

/**
 * The RFC 8785 text of a value that JSON.parse produced, or null when it has none (a lone
 * surrogate in a string or key, containers nested MAX_DEPTH deep): for such values exactly
 * what canonicalJson returns or refuses, at about twice the speed. It is the check that
 * received bytes are canonical (`canonicalOfParsed(JSON.parse(text)) === text`) in the
 * bundle's entry stream and the ledger's import, which run it on every entry: a parsed value
 * needs no validation walk (no undefined, functions, cycles, toJSON or foreign prototypes
 * can come out of JSON.parse) and no cycle set. Anything else in `value` gives null.
 */
export function canonicalOfParsed(value: unknown): string | null {
  try {
    return serializeParsed(value, 0);
  } catch (error) {
    if (error instanceof NotCanonical) return null;
    throw error;
  }
}

class NotCanonical extends Error {}

function serializeParsed(v: unknown, depth: number): string {
  if (v === null) return 'null';
  switch (typeof v) {
    case 'string':
      if (!isWellFormed(v)) throw new NotCanonical();
      return JSON.stringify(v);
    case 'number':
      if (!Number.isFinite(v)) throw new NotCanonical();
      return JSON.stringify(v);
    case 'boolean':
      return v ? 'true' : 'false';
    case 'object': {
      if (depth >= MAX_DEPTH) throw new NotCanonical();
      const proto = Object.getPrototypeOf(v) as unknown;
      if (Array.isArray(v)) {
        if (proto !== Array.prototype) throw new NotCanonical();
        let out = '[';
        for (let i = 0; i < v.length; i++) {
          if (i > 0) out += ',';
          out += serializeParsed(v[i], depth + 1);
        }
        return `${out}]`;
      }
      if (proto !== Object.prototype && proto !== null) throw new NotCanonical();
      if (Object.getOwnPropertySymbols(v).length > 0) throw new NotCanonical();
      const record = v as Record<string, unknown>;
      // Default sort: by UTF-16 code units, the order RFC 8785 asks for.
      const keys = Object.keys(record).sort();
      let out = '{';
      for (let i = 0; i < keys.length; i++) {
        const key = keys[i]!;
        if (!isWellFormed(key)) throw new NotCanonical();
        if (i > 0) out += ',';
        out += `${JSON.stringify(key)}:${serializeParsed(record[key], depth + 1)}`;
      }
      return `${out}}`;
    }
    default:
      throw new NotCanonical();
  }
}

/**
 * Whether `text` is the RFC 8785 text of `value`, which JSON.parse made of it: the same
 * verdict as `canonicalOfParsed(value) === text`, mostly without building the canonical text.
 * When every object's keys already come in code-unit order (Object.keys: the text's order,
 * integer-like keys first) and no string has a lone surrogate, the canonical text IS what
 * the native JSON.stringify writes (the same escapes and number forms), so that is compared.
 * Objects whose keys are not in that order (integer-like keys after others, such as "10"
 * before "9") take the exact path.
 */
export function isCanonicalText(value: unknown, text: string): boolean {
  const walk = plainSorted(value, 0);
  if (walk === 'no') return false;
  if (walk === 'unsorted') return canonicalOfParsed(value) === text;
  return JSON.stringify(value) === text;
}

type Walk = 'sorted' | 'unsorted' | 'no';

function plainSorted(v: unknown, depth: number): Walk {
  if (v === null || typeof v === 'boolean') return 'sorted';
  if (typeof v === 'string') return isWellFormed(v) ? 'sorted' : 'no';
  if (typeof v === 'number') return Number.isFinite(v) ? 'sorted' : 'no';
  if (typeof v !== 'object' || depth >= MAX_DEPTH) return 'no';
  const proto = Object.getPrototypeOf(v) as unknown;
  let result: Walk = 'sorted';
  if (Array.isArray(v)) {
    if (proto !== Array.prototype) return 'no';
    for (let i = 0; i < v.length; i++) {
      const r = plainSorted(v[i], depth + 1);
      if (r === 'no') return 'no';
      if (r === 'unsorted') result = 'unsorted';
    }
    return result;
  }
  if ((proto !== Object.prototype && proto !== null) || Object.getOwnPropertySymbols(v).length > 0) return 'no';
  const record = v as Record<string, unknown>;
  const keys = Object.keys(record);
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    if (!isWellFormed(key)) return 'no';
    if (i > 0 && !(keys[i - 1]! < key)) result = 'unsorted';
    const r = plainSorted(record[key], depth + 1);
    if (r === 'no') return 'no';
    if (r === 'unsorted') result = 'unsorted';
  }
  return result;
}
