/**
 * The code printed on every page (and held by its QR): which book, which print, which
 * checkpoint the print was made from, which entry, and short fingerprints of the entry's hash
 * and of the checkpoint's root. Everything in it can be checked against the record alone, on
 * the recorder's computer or on the liaison's (the imported book): no print log is needed.
 *
 *   DJ1/<book 8>/<print>/<checkpoint size>/<checkpoint 8>/<seq>/<entry 8>
 *
 * `print` is what was printed: `Y2025` a year (with cover and contents), `R20250101-20250630`
 * a date range (with cover and contents), `E12` one entry, `L3.12.15` a selection. Seq 0 is
 * the cover and contents of a print that has them. Only QR alphanumeric characters are used
 * (digits, capitals, `/ . -`), so the code is a small QR and easy to type.
 */
import { MAX_PRINT_SELECTION } from '../contract';

export const CODE_PREFIX = 'DJ1';
/** How many hex digits of a hash a page carries. */
export const FINGERPRINT_LENGTH = 8;
/** The most entries a selection print names in its code (a longer one is a range or a year). */
export const MAX_SELECTION = MAX_PRINT_SELECTION;

export type PrintScope =
  | { kind: 'year'; year: number }
  | { kind: 'range'; from: string; to: string }
  | { kind: 'entry'; seq: number }
  | { kind: 'selection'; seqs: number[] };

export interface PageCode {
  book: string;
  scope: PrintScope;
  checkpointSize: number;
  checkpoint: string;
  seq: number;
  entry: string;
}

export function fingerprint(hash: string): string {
  return hash.slice(0, FINGERPRINT_LENGTH).toUpperCase();
}

export function bookShort(bookId: string): string {
  return bookId.replace(/-/g, '').slice(0, 8).toUpperCase();
}

/** Whether a print has a cover and contents (seq 0). */
export function hasCover(scope: PrintScope): boolean {
  return scope.kind === 'year' || scope.kind === 'range';
}

export function scopeToken(scope: PrintScope): string {
  switch (scope.kind) {
    case 'year':
      return `Y${scope.year}`;
    case 'range':
      return `R${scope.from.replace(/-/g, '')}-${scope.to.replace(/-/g, '')}`;
    case 'entry':
      return `E${scope.seq}`;
    case 'selection':
      return `L${scope.seqs.join('.')}`;
  }
}

export function formatCode(code: PageCode): string {
  return [
    CODE_PREFIX,
    code.book,
    scopeToken(code.scope),
    code.checkpointSize,
    code.checkpoint,
    code.seq,
    code.entry,
  ].join('/');
}

export type ParsedCode = { ok: true; code: PageCode } | { ok: false; reason: string };

const HEX8 = /^[0-9A-F]{8}$/;
const NUMBER = /^(0|[1-9]\d{0,8})$/;

function isoDate(digits: string): string | null {
  const m = /^(\d{4})(\d{2})(\d{2})$/.exec(digits);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(Date.UTC(y, mo - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d
    ? `${m[1]}-${m[2]}-${m[3]}`
    : null;
}

function parseScope(token: string): PrintScope | null {
  const year = /^Y(\d{4})$/.exec(token);
  if (year) return { kind: 'year', year: Number(year[1]) };
  const range = /^R(\d{8})-(\d{8})$/.exec(token);
  if (range) {
    const from = isoDate(range[1]!);
    const to = isoDate(range[2]!);
    return from && to && from <= to ? { kind: 'range', from, to } : null;
  }
  const entry = /^E([1-9]\d{0,8})$/.exec(token);
  if (entry) return { kind: 'entry', seq: Number(entry[1]) };
  const list = /^L([1-9]\d{0,8}(?:\.[1-9]\d{0,8})*)$/.exec(token);
  if (list) {
    const seqs = list[1]!.split('.').map(Number);
    const ascending = seqs.every((s, i) => i === 0 || s > seqs[i - 1]!);
    return ascending && seqs.length <= MAX_SELECTION ? { kind: 'selection', seqs } : null;
  }
  return null;
}

/** Reads a typed or scanned code; spaces and case are forgiven, anything else is refused with the reason. */
export function parseCode(text: string): ParsedCode {
  const cleaned = text.trim().toUpperCase().replace(/\s+/g, '');
  if (cleaned.length === 0) return { ok: false, reason: '请输入页面上的核对码' };
  if (cleaned.length > 400) return { ok: false, reason: '核对码过长，不是本软件打印的页面' };
  const parts = cleaned.split('/');
  if (parts[0] !== CODE_PREFIX) return { ok: false, reason: `核对码应以 ${CODE_PREFIX}/ 开头，这不是本软件打印的页面` };
  if (parts.length !== 7) return { ok: false, reason: '核对码不完整：应有 7 段，用“/”分隔' };
  const [, book, scopeText, size, checkpoint, seq, entry] = parts as [
    string,
    string,
    string,
    string,
    string,
    string,
    string,
  ];
  if (!HEX8.test(book)) return { ok: false, reason: '核对码中的记录本编号无效' };
  const scope = parseScope(scopeText);
  if (!scope) return { ok: false, reason: '核对码中的打印范围无效' };
  if (!NUMBER.test(size) || size === '0') return { ok: false, reason: '核对码中的校验点条数无效' };
  if (!HEX8.test(checkpoint)) return { ok: false, reason: '核对码中的校验点指纹无效（应为 8 位十六进制）' };
  if (!NUMBER.test(seq)) return { ok: false, reason: '核对码中的条目序号无效' };
  if (!HEX8.test(entry)) return { ok: false, reason: '核对码中的条目指纹无效（应为 8 位十六进制）' };
  return { ok: true, code: { book, scope, checkpointSize: Number(size), checkpoint, seq: Number(seq), entry } };
}
