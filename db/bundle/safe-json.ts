import { MAX_JSON_DEPTH } from './bundle-limits';

/**
 * JSON from a stranger's file, parsed without surprises. JSON.parse alone accepts any depth
 * (and later recursive code overflows the stack), silently keeps the last of duplicate keys,
 * silently rounds integers beyond 2^53, and creates own `__proto__` properties that careless
 * code later merges into prototypes. So the text is first scanned once by a small state
 * machine over the full JSON grammar (no allocation except object key sets), and only text
 * that passes is handed to JSON.parse. Never throws: the reason is Chinese and English.
 */

export interface SafeJsonOptions {
  /** Maximum length of the text in UTF-16 code units. */
  maxLength: number;
  maxDepth?: number;
}

export type SafeJsonResult = { ok: true; value: unknown } | { ok: false; reason: string };

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

// States of the scanner.
const VALUE = 0; // a value is required
const VALUE_OR_CLOSE = 1; // just after '['
const KEY_OR_CLOSE = 2; // just after '{'
const KEY = 3; // after ',' in an object
const COLON = 4;
const COMMA_OR_CLOSE = 5;
const DONE = 6;

function isWhitespace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

function isHexDigit(c: number): boolean {
  return isDigit(c) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66);
}

class ScanError extends Error {}

function fail(zh: string, en: string, at: number): never {
  throw new ScanError(`${zh}（第 ${at + 1} 个字符） / ${en} (at character ${at + 1})`);
}

/** End (exclusive) of the string starting at text[i] === '"'; sets hasEscape. */
function scanString(text: string, i: number, flags: { escaped: boolean }): number {
  let j = i + 1;
  flags.escaped = false;
  for (;;) {
    if (j >= text.length) fail('字符串没有结束', 'unterminated string', i);
    const c = text.charCodeAt(j);
    if (c === 0x22) return j + 1;
    if (c < 0x20) fail('字符串中有未转义的控制字符', 'raw control character in a string', j);
    if (c === 0x5c) {
      flags.escaped = true;
      const e = text.charCodeAt(j + 1);
      if (e === 0x75) {
        for (let k = 2; k < 6; k++)
          if (!isHexDigit(text.charCodeAt(j + k))) fail('\\u 转义不完整', 'bad \\u escape', j);
        j += 6;
      } else if (
        e === 0x22 ||
        e === 0x5c ||
        e === 0x2f ||
        e === 0x62 ||
        e === 0x66 ||
        e === 0x6e ||
        e === 0x72 ||
        e === 0x74
      ) {
        j += 2;
      } else {
        fail('无效的转义', 'bad escape', j);
      }
      continue;
    }
    j++;
  }
}

/** End (exclusive) of the number at text[i]; refuses integers JSON.parse would round (beyond 2^53). */
function scanNumber(text: string, i: number): number {
  let j = i;
  if (text.charCodeAt(j) === 0x2d) j++;
  if (text.charCodeAt(j) === 0x30) j++;
  else if (isDigit(text.charCodeAt(j))) while (isDigit(text.charCodeAt(j))) j++;
  else fail('数字格式不对', 'bad number', i);
  let integral = true;
  if (text.charCodeAt(j) === 0x2e) {
    integral = false;
    j++;
    if (!isDigit(text.charCodeAt(j))) fail('数字格式不对', 'bad number', i);
    while (isDigit(text.charCodeAt(j))) j++;
  }
  const e = text.charCodeAt(j);
  if (e === 0x65 || e === 0x45) {
    integral = false;
    j++;
    const s = text.charCodeAt(j);
    if (s === 0x2b || s === 0x2d) j++;
    if (!isDigit(text.charCodeAt(j))) fail('数字格式不对', 'bad number', i);
    while (isDigit(text.charCodeAt(j))) j++;
  }
  // Short plain integers are always exact; anything longer or with a fraction/exponent is checked by value.
  if (!integral || j - i > 15) {
    const value = Number(text.slice(i, j));
    if (!Number.isFinite(value)) fail('数字超出范围', 'number out of range', i);
    if (Number.isInteger(value) && !Number.isSafeInteger(value)) {
      fail('整数超出 2^53，无法精确表示', 'integer beyond 2^53 cannot be represented exactly', i);
    }
  }
  return j;
}

