import type Database from 'better-sqlite3';
import type { KeyObject } from 'node:crypto';
import { isIsoUtc, serializeSignedCheckpoint, signCheckpoint } from './checkpoint';
import { buildLeaf, listJson } from './entry-bytes';
import type { PreparedInput } from './entry-input';
import { LedgerError } from './errors';
import { sha256, ZERO_HASH } from './hashing';
import { appendLeaf, peaksOf, rootOfPeaks, type Peak } from './merkle';
import { entryId, type LedgerStore } from './store';
import type { Clock, Hex, LedgerFlag, SealedEntry, SignedCheckpoint } from './types';

/**
 * The seal transaction: entries, their Merkle nodes and the new signed checkpoint are
 * written in ONE immediate transaction, so the database never holds an entry without its
 * nodes nor a checkpoint that does not match its entries. The outside checkpoint file is
 * written by the caller after the commit.
 */

export interface SealTarget {
  bookNo: number;
  bookId: string;
  /** Head as the ledger believes it is; the transaction re-reads and compares. */
  size: number;
  headHash: Hex;
  headRecordedAt: string;
  peaks: Peak[] | null;
  /** Insert the ledger_books row in the same transaction (createBook). */
  isNew?: boolean;
}

export interface CheckpointSigner {
  keyId: string;
  privateKey: KeyObject;
}

export interface SealOutcome {
  entries: SealedEntry[];
  peaks: Peak[];
  signed: SignedCheckpoint;
}

function nowIso(clock: Clock): string {
  const date = clock();
  const iso = date instanceof Date && !Number.isNaN(date.getTime()) ? date.toISOString() : '';
  if (!isIsoUtc(iso)) {
    throw new LedgerError(
      'invalid-input',
      `系统时钟返回的时间无效（${String(date)}），无法封存。请检查电脑的日期和时间。`,
    );
  }
  return iso;
}

export function sealEntries(
  db: Database.Database,
  store: LedgerStore,
  clock: Clock,
  target: SealTarget,
  inputs: readonly PreparedInput[],
  author: string,
  signer: CheckpointSigner,
  /** Runs inside the transaction, after the checkpoint row is written and before COMMIT. */
  beforeCommit?: (outcome: SealOutcome) => void,
): SealOutcome {
  const transaction = db.transaction((): SealOutcome => {
    if (target.isNew) {
      store.insertBook(target.bookNo, target.bookId);
    } else {
      const head = store.headRow(target.bookNo);
      const headSeq = head ? head.id - entryId(target.bookNo, 0) : 0;
      if (headSeq !== target.size || (head?.tree.slice(0, 64) ?? ZERO_HASH) !== target.headHash) {
        throw new LedgerError(
          'concurrent-write',
          '记录本在本程序之外被写入（最新条目与预期不符），为避免分叉已停止封存。请关闭其他打开此数据库的程序后重新打开。',
        );
      }
    }
    let peaks = target.peaks ?? peaksOf(target.size, store.nodeGetter(target.bookNo));
    let prev = target.headHash;
    let previousAt = target.headRecordedAt;
    let seq = target.size;
    const entries: SealedEntry[] = [];
    for (const input of inputs) {
      for (const hash of input.attachments) {
        if (!store.attachmentExists(hash)) {
          throw new LedgerError('attachment-missing', `附件 ${hash.slice(0, 12)}… 尚未保存，请先保存附件再封存条目。`);
        }
      }
      seq++;
      const recordedAt = nowIso(clock);
      const flags: LedgerFlag[] = previousAt !== '' && recordedAt < previousAt ? ['clock-behind'] : [];
      const envelope = {
        attachments: input.attachments,
        author,
        book: target.bookId,
        flags,
        kind: input.kind,
        prev,
        recordedAt,
        seq,
      };
      const leaf = buildLeaf(envelope, input.bodyJson);
      const hash = sha256(leaf);
      const appended = appendLeaf(peaks, hash);
      peaks = appended.peaks;
      const hashHex = hash.toString('hex');
      store.insertEntry(target.bookNo, seq, {
        kind: input.kind,
        recordedAt,
        author,
        flags: listJson(flags),
        attachments: listJson(input.attachments),
        tree: hashHex + appended.completed.map((node) => node.toString('hex')).join(''),
        leaf,
      });
      entries.push({
        bookId: target.bookId,
        seq,
        prev,
        recordedAt,
        author,
        kind: input.kind,
        body: JSON.parse(input.bodyJson) as unknown,
        attachments: [...input.attachments],
        flags,
        hash: hashHex,
      });
      prev = hashHex;
      previousAt = recordedAt;
    }
    const signed = signCheckpoint(
      {
        book: target.bookId,
        size: seq,
        root: rootOfPeaks(peaks).toString('hex'),
        time: previousAt,
        keyId: signer.keyId,
      },
      signer.privateKey,
    );
    store.upsertCheckpoint(target.bookNo, serializeSignedCheckpoint(signed));
    const outcome = { entries, peaks, signed };
    beforeCommit?.(outcome);
    return outcome;
  });
  return transaction.immediate();
}
