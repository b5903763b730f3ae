/**
 * Printing the preview: in Electron, main lays the same print out again from the service and
 * opens the system print dialog or saves a PDF (`desktop.printRecord`; the page's HTML never
 * goes back to main); in the browser host, the browser prints the preview frame itself.
 */
import type { PrintView } from '../../db/contract';

export type PrintRequest = Record<string, unknown> & { bookId: string };

export function isDesktop(): boolean {
  return typeof window !== 'undefined' && typeof window.logbook?.call === 'function';
}

export interface DesktopPrintResult {
  done: boolean;
  pages: number;
  saved?: { path: string } | null;
}

export async function printOnDesktop(request: PrintRequest, action: 'print' | 'pdf'): Promise<DesktopPrintResult> {
  const bridge = window.logbook;
  if (!bridge) throw new Error('只有桌面版可以这样打印');
  let result;
  try {
    result = await bridge.call('desktop.printRecord', { request, action });
  } catch {
    throw new Error('与记录本主程序的通信中断。请重启程序后重试。');
  }
  if (!result.ok) throw new Error(result.error.message);
  return result.value as DesktopPrintResult;
}

/** The browser's print of the preview frame (its own @page rules apply). */
export function printFrame(frame: HTMLIFrameElement | null): void {
  const win = frame?.contentWindow;
  if (!win) throw new Error('预览尚未准备好，请稍候再打印');
  win.focus();
  win.print();
}

export function previewTitle(view: PrintView): string {
  return `${view.title}（${view.entries.length} 条记录，截至第 ${view.checkpoint.size} 条 ${view.checkpoint.fingerprint}）`;
}
