import { authorEpochAt, checkpointEpochAt, readGenesis, readRotation, ROTATION_KIND, type KeyEpoch } from './book-keys';
import { checkDbCheckpoint, checkOutsideCheckpoint } from './checkpoint-checks';
import { parseSignedCheckpoint, verifyCheckpointSignature, type OutsideCheckpointStore } from './checkpoint';
import { parseLeaf } from './entry-bytes';
import { columnTypesOk, entryProblem } from './entry-check';
import { ZERO_HASH } from './hashing';
import { appendLeaf, peaksOf, rootOf, rootOfPeaks, type NodeGetter } from './merkle';
import { errorDetail } from './errors';
import { problems } from './problems';
import { expectedLedgerSchema, schemaProblems } from './schema-check';
import { entryId, type BookRow, type EntryRow, type LedgerStore } from './store';
import type { TrustedRoot } from './entry-proof';
import type { Hex, Problem, VerifyReport } from './types';

/**
 * The check run on every open: milliseconds whatever the size of the book. One Ed25519
 * verify of the newest checkpoint (plus two per key rotation), the root recomputed from
 * the O(log n) stored perfect-subtree nodes, the head entry rehashed and relinked, and the
 * outside checkpoint file compared with the database.
 */

export interface CheckContext {
  store: LedgerStore;
  outside: OutsideCheckpointStore;
  readonly: boolean;
  nativeBinding?: string;
}

/** What the checks learn about a book, used as the ledger's in-memory state. */
export interface DerivedBook {
  /** The newest checkpoint whose signature checked out: what reads are proven against. */
  trusted: TrustedRoot | null;
  name: string;
  createdAt: string;
  epochs: KeyEpoch[];
  size: number;
  headHash: Hex;
  headRecordedAt: string;
}

export interface CheckResult {
  report: VerifyReport;
  derived: DerivedBook | null;
}

/** Genesis and key rotations, read through the kind index (there are only a few). */
export function loadKeyHistory(
  store: LedgerStore,
  book: BookRow,
): { epochs: KeyEpoch[]; name: string; createdAt: string } | Problem {
  const base = entryId(book.bookNo, 0);
  const first = store.entryRow(book.bookNo, 1);
  if (!first) return problems.seqGap(1, null);
  if (!columnTypesOk(first)) return problems.columnsMismatch(1, '列的数据类型');
  const genesisEntry = parseLeaf(book.bookId, first.leaf, first.tree.slice(0, 64));
  const genesis = readGenesis(genesisEntry);
  if (typeof genesis === 'string') return problems.keyInvalid(1, genesis + '。');
  const epochs = [genesis.epoch];
  for (const row of store.rowsOfKind(book.bookNo, ROTATION_KIND)) {
    const seq = row.id - base;
    if (!columnTypesOk(row)) return problems.columnsMismatch(seq, '列的数据类型');
    const entry = parseLeaf(book.bookId, row.leaf, row.tree.slice(0, 64));
    if (entry.seq !== seq) return problems.columnsMismatch(seq, `条目位置（封存内容写的是第 ${String(entry.seq)} 条）`);
    const epoch = readRotation(entry, epochs[epochs.length - 1]!);
    if (typeof epoch === 'string') return problems.keyInvalid(seq, epoch + '。');
    epochs.push(epoch);
  }
  return { epochs, name: genesis.name, createdAt: genesisEntry.recordedAt };
}

function headProblem(
  store: LedgerStore,
  book: BookRow,
  head: EntryRow,
  size: number,
  epochs: KeyEpoch[],
  get: NodeGetter,
  rootHex: string,
): Problem | null {
  let prevHex: string = ZERO_HASH;
  if (size > 1) {
    const prevTree = store.treeOf(book.bookNo, size - 1);
    if (typeof prevTree !== 'string') return problems.seqGap(size - 1, null);
    prevHex = prevTree.slice(0, 64);
  }
  const problem = entryProblem(book.bookId, size, prevHex, head);
  if (problem) return problem;
  // The head's own hash must be the leaf the stored nodes were built from: rebuild its
  // row's nodes from the peaks before it (a consistent rewrite of the newest entry's bytes
  // and hash column would otherwise leave the stored root, and thus the check, unchanged).
  const appended = appendLeaf(peaksOf(size - 1, get), Buffer.from(head.tree.slice(0, 64), 'hex'));
  const nodes = appended.completed.map((node) => node.toString('hex')).join('');
  if (head.tree.slice(64) !== nodes || rootOfPeaks(appended.peaks).toString('hex') !== rootHex) {
    return problems.merkleNodeMismatch(size);
  }
  const author = authorEpochAt(epochs, size);
  if (head.author !== author?.keyId) return problems.keyInvalid(size, '最新条目的作者不是当时生效的密钥。');
  return null;
}

/** The database's checkpoint when only its signature is sound (its size or root disagree with the entries). */
export function signatureChecked(ctx: CheckContext, book: BookRow, epochs: KeyEpoch[]): TrustedRoot | null {
  const signed = parseSignedCheckpoint(ctx.store.checkpointText(book.bookNo));
  if (!signed || signed.checkpoint.book !== book.bookId) return null;
  const epoch = checkpointEpochAt(epochs, signed.checkpoint.size);
  if (!epoch || epoch.keyId !== signed.checkpoint.keyId || !verifyCheckpointSignature(signed, epoch.publicKey))
    return null;
  return { size: signed.checkpoint.size, root: signed.checkpoint.root };
}

export function runQuickCheck(ctx: CheckContext, book: BookRow): CheckResult {
  const started = performance.now();
  const found: Problem[] = [];
  let size = 0;
  let rootHex: string | null = null;
  let derived: DerivedBook | null = null;
  try {
    found.push(...schemaProblems(ctx.store, expectedLedgerSchema(ctx.nativeBinding)));
    if (ctx.store.bookNoOf(book.bookId) !== book.bookNo)
      found.push(problems.databaseCorrupt('记录本登记的索引与登记表不一致'));
    const head = ctx.store.headRow(book.bookNo);
    if (!head) {
      found.push(problems.seqGap(1, null));
    } else {
      size = head.id - entryId(book.bookNo, 0);
      const history = loadKeyHistory(ctx.store, book);
      if ('code' in history) {
        found.push(history);
      } else {
        const get = ctx.store.nodeGetter(book.bookNo);
        rootHex = rootOf(size, get).toString('hex');
        const bad = headProblem(ctx.store, book, head, size, history.epochs, get, rootHex);
        if (bad) found.push(bad);
        const db = checkDbCheckpoint(ctx.store.checkpointText(book.bookNo), book.bookId, size, rootHex, history.epochs);
        found.push(...db.problems);
        found.push(
          ...checkOutsideCheckpoint({
            outside: ctx.outside,
            bookId: book.bookId,
            size,
            rootHex,
            get,
            epochs: history.epochs,
            dbSigned: db.signed,
            mayRewrite: !ctx.readonly && found.length === 0,
          }),
        );
        derived = {
          trusted: db.signed
            ? { size: db.signed.checkpoint.size, root: db.signed.checkpoint.root }
            : signatureChecked(ctx, book, history.epochs),
          name: history.name,
          createdAt: history.createdAt,
          epochs: history.epochs,
          size,
          headHash: head.tree.slice(0, 64),
          headRecordedAt: head.recordedAt,
        };
      }
    }
  } catch (error) {
    found.push(problems.databaseCorrupt(errorDetail(error)));
  }
  return {
    report: {
      bookId: book.bookId,
      ok: found.length === 0,
      size,
      root: rootHex,
      problems: found,
      ms: performance.now() - started,
    },
    derived,
  };
}
