import { CORRECTION_KIND, GENESIS_KIND, ROTATION_KIND } from './book-keys';
import { checkDbCheckpoint, checkOutsideCheckpoint } from './checkpoint-checks';
import { isHex64, sha256Hex } from './hashing';
import { errorDetail } from './errors';
import { problems } from './problems';
import type { CheckContext, CheckResult } from './quick-check';
import { expectedLedgerSchema, schemaProblems } from './schema-check';
import type { BookRow } from './store';
import type { Problem } from './types';
import { pinpointRewrite } from './pinpoint';
import { scanEntries, type Correction, type VerifyProgress } from './verify-scan';

/**
 * Full verify of one book, linear in bytes. Rows stream in seq order (one clustered rowid
 * range scan, raw arrays); for each row the stored bytes are hashed once — that hash is both
 * the chain link and the Merkle leaf — and compared with the stored hash; the bytes must be
 * exactly prefix(columns) + body + suffix(columns, recomputed previous hash, expected seq);
 * the Merkle tree is rebuilt bottom-up and every stored node compared. Bodies are never
 * parsed (only the few ledger.* entries are). Then the newest checkpoint (size, root, one
 * signature by the key in force after walking genesis and every rotation), the outside
 * checkpoint file, and the attachments. Stops at the first bad entry and names its seq.
 * Never throws on damaged data: a read error becomes a `database-corrupt` problem.
 */

function attachmentProblems(
  ctx: CheckContext,
  attachments: Map<string, number>,
  hashedNow: ReadonlySet<string> | undefined,
): Problem[] {
  const ordered = [...attachments].sort((a, b) => a[1] - b[1]);
  for (const [hash, seq] of ordered) {
    if (hashedNow?.has(hash)) continue;
    const bytes = isHex64(hash) ? ctx.store.attachment(hash) : undefined;
    if (!Buffer.isBuffer(bytes)) return [problems.attachmentMissing(seq, hash)];
    if (sha256Hex(bytes) !== hash) return [problems.attachmentMismatch(seq, hash)];
  }
  return [];
}

function correctionProblems(ctx: CheckContext, book: BookRow, corrections: Correction[]): Problem[] {
  for (const c of corrections) {
    const target = c.target;
    const tree =
      typeof target === 'number' && target >= 1 && target < c.seq ? ctx.store.treeOf(book.bookNo, target) : undefined;
    if (typeof tree !== 'string' || tree.slice(0, 64) !== c.targetHash) {
      return [problems.columnsMismatch(c.seq, `所更正的原条目（第 ${String(target)} 条）或其哈希`)];
    }
  }
  return [];
}

/**
 * The quick check finds key rotations through the kind index; make sure that index lists
 * exactly the ledger entries the scan saw (a damaged index must not hide a rotation).
 */
function kindIndexProblems(ctx: CheckContext, book: BookRow, seen: Map<string, number[]>): Problem[] {
  for (const kind of [GENESIS_KIND, ROTATION_KIND, CORRECTION_KIND]) {
    const indexed = ctx.store.seqsOfKind(book.bookNo, kind);
    if (indexed.join() !== (seen.get(kind) ?? []).join()) {
      return [problems.databaseCorrupt(`条目类型索引与条目不一致（${kind}）`)];
    }
  }
  return [];
}

export interface FullVerifyOptions {
  /**
   * Attachments whose bytes this process hashed itself and inserted in the still-open
   * transaction (the import): not looked up again, their bytes not read and hashed a second
   * time (a lookup in ledger_attachments costs milliseconds per attachment: WITHOUT ROWID with
   * megabyte rows, SQLite reads whole records while it descends). Every other attachment is
   * read and hashed as usual.
   */
  hashedNow?: ReadonlySet<string>;
}

export function runFullVerify(
  ctx: CheckContext,
  book: BookRow,
  onProgress?: VerifyProgress,
  options: FullVerifyOptions = {},
): CheckResult {
  const started = performance.now();
  const found: Problem[] = [];
  let size = 0;
  let rootHex: string | null = null;
  try {
    found.push(...schemaProblems(ctx.store, expectedLedgerSchema(ctx.nativeBinding)));
    const scan = scanEntries(ctx.store, book, onProgress);
    size = scan.size;
    rootHex = scan.rootHex;
    if (scan.problem) found.push(pinpointRewrite(ctx, book, scan.problem));
    else if (size === 0) found.push(problems.seqGap(1, null));
    if (rootHex !== null) {
      const db = checkDbCheckpoint(ctx.store.checkpointText(book.bookNo), book.bookId, size, rootHex, scan.epochs);
      found.push(...db.problems);
      found.push(...correctionProblems(ctx, book, scan.corrections));
      found.push(...kindIndexProblems(ctx, book, scan.ledgerKinds));
      found.push(...attachmentProblems(ctx, scan.attachments, options.hashedNow));
      found.push(
        ...checkOutsideCheckpoint({
          outside: ctx.outside,
          bookId: book.bookId,
          size,
          rootHex,
          get: ctx.store.nodeGetter(book.bookNo),
          epochs: scan.epochs,
          dbSigned: db.signed,
          mayRewrite: !ctx.readonly && found.length === 0,
        }),
      );
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
    derived: null,
  };
}
