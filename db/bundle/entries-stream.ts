import {
  authorEpochAt,
  CORRECTION_KIND,
  GENESIS_KIND,
  readGenesis,
  readRotation,
  ROTATION_KIND,
  type KeyEpoch,
} from '../ledger/book-keys';
import { isCanonicalText } from '../ledger/canonical';
import { isIsoUtc } from '../ledger/checkpoint';
import { ENTRY_VERSION } from '../ledger/entry-bytes';
import { isHex64, ZERO_HASH } from '../ledger/hashing';
import { appendLeaf, leafHash, rootOfPeaks, type Peak } from '../ledger/merkle';
import type { SealedEntry } from '../ledger/types';
import type { Reason } from './bag-parse';
import { MAX_LEDGER_ENTRIES, MAX_LINE_BYTES, MAX_ZIP_FILES } from './bundle-limits';
import { LineTooLongError } from './bundle-reader';
import { decodeUtf8, parseSafeJson } from './safe-json';

/**
 * The ledger inside a bundle, checked line by line as `data/entries.jsonl` streams past,
 * with memory that does not grow with the book: the O(log n) right edge of the Merkle tree,
 * the previous hash, the key epochs (a handful) and the set of attachment hashes named.
 *
 * Each line must be exactly the RFC 8785 canonical JSON of its own parse (so no byte can be
 * re-encoded, reordered or duplicated), of this book, with seq 1…n, `prev` the previous
 * line's leaf hash, written by the key in force (genesis enrols the first key, each rotation
 * the next with both keys' signatures: book-keys.ts). The root of the first `snapshotAt`
 * leaves is kept on the way (a pinned state's size), so consistency with an earlier
 * verified bundle costs nothing extra.
 */

const ENTRY_KEYS = ['attachments', 'author', 'body', 'book', 'flags', 'kind', 'prev', 'recordedAt', 'seq', 'v'];

export interface EntriesProblem extends Reason {
  seq: number;
}

export interface EntriesResult {
  size: number;
  root: string;
  epochs: KeyEpoch[];
  attachments: Set<string>;
  /** Root of the first `snapshotAt` leaves, when the book reached that size. */
  snapshotRoot: string | null;
  /** The first line that is not a well-formed, linked entry of this book: the scan stops there. */
  problem: EntriesProblem | null;
  /** The first key problem (bad genesis or rotation, wrong author); the scan goes on without keys. */
  keyProblem: EntriesProblem | null;
  /** Set when entries name more attachments than a bag can hold (the set stops growing). */
  tooManyAttachments: boolean;
}

export interface LineSource {
  lines(): AsyncIterable<{ line: Buffer; terminated: boolean }>;
}

/** A line that passed every check of its own, as the scan saw it (`leaf` = its Merkle leaf hash). */
export interface CheckedEntry {
  seq: number;
  line: Buffer;
  leaf: Buffer;
  value: Record<string, unknown>;
}

function isPlainRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function sameKeys(record: Record<string, unknown>): boolean {
  const keys = Object.keys(record);
  return keys.length === ENTRY_KEYS.length && ENTRY_KEYS.every((k) => Object.hasOwn(record, k));
}

/** The RFC 8785 text of the parsed line is the line itself (isCanonicalText: the verdict of canonicalJson, faster). */
function isCanonical(value: unknown, text: string): boolean {
  return isCanonicalText(value, text);
}

