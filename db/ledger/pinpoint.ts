import { LedgerError } from './errors';
import { inclusionPath, verifyInclusion } from './merkle';
import { loadKeyHistory, signatureChecked, type CheckContext } from './quick-check';
import { readProblems } from './read-problems';
import type { BookRow } from './store';
import type { Problem } from './types';

/**
 * A rewrite of an entry's bytes AND its stored hash is first noticed one row later: entry s
 * no longer links to entry s-1 (chain-broken at s). Either s-1 was rewritten, or s itself
 * (its "previous hash" changed). The signed tree decides: if the previous hash that entry s
 * carries is the leaf the signed checkpoint holds at s-1 (proven with the stored sibling
 * nodes, which a rewrite of s-1 does not touch), entry s is genuine and s-1 was rewritten,
 * so the report names s-1 instead of its innocent successor.
 */
export function pinpointRewrite(ctx: CheckContext, book: BookRow, problem: Problem): Problem {
  const s = problem.seq;
  if (problem.code !== 'chain-broken' || s === undefined || s < 2) return problem;
  const history = loadKeyHistory(ctx.store, book);
  const trusted = 'code' in history ? null : signatureChecked(ctx, book, history.epochs);
  if (!trusted || s - 1 > trusted.size) return problem;
  try {
    const row = ctx.store.entryRow(book.bookNo, s);
    const prev = (JSON.parse(row!.leaf.toString('utf8', 1)) as { prev?: unknown }).prev;
    if (typeof prev !== 'string' || !/^[0-9a-f]{64}$/.test(prev)) return problem;
    const path = inclusionPath(s - 2, trusted.size, ctx.store.nodeGetter(book.bookNo));
    const genuine = verifyInclusion(
      s - 2,
      trusted.size,
      Buffer.from(prev, 'hex'),
      path,
      Buffer.from(trusted.root, 'hex'),
    );
    return genuine ? readProblems.notInCheckpoint(s - 1) : problem;
  } catch (error) {
    if (error instanceof LedgerError || error instanceof SyntaxError || error instanceof TypeError) return problem;
    throw error;
  }
}