function scanLiteral(text: string, i: number): number {
  for (const word of ['true', 'false', 'null']) if (text.startsWith(word, i)) return i + word.length;
  fail('不是有效的 JSON 值', 'not a JSON value', i);
}

/** Scans `text`; throws ScanError with the first reason it is not acceptable JSON. */
function scan(text: string, maxDepth: number): void {
  // One entry per open container: a key set for objects, null for arrays.
  const stack: (Set<string> | null)[] = [];
  const flags = { escaped: false };
  let state = VALUE;
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (isWhitespace(c)) {
      i++;
      continue;
    }
    switch (state) {
      case VALUE:
      case VALUE_OR_CLOSE:
        if (state === VALUE_OR_CLOSE && c === 0x5d) {
          stack.pop();
          i++;
          state = stack.length === 0 ? DONE : COMMA_OR_CLOSE;
          break;
        }
        if (c === 0x7b || c === 0x5b) {
          if (stack.length >= maxDepth) fail(`嵌套超过 ${maxDepth} 层`, `nested deeper than ${maxDepth}`, i);
          stack.push(c === 0x7b ? new Set() : null);
          i++;
          state = c === 0x7b ? KEY_OR_CLOSE : VALUE_OR_CLOSE;
          break;
        }
        if (c === 0x22) i = scanString(text, i, flags);
        else if (c === 0x2d || isDigit(c)) i = scanNumber(text, i);
        else i = scanLiteral(text, i);
        state = stack.length === 0 ? DONE : COMMA_OR_CLOSE;
        break;
      case KEY_OR_CLOSE:
      case KEY: {
        if (state === KEY_OR_CLOSE && c === 0x7d) {
          stack.pop();
          i++;
          state = stack.length === 0 ? DONE : COMMA_OR_CLOSE;
          break;
        }
        if (c !== 0x22) fail('此处应为对象的键', 'expected an object key', i);
        const end = scanString(text, i, flags);
        const key = flags.escaped ? (JSON.parse(text.slice(i, end)) as string) : text.slice(i + 1, end - 1);
        if (FORBIDDEN_KEYS.has(key))
          fail(`不允许的键 ${JSON.stringify(key)}`, `key ${JSON.stringify(key)} not allowed`, i);
        const keys = stack[stack.length - 1]!;
        if (keys.has(key)) fail(`重复的键 ${JSON.stringify(key)}`, `duplicate key ${JSON.stringify(key)}`, i);
        keys.add(key);
        i = end;
        state = COLON;
        break;
      }
      case COLON:
        if (c !== 0x3a) fail('此处应为冒号', 'expected ":"', i);
        i++;
        state = VALUE;
        break;
      case COMMA_OR_CLOSE: {
        const top = stack[stack.length - 1];
        if (c === 0x2c) {
          i++;
          state = top === null ? VALUE : KEY;
        } else if ((top === null && c === 0x5d) || (top !== null && c === 0x7d)) {
          stack.pop();
          i++;
          state = stack.length === 0 ? DONE : COMMA_OR_CLOSE;
        } else {
          fail('此处应为逗号或括号', 'expected "," or a closing bracket', i);
        }
        break;
      }
      default:
        fail('JSON 值之后还有多余内容', 'trailing content after the JSON value', i);
    }
  }
  if (state !== DONE) fail('JSON 不完整', 'incomplete JSON', n - 1);
}

/** Scans then parses `text`; never throws. */
export function parseSafeJson(text: string, options: SafeJsonOptions): SafeJsonResult {
  if (text.length > options.maxLength) {
    return {
      ok: false,
      reason: `JSON 文本超过 ${options.maxLength} 个字符 / JSON text longer than ${options.maxLength} characters`,
    };
  }
  try {
    scan(text, options.maxDepth ?? MAX_JSON_DEPTH);
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    if (error instanceof ScanError) return { ok: false, reason: error.message };
    return { ok: false, reason: `不是有效的 JSON / not valid JSON (${(error as Error).message})` };
  }
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Strict UTF-8 (no BOM, no invalid sequences); null if the bytes are not. */
export function decodeUtf8(bytes: Uint8Array): string | null {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return null;
  try {
    return utf8.decode(bytes);
  } catch {
    return null;
  }
}
