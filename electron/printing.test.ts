/** desktop.printRecord with Electron's API injected: the renderer's measured pages, print dialog, save as PDF, failures in Chinese. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BrowserWindow } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import type { PrintView } from '../db/contract/print';
import { invokeMethod } from '../host/invoke-method';
import type { FileOps } from './dialogs';
import {
  createPrintService,
  createPrintWindow,
  printContract,
  PRINT_WINDOW_OPTIONS,
  type PrintWindow,
  type RecordPrintDeps,
} from './printing';

/** A PDF shaped as Chromium writes it: a page tree and named destinations e<seq>. */
function fakePdf(destPages: Record<string, number>, pages: number): Buffer {
  const kids = Array.from({ length: pages }, (_, i) => `${10 + i} 0 R`).join(' ');
  const objs = [
    `1 0 obj\n<</Type /Catalog\n/Pages 2 0 R\n/Dests 3 0 R>>\nendobj`,
    `2 0 obj\n<</Type /Pages\n/Count ${pages}\n/Kids [${kids}]>>\nendobj`,
    `3 0 obj\n<<${Object.entries(destPages)
      .map(([n, p]) => `/${n} [${9 + p} 0 R /XYZ 0 0 0]`)
      .join('\n')}>>\nendobj`,
    ...Array.from({ length: pages }, (_, i) => `${10 + i} 0 obj\n<</Type /Page\n/Parent 2 0 R>>\nendobj`),
  ];
  return Buffer.from(`%PDF-1.4\n${objs.join('\n')}\n%%EOF`, 'latin1');
}

const LAYOUT = [{ id: 'cover', items: [{ h: 400 }] }];
const PAGES = Array.from({ length: 7 }, (_, i) => ({ page: i + 1, seq: i < 2 ? 0 : i < 5 ? 3 : 5, code: `c${i + 1}` }));

const VIEW: PrintView = {
  stage: 'pages',
  html: '<html>pages</html>',
  pages: PAGES,
  title: 't',
  fileName: '党建工作记录-2025年度.pdf',
  paper: 'A4',
  checkpoint: { size: 9, fingerprint: 'ABCDEF12' },
  coverCode: 'DJ1/…/0/…',
  entries: [
    { seq: 3, kindLabel: '会议记录', title: 'a', date: '2025-03-18', code: 'c3' },
    { seq: 5, kindLabel: '活动记录', title: 'b', date: '2025-04-01', code: 'c5' },
  ],
};

function setup(o: { save?: string; printResult?: [boolean, string]; pdfFails?: boolean } = {}) {
  const files: FileOps & { files: Map<string, Buffer> } = {
    files: new Map(),
    readFile: () => Promise.resolve(Buffer.alloc(0)),
    size: () => Promise.resolve(0),
    writeFile: (f, d) => {
      files.files.set(f, d);
      return Promise.resolve();
    },
  };
  const printPages = vi.fn((input: unknown): Promise<PrintView> =>
    Promise.resolve(
      (input as { layout?: unknown }).layout
        ? VIEW
        : { ...VIEW, stage: 'measure', html: '<html>measure</html>', pages: [] },
    ),
  );
  const loaded: string[] = [];
  const close = vi.fn();
  const contents = {
    printToPDF: vi.fn(() =>
      o.pdfFails ? Promise.reject(new Error('GPU lost')) : Promise.resolve(fakePdf({ e3: 3, e5: 6 }, 7)),
    ),
    print: vi.fn((_opts: unknown, cb: (ok: boolean, reason: string) => void) => cb(...(o.printResult ?? [true, '']))),
  };
  const win: PrintWindow = {
    load: (html) => {
      loaded.push(html);
      return Promise.resolve();
    },
    contents,
    close,
  };
  const dialog = {
    showOpenDialog: vi.fn(),
    showSaveDialog: vi.fn(() => Promise.resolve({ canceled: !o.save, filePath: o.save ?? '' })),
  };
  const deps: RecordPrintDeps = {
    dialog: dialog,
    getWindow: () => null,
    files,
    printPages,
    openPrintWindow: () => win,
  };
  const service = createPrintService(deps);
  const call = (input: unknown) => invokeMethod(printContract, service, 'desktop.printRecord', input);
  return { call, printPages, loaded, close, contents, files, dialog };
}

const REQUEST = { bookId: 'a2b7390f-0e6b-4b59-a1a8-77e3d55479c0', year: 2025, layout: LAYOUT };

