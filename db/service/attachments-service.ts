/**
 * Attachments (scans of the sign-in sheet, photos) are stored by content hash before the entry
 * that names them is sealed; the entry's seal covers their hashes.
 */
import { ServiceError, type AttachmentRef } from '../contract';
import { guard, type ServiceContext } from './service-context';

export const MAX_ATTACHMENT_BYTES = 50 * 1024 * 1024;

export function putAttachment(
  ctx: ServiceContext,
  req: { bookId: string; fileName: string; mediaType: string; dataBase64: string },
): AttachmentRef {
  ctx.projection(req.bookId);
  const bytes = Buffer.from(req.dataBase64, 'base64');
  if (bytes.length === 0) throw new ServiceError('empty-file', `文件“${req.fileName}”是空文件`, 'dataBase64');
  if (bytes.length > MAX_ATTACHMENT_BYTES)
    throw new ServiceError('too-large', `文件“${req.fileName}”超过 50 MB，请压缩或拆分后再上传`, 'dataBase64');
  const hash = guard(() => ctx.ledger.putAttachment(bytes));
  return { hash, name: req.fileName, mediaType: req.mediaType.toLowerCase(), size: bytes.length };
}

export function getAttachment(ctx: ServiceContext, bookId: string, hash: string): { dataBase64: string; size: number } {
  ctx.projection(bookId);
  const bytes = guard(() => ctx.ledger.getAttachment(hash));
  if (!bytes) throw new ServiceError('not-found', '找不到该附件', 'hash');
  return { dataBase64: bytes.toString('base64'), size: bytes.length };
}

/** Attachments named by an entry must exist; returns their hashes for the ledger. */
export function attachmentHashes(ctx: ServiceContext, refs: readonly AttachmentRef[]): string[] {
  return refs.map((r, i) => {
    if (!guard(() => ctx.ledger.hasAttachment(r.hash))) {
      throw new ServiceError('attachment-missing', `附件“${r.name}”尚未上传或已丢失，请重新添加`, `attachments.${i}`);
    }
    return r.hash;
  });
}
