import { parseLeaf } from './entry-bytes';
import { columnTypesOk } from './entry-check';
import { LedgerError } from './errors';
import { sha256 } from './hashing';
import { inclusionPath, verifyInclusion, type NodeGetter } from './merkle';
import { problems } from './problems';
import { readProblems } from './read-problems';
import type { EntryRow } from './store';
import type { Hex, Problem, SealedEntry } from './types';

/**
 * Proof on read: an entry is handed to a reader only after its stored bytes hash to the
 * leaf that an RFC 9162 inclusion proof, built from the stored Merkle nodes, ties to the
 * root of a checkpoint whose signature was verified (on open, or signed by this process on
 * seal). Editing the bytes alone breaks the hash; editing bytes and hash together breaks
 * the inclusion proof; forging nodes needs a SHA-256 collision; forging the root needs the
 * key. O(log n) node reads and hashes per entry.
 *
 * The position in the signed tree binds the bytes to this book and this seq (the ledger
 * only ever seals bytes naming their own book and seq), so the proof itself does not parse.
 */

/** The newest checkpoint of a book whose signature has been verified: what reads are proven against. */
export interface TrustedRoot {
  size: number;
  root: Hex;
}

/** The `prev` an entry's bytes carry (the sealed hash of the entry before it), or null. */
function prevOf(row: EntryRow | undefined): Buffer | null {
  if (!row || !Buffer.isBuffer(row.leaf)) return null;
  const at = row.leaf.lastIndexOf('"prev":"');
  const hex = at < 0 ? '' : row.leaf.toString('latin1', at + 8, at + 72);
  return /^[0-9a-f]{64}$/.test(hex) ? Buffer.from(hex, 'hex') : null;
}

/**
 * The leaf-level sibling in a proof is the neighbour's stored hash. If the neighbour was
 * rewritten together with its hash, this entry's own proof fails although the entry is
 * genuine. The chain keeps the neighbour's sealed hash too: a left neighbour's in this
 * entry's `prev`, a right neighbour's in the `prev` of the entry after it. Retrying with
 * that value is safe: whatever the sibling, only the genuine leaf can reach the signed root.
 */
function siblingFromChain(
  seq: number,
  row: EntryRow,
  size: number,
  entryRow: ((seq: number) => EntryRow | undefined) | undefined,
): Buffer | null {
  if (seq % 2 === 0) return prevOf(row);
  if (!entryRow || seq + 2 > size) return null;
  return prevOf(entryRow(seq + 2));
}

export function proveRow(
  seq: number,
  row: EntryRow | undefined,
  trusted: TrustedRoot | null,
  get: NodeGetter,
  entryRow?: (seq: number) => EntryRow | undefined,
): Problem | null {
  if (!row) return problems.seqGap(seq, null);
  if (!columnTypesOk(row)) return problems.columnsMismatch(seq, '列的数据类型');
  const leaf = sha256(row.leaf);
  if (row.tree.slice(0, 64) !== leaf.toString('hex')) return problems.hashMismatch(seq);
  if (!trusted) return readProblems.noTrustedCheckpoint(seq);
  if (seq > trusted.size) return readProblems.beyondCheckpoint(seq, trusted.size);
  let path: Buffer[];
  try {
    path = inclusionPath(seq - 1, trusted.size, get);
  } catch (error) {
    return problems.databaseCorrupt(
      error instanceof LedgerError ? '默克尔树节点缺失或损坏' : '默克尔树节点无法读取',
      seq,
    );
  }
  const root = Buffer.from(trusted.root, 'hex');
  if (verifyInclusion(seq - 1, trusted.size, leaf, path, root)) return null;
  const sibling = seq < trusted.size || seq % 2 === 0 ? siblingFromChain(seq, row, trusted.size, entryRow) : null;
  if (sibling && path.length > 0 && verifyInclusion(seq - 1, trusted.size, leaf, [sibling, ...path.slice(1)], root))
    return null;
  return readProblems.notInCheckpoint(seq);
}

/** The proven entry, or a LedgerError `entry-damaged` carrying the problem (never the forged text). */
export function provenEntry(
  bookId: string,
  seq: number,
  row: EntryRow,
  trusted: TrustedRoot | null,
  get: NodeGetter,
  entryRow?: (seq: number) => EntryRow | undefined,
): SealedEntry {
  const problem = proveRow(seq, row, trusted, get, entryRow);
  if (problem) throw new LedgerError('entry-damaged', problem.message, { problem });
  const entry = parseLeaf(bookId, row.leaf, row.tree.slice(0, 64));
  if (entry.seq !== seq) {
    const mismatch = problems.columnsMismatch(seq, '序号');
    throw new LedgerError('entry-damaged', mismatch.message, { problem: mismatch });
  }
  return entry;
}