describe('desktop.printRecord', () => {
  it("asks the service for the pages cut from the renderer's measurements and saves their PDF", async () => {
    const s = setup({ save: '/home/u/年度.pdf' });
    await expect(s.call({ request: REQUEST, action: 'pdf' })).resolves.toEqual({
      ok: true,
      value: { done: true, pages: 7, saved: { fileName: '年度.pdf', path: '/home/u/年度.pdf' } },
    });
    expect(s.printPages).toHaveBeenCalledTimes(1);
    expect(s.printPages.mock.calls[0]![0]).toMatchObject({
      bookId: REQUEST.bookId,
      year: 2025,
      paper: 'A4',
      layout: LAYOUT,
    });
    expect(s.loaded).toEqual(['<html>pages</html>']);
    expect((s.dialog.showSaveDialog.mock.calls[0] as unknown[] | undefined)?.at(-1)).toMatchObject({
      defaultPath: '党建工作记录-2025年度.pdf',
    });
    expect(s.files.files.get('/home/u/年度.pdf')?.toString('latin1')).toContain('/Dests');
    expect(s.close).toHaveBeenCalledTimes(1);
  });

  it('opens the system print dialog on the pages; a cancelled print is not an error', async () => {
    const ok = setup();
    await expect(ok.call({ request: REQUEST, action: 'print' })).resolves.toMatchObject({
      ok: true,
      value: { done: true },
    });
    expect(ok.contents.print.mock.calls[0]?.[0]).toMatchObject({ silent: false, printBackground: true });
    expect(ok.loaded.at(-1)).toBe('<html>pages</html>');
    await expect(
      setup({ printResult: [false, 'Print job canceled'] }).call({ request: REQUEST, action: 'print' }),
    ).resolves.toMatchObject({ ok: true, value: { done: false } });
    const offline = setup({ printResult: [false, 'Printer offline'] });
    await expect(offline.call({ request: REQUEST, action: 'print' })).resolves.toMatchObject({
      ok: false,
      error: { code: 'print-failed', message: expect.stringContaining('打印机') as string },
    });
    expect(offline.close).toHaveBeenCalled();
  });

  it('refuses a print not measured yet, and a PDF whose pages are not the ones cut', async () => {
    const s = setup({ save: '/home/u/a.pdf' });
    await expect(s.call({ request: { ...REQUEST, layout: undefined }, action: 'pdf' })).resolves.toMatchObject({
      ok: false,
      error: { code: 'print-unmeasured', message: expect.stringContaining('请先点“预览”') as string },
    });
    s.contents.printToPDF.mockImplementation(() => Promise.resolve(fakePdf({}, 8)));
    await expect(s.call({ request: REQUEST, action: 'pdf' })).resolves.toMatchObject({
      ok: false,
      error: { code: 'print-failed', message: expect.stringContaining('与预览的 7 页不符') as string },
    });
    expect(s.files.files.size).toBe(0);
    expect(s.close).toHaveBeenCalled();
  });

  it('says a failed layout in Chinese and still closes the print window', async () => {
    const s = setup({ pdfFails: true });
    await expect(s.call({ request: REQUEST, action: 'pdf' })).resolves.toMatchObject({
      ok: false,
      error: { code: 'print-failed', message: expect.stringContaining('排版失败') as string },
    });
    expect(s.close).toHaveBeenCalled();
  });

  it('validates what to print before anything is laid out', async () => {
    const s = setup();
    await expect(s.call({ request: { bookId: REQUEST.bookId }, action: 'pdf' })).resolves.toMatchObject({
      ok: false,
      error: { code: 'invalid-input' },
    });
    await expect(s.call({ request: REQUEST, action: 'fax' })).resolves.toMatchObject({
      ok: false,
      error: { code: 'invalid-input' },
    });
    expect(s.printPages).not.toHaveBeenCalled();
  });
});

describe('the print window', () => {
  it('is hidden, sandboxed and without script; loads each print from a private temporary file it removes', async () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'print-window-test-'));
    const seen: string[] = [];
    const on = vi.fn();
    class FakeWindow {
      readonly options: unknown;
      webContents = { on, setWindowOpenHandler: vi.fn(), print: vi.fn(), printToPDF: vi.fn() };
      destroyed = false;
      constructor(o: unknown) {
        this.options = o;
        windows.push(this);
      }
      loadFile = vi.fn((file: string) => {
        seen.push(fs.readFileSync(file, 'utf8'));
        return Promise.resolve();
      });
      isDestroyed = () => this.destroyed;
      destroy = () => void (this.destroyed = true);
    }
    const windows: FakeWindow[] = [];
    const win = createPrintWindow(FakeWindow as unknown as new () => BrowserWindow, tmp);
    expect(windows[0]!.options).toBe(PRINT_WINDOW_OPTIONS);
    expect(PRINT_WINDOW_OPTIONS).toMatchObject({
      show: false,
      webPreferences: { sandbox: true, javascript: false, nodeIntegration: false, contextIsolation: true },
    });
    expect(on).toHaveBeenCalledWith('will-navigate', expect.any(Function));
    await win.load('<p>一页</p>');
    expect(seen).toEqual(['<p>一页</p>']);
    const [dir] = fs.readdirSync(tmp);
    expect(fs.readdirSync(path.join(tmp, dir!))).toEqual([]);
    win.close();
    expect(windows[0]!.destroyed).toBe(true);
    expect(fs.readdirSync(tmp)).toEqual([]);
    fs.rmSync(tmp, { recursive: true, force: true });
  });
});