export async function checkEntries(
  source: LineSource,
  bookId: string,
  options: {
    snapshotAt?: number;
    onLine?: (seq: number) => void;
    /** Each line that passed its checks (the scan's one read: staging and the receipts scan take it from here). */
    onEntry?: (entry: CheckedEntry) => void;
  } = {},
): Promise<EntriesResult> {
  let peaks: Peak[] = [];
  const epochs: KeyEpoch[] = [];
  const attachments = new Set<string>();
  let prevHex = ZERO_HASH;
  let seq = 0;
  let snapshotRoot: string | null = null;
  let keyProblem: EntriesProblem | null = null;
  let tooManyAttachments = false;
  const result = (problem: EntriesProblem | null): EntriesResult => ({
    size: seq,
    root: rootOfPeaks(peaks).toString('hex'),
    epochs,
    attachments,
    snapshotRoot,
    problem,
    keyProblem,
    tooManyAttachments,
  });
  const entries = (zh: string, en: string): EntriesResult =>
    result({ seq, zh: `第 ${seq} 行：${zh}`, en: `line ${seq}: ${en}` });
  const keys = (zh: string, en: string): void => {
    keyProblem ??= { seq, zh: `第 ${seq} 条：${zh}`, en: `entry ${seq}: ${en}` };
  };

  try {
    for await (const { line, terminated } of source.lines()) {
      seq++;
      if (seq > MAX_LEDGER_ENTRIES)
        return entries(`记录超过上限 ${MAX_LEDGER_ENTRIES} 条`, `more than the limit of ${MAX_LEDGER_ENTRIES} entries`);
      if (!terminated)
        return entries(
          '最后一行没有以换行符结尾（文件可能被截断）',
          'the last line does not end with LF (truncated file?)',
        );
      const text = decodeUtf8(line);
      if (text === null) return entries('不是有效的 UTF-8', 'not valid UTF-8');
      const parsed = parseSafeJson(text, { maxLength: MAX_LINE_BYTES });
      if (!parsed.ok) return entries(`不是可接受的 JSON：${parsed.reason}`, 'not acceptable JSON');
      const value = parsed.value;
      if (!isPlainRecord(value) || !sameKeys(value))
        return entries('不是一条记录（字段不对）', 'not a ledger entry (wrong fields)');
      if (!isCanonical(value, text))
        return entries(
          '不是规范化 JSON（RFC 8785），字节被改动过',
          'not canonical JSON (RFC 8785): its bytes were re-encoded',
        );
      if (value.seq !== seq)
        return entries(
          `读到的是第 ${JSON.stringify(value.seq)} 条，应为第 ${seq} 条（记录缺失、重复或顺序被打乱）`,
          `has seq ${JSON.stringify(value.seq)}, expected ${seq} (missing, duplicated or reordered entries)`,
        );
      if (value.book !== bookId) return entries(`不属于记录本 ${bookId}`, `book is not ${bookId}`);
      if (value.prev !== prevHex)
        return entries('“前一条哈希”与上一条记录的哈希不符', 'prev is not the hash of the previous entry');
      if (value.v !== ENTRY_VERSION)
        return entries(`版本 ${JSON.stringify(value.v)} 不受支持`, `unsupported version ${JSON.stringify(value.v)}`);
      const { kind, author, recordedAt, flags } = value;
      const list = value.attachments;
      if (typeof kind !== 'string' || typeof author !== 'string' || !isIsoUtc(recordedAt))
        return entries('类型、作者或时间的格式不对', 'kind, author or recordedAt malformed');
      if (
        !Array.isArray(list) ||
        !list.every(isHex64) ||
        !Array.isArray(flags) ||
        !flags.every((f) => typeof f === 'string')
      ) {
        return entries('附件列表或标记的格式不对', 'attachments or flags malformed');
      }
      const hash = leafHash(line);
      const entry: SealedEntry = {
        bookId,
        seq,
        prev: prevHex,
        recordedAt,
        author,
        kind,
        body: value.body,
        attachments: list,
        flags: flags as SealedEntry['flags'],
        hash: hash.toString('hex'),
      };
      if (keyProblem) {
        // Once the key history is broken, later authors cannot be judged; the chain still is.
      } else if (seq === 1) {
        const genesis = readGenesis(entry);
        if (typeof genesis === 'string') keys(genesis, 'the genesis entry does not enrol a valid key');
        else epochs.push(genesis.epoch);
      } else {
        const inForce = authorEpochAt(epochs, seq)!;
        if (author !== inForce.keyId) {
          keys(
            `作者 ${author} 不是当时生效的密钥 ${inForce.keyId}`,
            `author ${author} is not the key in force ${inForce.keyId}`,
          );
        } else if (kind === ROTATION_KIND) {
          const next = readRotation(entry, epochs[epochs.length - 1]!);
          if (typeof next === 'string') keys(next, 'the key rotation is not signed by both keys');
          else epochs.push(next);
        } else if (kind.startsWith('ledger.') && kind !== CORRECTION_KIND) {
          keys(
            `条目类型 ${kind} 不是账本允许的类型`,
            `kind ${kind} is not a ledger kind${kind === GENESIS_KIND ? ' after entry 1' : ''}`,
          );
        }
      }
      for (const h of list) {
        if (attachments.size >= MAX_ZIP_FILES && !attachments.has(h)) tooManyAttachments = true;
        else attachments.add(h);
      }
      peaks = appendLeaf(peaks, hash).peaks;
      if (seq === options.snapshotAt) snapshotRoot = rootOfPeaks(peaks).toString('hex');
      prevHex = entry.hash;
      options.onEntry?.({ seq, line, leaf: hash, value });
      options.onLine?.(seq);
    }
  } catch (error) {
    if (error instanceof LineTooLongError) {
      seq++;
      return entries(`一行超过 ${error.maxLine} 字节`, `a line is longer than ${error.maxLine} bytes`);
    }
    throw error;
  }
  if (seq === 0)
    return result({ seq: 0, zh: 'data/entries.jsonl 中没有记录', en: 'data/entries.jsonl holds no entries' });
  return result(null);
}
