/**
 * 移交 (hand-over to a new recorder or a new computer): a key rotation entry whose statement
 * is signed by the old AND the new key (Ledger.rotateKey); later checkpoints and bundles are
 * signed by the new key, and its fingerprint is printed for a new 备案. The new private key
 * is kept in this computer's key store; moving it is `logbook backup-key` + `logbook restore`.
 * Like every sealing call it may carry a request id: it is recorded in the rotation's own
 * transaction (ctx.requestHook), so a repeat after a lost reply returns the book as it is
 * instead of handing over a second time (request-ids.ts).
 */
import { ServiceError, type BookStatus } from '../contract';
import { bookStatus } from './books-service';
import { guard, type ServiceContext } from './service-context';

export function handOver(ctx: ServiceContext, bookId: string, reason: string): BookStatus {
  const status = guard(() => ctx.ledger.status(bookId));
  if (status.readOnly)
    throw new ServiceError('book-readonly', `这本记录本为只读，不能办理移交：${status.reason ?? ''}`);
  guard(() => ctx.ledger.rotateKey(bookId, reason, ctx.requestHook()));
  return bookStatus(ctx, bookId);
}
