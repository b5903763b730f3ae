/**
 * The code printed on every page (and held by its QR): which book, which print, which
 * checkpoint the print was made from, which entry, and short fingerprints of the entry's hash
 * and of the checkpoint's root. Everything in it can be checked against the record alone, on
 * the recorder's computer or on the liaison's (the imported book): no print log is needed.
 *
 *   DJ2/<book 8>/<print>/<checkpoint size>/<checkpoint 8>/<seq>/<entry 8>/<page>-<pages>
 *
 * `print` is what was printed: `Y2025` a year (with cover and contents), `R20250101-20250630`
 * a date range (with cover and contents), `E12` one entry, `L3.12.15` a selection, `T2025`
 * a year's ledger (年度台账). Seq 0 is the cover and contents of a print that has them, and
 * every page of a ledger. `page-pages` is the page's number and how many the print had
 * (DJ1 codes, printed once per entry before pages had their own, have no page part). Only QR alphanumeric characters are used
 * (digits, capitals, `/ . -`), so the code is a small QR and easy to type.
 */
import { MAX_PRINT_SELECTION } from '../contract';

export const CODE_PREFIX = 'DJ2';
/** Codes printed per entry, before every page had its own. */
export const LEGACY_PREFIX = 'DJ1';
/** How many hex digits of a hash a page carries. */
export const FINGERPRINT_LENGTH = 8;
/** The most entries a selection print names in its code (a longer one is a range or a year). */
export const MAX_SELECTION = MAX_PRINT_SELECTION;

export type PrintScope =
  | { kind: 'year'; year: number }
  | { kind: 'range'; from: string; to: string }
  | { kind: 'entry'; seq: number }
  | { kind: 'selection'; seqs: number[] }
  | { kind: 'ledger'; year: number };

export interface PageCode {
  book: string;
  scope: PrintScope;
  checkpointSize: number;
  checkpoint: string;
  seq: number;
  entry: string;
  /** The page's number and the print's page count (absent on DJ1 codes). */
  page?: { n: number; total: number };
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

/** Whether the print is made of entries (a ledger is not: its pages are all seq 0). */
export function hasEntries(scope: PrintScope): boolean {
  return scope.kind !== 'ledger';
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
    case 'ledger':
      return `T${scope.year}`;
  }
}

export function formatCode(code: PageCode): string {
  return [
    code.page ? CODE_PREFIX : LEGACY_PREFIX,
    code.book,
    scopeToken(code.scope),
    code.checkpointSize,
    code.checkpoint,
    code.seq,
    code.entry,
    ...(code.page ? [`${code.page.n}-${code.page.total}`] : []),
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
  const ledger = /^T(\d{4})$/.exec(token);
  if (ledger) return { kind: 'ledger', year: Number(ledger[1]) };
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
  const legacy = parts[0] === LEGACY_PREFIX;
  if (parts[0] !== CODE_PREFIX && !legacy)
    return { ok: false, reason: `核对码应以 ${CODE_PREFIX}/ 开头，这不是本软件打印的页面` };
  const count = legacy ? 7 : 8;
  if (parts.length !== count) return { ok: false, reason: `核对码不完整：应有 ${count} 段，用“/”分隔` };
  const [, book, scopeText, size, checkpoint, seq, entry, pageText] = parts as [
    string,
    string,
    string,
    string,
    string,
    string,
    string,
    string | undefined,
  ];
  if (!HEX8.test(book)) return { ok: false, reason: '核对码中的记录本编号无效' };
  const scope = parseScope(scopeText);
  if (!scope) return { ok: false, reason: '核对码中的打印范围无效' };
  if (!NUMBER.test(size) || size === '0') return { ok: false, reason: '核对码中的校验点条数无效' };
  if (!HEX8.test(checkpoint)) return { ok: false, reason: '核对码中的校验点指纹无效（应为 8 位十六进制）' };
  if (!NUMBER.test(seq)) return { ok: false, reason: '核对码中的条目序号无效' };
  if (!HEX8.test(entry)) return { ok: false, reason: '核对码中的条目指纹无效（应为 8 位十六进制）' };
  const code: PageCode = { book, scope, checkpointSize: Number(size), checkpoint, seq: Number(seq), entry };
  if (pageText !== undefined) {
    const page = /^([1-9]\d{0,5})-([1-9]\d{0,5})$/.exec(pageText);
    if (!page) return { ok: false, reason: '核对码中的页码无效：最后一段应为“页码-总页数”，例如 3-5' };
    const [n, total] = [Number(page[1]), Number(page[2])];
    if (n > total) return { ok: false, reason: `核对码自称第 ${n} 页，但该次打印只有 ${total} 页：没有这一页` };
    code.page = { n, total };
  }
  return { ok: true, code };
}
