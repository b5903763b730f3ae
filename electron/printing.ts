/**
 * Printing the record-book pages: the renderer lays out a print view (print CSS, A4) and
 * asks for `desktop.print` (system print dialog) or `desktop.savePdf` (PDF via
 * printToPDF, then a save dialog). The menu's 打印 / 导出为 PDF use the same functions.
 * In the browser host the renderer calls `window.print()` instead.
 */
import type { BrowserWindow, WebContents } from 'electron';
import { z } from 'zod';
import { ServiceError } from '../db/contract/contract-types';
import type { ContractMap, ServiceOf } from '../db/contract/contract-types';
import { fileName, nodeFileOps, SAVE_PDF_SPEC, saveWithDialog } from './dialogs';
import type { DialogDeps, SavedFile } from './dialogs';

export const printContract = {
  'desktop.print': {
    summary: '打印当前页面',
    mutates: false,
    input: z.object({}),
    output: z.custom<{ printed: boolean }>(() => true),
  },
  'desktop.savePdf': {
    summary: '将当前页面保存为 PDF',
    mutates: false,
    input: z.object({ suggestedName: fileName.default('党建工作记录.pdf') }),
    output: z.custom<SavedFile | null>(() => true),
  },
} satisfies ContractMap;

type Printable = Pick<WebContents, 'print' | 'printToPDF'>;

/** Opens the system print dialog; resolves false when the person cancels. */
export function printPage(contents: Pick<WebContents, 'print'>): Promise<boolean> {
  return new Promise((resolve, reject) => {
    contents.print({ printBackground: true, silent: false }, (success, failureReason) => {
      if (success) resolve(true);
      else if (/cancel/i.test(failureReason)) resolve(false);
      else reject(new ServiceError('print-failed', '打印失败：请检查打印机是否连接、是否有纸，然后重试。'));
    });
  });
}

export function renderPdf(contents: Pick<WebContents, 'printToPDF'>): Promise<Buffer> {
  return contents.printToPDF({ pageSize: 'A4', printBackground: true, preferCSSPageSize: true });
}

export function createPrintService(deps: DialogDeps): ServiceOf<typeof printContract> {
  const contentsOf = (): Printable => {
    const win: BrowserWindow | null = deps.getWindow();
    if (!win || win.isDestroyed()) throw new ServiceError('no-window', '没有可打印的窗口，请重新打开程序。');
    return win.webContents;
  };
  return {
    'desktop.print': async () => ({ printed: await printPage(contentsOf()) }),
    'desktop.savePdf': async ({ suggestedName }) => {
      const pdf = await renderPdf(contentsOf());
      return saveWithDialog(deps, deps.files ?? nodeFileOps, SAVE_PDF_SPEC, withPdfExtension(suggestedName), pdf);
    },
  };
}

function withPdfExtension(name: string): string {
  return /\.pdf$/i.test(name) ? name : `${name}.pdf`;
}
