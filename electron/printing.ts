/**
 * Printing the record-book pages: the renderer lays out a print view (print CSS, A4) and
 * asks for `desktop.print` (system print dialog) or `desktop.savePdf` (PDF via
 * printToPDF, then a save dialog). The menu's 打印 / 导出为 PDF use the same functions.
 * In the browser host the renderer calls `window.print()` instead.
 * Record-book pages (`desktop.printRecord`): main asks the service for the pages (db/print)
 * cut from the renderer's measurements, lays them out in a hidden sandboxed window without
 * script, and prints or saves them.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import type { BrowserWindow, BrowserWindowConstructorOptions, WebContents } from 'electron';
import { z } from 'zod';
import { ServiceError } from '../db/contract/contract-types';
import type { ContractMap, ServiceOf } from '../db/contract/contract-types';
import { printInput, type PrintView } from '../db/contract/print';
import { readPdfLayout } from '../db/print/paginate';
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
  'desktop.printRecord': {
    summary: '打印记录本页面（系统打印对话框或另存为 PDF）',
    mutates: false,
    /** What to print, never the page itself: main asks the service for the pages. */
    input: z.object({ request: printInput, action: z.enum(['print', 'pdf']) }),
    output: z.custom<{ done: boolean; saved?: SavedFile | null; pages: number }>(() => true),
  },
} satisfies ContractMap;

/** A hidden window that lays out one print at a time: sandboxed, no script, no preload. */
export interface PrintWindow {
  load(html: string): Promise<void>;
  contents: Pick<WebContents, 'print' | 'printToPDF'>;
  close(): void;
}

export const PRINT_WINDOW_OPTIONS: BrowserWindowConstructorOptions = {
  show: false,
  width: 900,
  height: 1200,
  webPreferences: {
    sandbox: true,
    contextIsolation: true,
    nodeIntegration: false,
    javascript: false,
    webviewTag: false,
    spellcheck: false,
  },
};

/**
 * The print window over Electron's BrowserWindow: each print's HTML is written to a private
 * temporary file (a data: URL would be cut at 2 MB) and loaded from there, then removed.
 */
export function createPrintWindow(
  Window: new (o: BrowserWindowConstructorOptions) => BrowserWindow,
  tmp = os.tmpdir(),
): PrintWindow {
  const win = new Window(PRINT_WINDOW_OPTIONS);
  win.webContents.on('will-navigate', (e) => e.preventDefault());
  win.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  const dir = fs.mkdtempSync(path.join(tmp, 'logbook-print-'));
  return {
    contents: win.webContents,
    async load(html) {
      const file = path.join(dir, `${randomUUID()}.html`);
      fs.writeFileSync(file, html, { mode: 0o600 });
      try {
        await win.loadFile(file);
      } finally {
        fs.rmSync(file, { force: true });
      }
    },
    close() {
      if (!win.isDestroyed()) win.destroy();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface RecordPrintDeps extends DialogDeps {
  /** The service's `print.pages`, called by main itself. */
  printPages?: (input: unknown) => Promise<PrintView>;
  openPrintWindow?: () => PrintWindow;
}

function printPdf(contents: Pick<WebContents, 'printToPDF'>): Promise<Buffer> {
  return contents.printToPDF({ preferCSSPageSize: true, printBackground: true }).catch((error: unknown) => {
    throw new ServiceError(
      'print-failed',
      `排版失败，未能生成 PDF：${error instanceof Error ? error.message : String(error)}`,
    );
  });
}

/**
 * Prints the pages the renderer previewed: the request carries the renderer's measurements of
 * the print (its own Chromium laid it out), main asks the service for the pages cut from them,
 * lays those out in the print window, and prints or saves them.
 */
export async function printRecord(deps: RecordPrintDeps, request: unknown, action: 'print' | 'pdf') {
  if (!deps.printPages || !deps.openPrintWindow)
    throw new ServiceError('print-unavailable', '本窗口不能打印记录本页面，请重新打开程序。');
  const view = await deps.printPages(request);
  if (view.stage !== 'pages')
    throw new ServiceError('print-unmeasured', '打印页面尚未排版，请先点“预览”，再打印或另存为 PDF。');
  const pages = view.pages.length;
  const win = deps.openPrintWindow();
  try {
    await win.load(view.html);
    if (action === 'pdf') {
      const pdf = await printPdf(win.contents);
      const laid = countPages(pdf);
      if (laid !== pages)
        throw new ServiceError(
          'print-failed',
          `排版得到 ${laid} 页，与预览的 ${pages} 页不符：页面内容可能超出了纸张，未能生成 PDF`,
        );
      const saved = await saveWithDialog(
        deps,
        deps.files ?? nodeFileOps,
        SAVE_PDF_SPEC,
        withPdfExtension(view.fileName),
        pdf,
      );
      return { done: saved !== null, saved, pages };
    }
    return { done: await printPage(win.contents), pages };
  } finally {
    win.close();
  }
}

function countPages(pdf: Buffer): number {
  try {
    return readPdfLayout(pdf).pages;
  } catch {
    return 0;
  }
}

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

export function createPrintService(deps: RecordPrintDeps): ServiceOf<typeof printContract> {
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
    'desktop.printRecord': ({ request, action }) => printRecord(deps, request, action),
  };
}

function withPdfExtension(name: string): string {
  return /\.pdf$/i.test(name) ? name : `${name}.pdf`;
}
