import { LedgerError } from './errors';
import type { Hex, LedgerFlag, SealedEntry } from './types';

/**
 * The exact bytes of an entry. The canonical JSON of
 * `{attachments, author, body, book, flags, kind, prev, recordedAt, seq, v}` (RFC 8785 sorts
 * keys, and this is that order) is
 *
 *     PREFIX(attachments, author) + canonical(body) + SUFFIX(book, flags, kind, prev, recordedAt, seq)
 *
 * so everything except the body is known from the row's columns, the recomputed previous
 * hash and the expected seq. Full verify compares the prefix and the suffix bytes and hashes
 * the whole: it never parses or re-serialises a body.
 *
 * Every envelope string is plain ASCII without characters JSON escapes (checked at seal
 * time), so `"` + s + `"` is its canonical form; the kind is still JSON-quoted when
 * building a suffix, so a damaged kind column can never match the sealed bytes by accident.
 */

export const ENTRY_VERSION = 1;

export interface Envelope {
  attachments: readonly Hex[];
  author: string;
  book: string;
  flags: readonly LedgerFlag[];
  kind: string;
  prev: Hex;
  recordedAt: string;
  seq: number;
}

export function listJson(items: readonly string[]): string {
  return items.length === 0 ? '[]' : `["${items.join('","')}"]`;
}

export function entryPrefix(attachmentsJson: string, author: string): string {
  return `{"attachments":${attachmentsJson},"author":"${author}","body":`;
}

/** The part of the suffix that is the same for consecutive entries of one kind. */
export function entrySuffixHead(book: string, flagsJson: string, kind: string): string {
  return `,"book":"${book}","flags":${flagsJson},"kind":${JSON.stringify(kind)},"prev":"`;
}

/** The part of the suffix that changes with every entry. */
export function entrySuffixTail(prev: Hex, recordedAt: string, seq: number): string {
  return `${prev}","recordedAt":"${recordedAt}","seq":${seq},"v":${ENTRY_VERSION}}`;
}

export function entrySuffix(
  book: string,
  flagsJson: string,
  kind: string,
  prev: Hex,
  recordedAt: string,
  seq: number,
): string {
  return entrySuffixHead(book, flagsJson, kind) + entrySuffixTail(prev, recordedAt, seq);
}

/** `0x00 || canonical entry bytes`: the RFC 9162 leaf preimage, as stored. */
export function buildLeaf(envelope: Envelope, bodyJson: string): Buffer {
  const prefix = entryPrefix(listJson(envelope.attachments), envelope.author);
  const suffix = entrySuffix(
    envelope.book,
    listJson(envelope.flags),
    envelope.kind,
    envelope.prev,
    envelope.recordedAt,
    envelope.seq,
  );
  const text = prefix + bodyJson + suffix;
  const leaf = Buffer.allocUnsafe(1 + Buffer.byteLength(text));
  leaf[0] = 0x00;
  leaf.write(text, 1);
  return leaf;
}

/** Parses stored bytes (leaf preimage) into the public entry shape. */
export function parseLeaf(bookId: string, leaf: Buffer, hash: Hex): SealedEntry {
  let value: Record<string, unknown>;
  try {
    value = JSON.parse(leaf.toString('utf8', 1)) as Record<string, unknown>;
  } catch (error) {
    throw new LedgerError(
      'database-corrupt',
      `账本 ${bookId} 中有一条记录无法解析，数据库可能已损坏。请运行完整校验。`,
      {
        cause: error,
      },
    );
  }
  return {
    bookId,
    seq: value.seq as number,
    prev: value.prev as Hex,
    recordedAt: value.recordedAt as string,
    author: value.author as string,
    kind: value.kind as string,
    body: value.body,
    attachments: value.attachments as Hex[],
    flags: value.flags as LedgerFlag[],
    hash,
  };
}

/**
 * Compares `text` with `bytes[offset…]` without allocating: the string is encoded into a
 * reusable scratch buffer. Used on the verify hot path for the prefix and the suffix.
 */
export class ByteMatcher {
  private scratch = Buffer.alloc(4096);

  private encode(text: string): number {
    if (this.scratch.length < text.length * 3) this.scratch = Buffer.alloc(text.length * 3);
    return this.scratch.write(text, 0);
  }

  /** True when `leaf` is 0x00 + prefix + (non-empty body) + suffix. */
  matchesEnvelope(leaf: Buffer, prefix: string, suffix: string): boolean {
    if (leaf.length === 0 || leaf[0] !== 0x00) return false;
    const p = this.encode(prefix);
    if (1 + p > leaf.length || leaf.compare(this.scratch, 0, p, 1, 1 + p) !== 0) return false;
    const s = this.encode(suffix);
    const at = leaf.length - s;
    if (at <= 1 + p) return false;
    return leaf.compare(this.scratch, 0, s, at, leaf.length) === 0;
  }
}
