/**
 * Idempotent seals. Every call that seals may carry a client request id (the renderer uses
 * the draft's id). The id, the call and a digest of its input are written in the seal's own
 * transaction; a repeat of the same request — after a lost reply, a crash between commit and
 * answer, a double click — returns the entry already sealed instead of sealing it twice.
 * The same id with different content is refused: the draft was changed after it was sealed.
 */
import crypto from 'node:crypto';
import { ServiceError } from '../contract';
import { canonicalJson } from '../ledger';
import { bookStatus } from './books-service';
import { isDomainBody, jsonValue } from './entry-body';
import { getLiaison } from './liaison-service';
import { guard, sealResult, type ServiceContext } from './service-context';

export function requestDigest(input: Record<string, unknown>): string {
  const { requestId: _omit, ...rest } = input;
  return crypto
    .createHash('sha256')
    .update(canonicalJson(jsonValue(rest), '请求内容'))
    .digest('hex');
}

/** The answer the first call gave, rebuilt from the sealed entries; null when the id is new. */
export function replayRequest(
  ctx: ServiceContext,
  method: string,
  input: Record<string, unknown>,
  requestId: string,
): unknown {
  const prior = guard(() => ctx.read.requests.request(requestId));
  if (!prior) return null;
  // These seal into a book other than the one they name (the liaison's own): the digest covers the input.
  const elsewhere = method === 'liaison.setup' || method === 'spotChecks.seal';
  const bookId = typeof input.bookId === 'string' && !elsewhere ? input.bookId : prior.bookId;
  const sealedAs = `第 ${prior.firstSeq}${prior.lastSeq !== prior.firstSeq ? `–${prior.lastSeq}` : ''} 条`;
  if (prior.method !== method || prior.bookId !== bookId || prior.digest !== requestDigest(input)) {
    throw new ServiceError(
      'request-reused',
      `这份草稿已经封存为${sealedAs}，之后所做的修改没有封存。如需改正，请打开${sealedAs}并作“更正”。`,
    );
  }
  if (method === 'books.create') return bookStatus(ctx, prior.bookId);
  if (method === 'liaison.setup') return getLiaison(ctx);
  const entry = guard(() => ctx.ledger.getEntry(prior.bookId, prior.lastSeq));
  if (!entry) throw new ServiceError('not-found', `找不到${sealedAs}`);
  const body = entry.body;
  const result = sealResult(entry, isDomainBody(body) ? body.flags : []);
  if (method === 'members.join' && isDomainBody(body))
    return { ...result, memberId: (body.input as { memberId: string }).memberId };
  if (method === 'meetings.seal' && isDomainBody(body)) return { ...result, evaluation: body.computed };
  if (method === 'spotChecks.seal') return { ...result, liaisonBookId: prior.bookId };
  return result;
}
