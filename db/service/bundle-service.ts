/**
 * Exporting a book as its signed bundle (the liaison's copy, the backup, the move to a new
 * computer). Not a contract method: the file it writes is chosen by the composition root (the
 * desktop's save dialog, the command line), never by the page. The book must have passed this
 * session's full verify, and the writer proves every byte against the signed root again.
 */
import { ServiceError } from '../contract';
import { exportBookBundle, type BundleResult } from '../bundle';
import type { KeyStore } from '../ledger';
import { liaisonBookId } from './liaison-service';
import { guard, type ServiceContext } from './service-context';

export interface ExportOptions {
  onProgress?: (done: number, total: number) => void;
}

export async function exportBundle(
  ctx: ServiceContext,
  keys: Pick<KeyStore, 'load'>,
  bookId: string,
  outPath: string,
  options: ExportOptions = {},
): Promise<BundleResult> {
  guard(() => ctx.ledger.getBook(bookId));
  if (bookId === liaisonBookId(ctx.ledger.database))
    throw new ServiceError('liaison-book', '联络员自己的工作记录不作为学会记录本导出；请导出抽查回执。');
  const report = await ctx.ledger.verifyInBackground(bookId);
  if (!report.ok) {
    throw new ServiceError(
      'book-damaged',
      `这本记录本未通过完整校验，不能导出为数据包：${report.problems[0]?.message ?? ''}`,
    );
  }
  const orgName = guard(() => ctx.read.state(bookId).organisation?.orgName);
  try {
    return await exportBookBundle(ctx.ledger, bookId, keys, outPath, {
      ...(orgName ? { orgName } : {}),
      ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    });
  } catch (error) {
    if (error instanceof Error && 'code' in error && typeof (error as { code: unknown }).code === 'string') {
      throw new ServiceError((error as { code: string }).code, error.message);
    }
    throw error;
  }
}
