import type { BrowserWindow } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { invokeMethod } from '../host/invoke-method';
import { createDesktopService, desktopContract } from './desktop-contract';
import type { DesktopDeps } from './desktop-contract';
import type { FileOps } from './dialogs';
import { printPage } from './printing';

function memoryFiles(initial: Record<string, Buffer> = {}): FileOps & { files: Map<string, Buffer> } {
  const files = new Map(Object.entries(initial));
  return {
    files,
    readFile: async (f) => files.get(f) ?? Promise.reject(new Error('ENOENT')),
    size: async (f) => files.get(f)?.length ?? Promise.reject(new Error('ENOENT')),
    writeFile: (f, d) => {
      files.set(f, d);
      return Promise.resolve();
    },
  };
}

function setup(
  overrides: { open?: string[]; save?: string; files?: ReturnType<typeof memoryFiles>; window?: unknown } = {},
) {
  const files = overrides.files ?? memoryFiles();
  const dialog = {
    showOpenDialog: vi.fn(() => Promise.resolve({ canceled: !overrides.open, filePaths: overrides.open ?? [] })),
    showSaveDialog: vi.fn(() => Promise.resolve({ canceled: !overrides.save, filePath: overrides.save ?? '' })),
  };
  const print = vi.fn((_o: unknown, cb: (ok: boolean, reason: string) => void) => cb(true, ''));
  const printToPDF = vi.fn(() => Promise.resolve(Buffer.from('%PDF-1.7 fake')));
  const win =
    overrides.window === undefined
      ? { isDestroyed: () => false, webContents: { print, printToPDF } }
      : overrides.window;
  const openExternal = vi.fn(() => Promise.resolve(undefined));
  const deps: DesktopDeps = {
    dialog,
    getWindow: () => win as BrowserWindow | null,
    files,
    openExternal,
    info: () => ({
      appVersion: '0.1.0',
      electronVersion: '45.4.1',
      platform: 'linux',
      dataDir: '/d',
      keyProtection: 'os',
    }),
  };
  const service = createDesktopService(deps);
  const call = (method: string, input: unknown) => invokeMethod(desktopContract, service, method, input);
  return { call, dialog, files, print, printToPDF, openExternal };
}

describe('desktop.openFile', () => {
  it('returns the chosen file as base64 with its bare name', async () => {
    const files = memoryFiles({ '/home/u/会议照片.png': Buffer.from([1, 2, 3]) });
    const { call, dialog } = setup({ open: ['/home/u/会议照片.png'], files });
    await expect(call('desktop.openFile', { purpose: 'attachment' })).resolves.toEqual({
      ok: true,
      value: { fileName: '会议照片.png', size: 3, dataBase64: 'AQID' },
    });
    expect(dialog.showOpenDialog).toHaveBeenCalledOnce();
  });

  it('returns null when cancelled', async () => {
    await expect(setup().call('desktop.openFile', { purpose: 'bundle' })).resolves.toEqual({ ok: true, value: null });
  });

  it('refuses files over the purpose limit, before reading them', async () => {
    const files = memoryFiles({ '/a/big.json': Buffer.alloc(2 * 1024 * 1024) });
    const readFile = vi.spyOn(files, 'readFile');
    const result = await setup({ open: ['/a/big.json'], files }).call('desktop.openFile', { purpose: 'calendar' });
    expect(result).toMatchObject({ ok: false, error: { code: 'file-too-large' } });
    expect(readFile).not.toHaveBeenCalled();
  });

  it('refuses an unknown purpose (the renderer cannot pass paths or filters)', async () => {
    await expect(setup().call('desktop.openFile', { purpose: '/etc/passwd' })).resolves.toMatchObject({
      ok: false,
      error: { code: 'invalid-input' },
    });
  });
});

describe('desktop.saveFile', () => {
  it('writes where the person chose', async () => {
    const { call, files } = setup({ save: '/home/u/记录本.zip' });
    await expect(
      call('desktop.saveFile', { purpose: 'bundle', suggestedName: '记录本.zip', dataBase64: 'UEsDBA==' }),
    ).resolves.toEqual({
      ok: true,
      value: { fileName: '记录本.zip', path: '/home/u/记录本.zip' },
    });
    expect(files.files.get('/home/u/记录本.zip')).toEqual(Buffer.from('UEsDBA==', 'base64'));
  });

  it.each(['../../.bashrc', 'a/b.zip', 'C:\\x.zip', ''])('refuses suggested name %j', async (suggestedName) => {
    const { call, dialog } = setup({ save: '/x' });
    const result = await call('desktop.saveFile', { purpose: 'export', suggestedName, dataBase64: '' });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-input', field: 'suggestedName' } });
    expect(dialog.showSaveDialog).not.toHaveBeenCalled();
  });
});

describe('printing', () => {
  it('desktop.print opens the print dialog with backgrounds', async () => {
    const { call, print } = setup();
    await expect(call('desktop.print', {})).resolves.toEqual({ ok: true, value: { printed: true } });
    expect(print.mock.calls[0]?.[0]).toMatchObject({ printBackground: true, silent: false });
  });

  it('a cancelled print is not an error; a failed one is', async () => {
    await expect(printPage({ print: (_o, cb) => cb?.(false, 'Print job canceled') })).resolves.toBe(false);
    await expect(printPage({ print: (_o, cb) => cb?.(false, 'Printer offline') })).rejects.toMatchObject({
      code: 'print-failed',
    });
  });

  it('desktop.savePdf renders A4 and saves it with a .pdf name', async () => {
    const { call, dialog, files, printToPDF } = setup({ save: '/home/u/会议记录.pdf' });
    const result = await call('desktop.savePdf', { suggestedName: '会议记录' });
    expect(result).toEqual({ ok: true, value: { fileName: '会议记录.pdf', path: '/home/u/会议记录.pdf' } });
    expect(printToPDF.mock.calls[0]).toEqual([expect.objectContaining({ pageSize: 'A4' })]);
    expect((dialog.showSaveDialog.mock.calls[0] as unknown[] | undefined)?.at(-1)).toMatchObject({
      defaultPath: '会议记录.pdf',
    });
    expect(files.files.get('/home/u/会议记录.pdf')?.toString()).toContain('%PDF');
  });

  it('without a window, printing fails with a Chinese message', async () => {
    const { call } = setup({ window: null });
    await expect(call('desktop.print', {})).resolves.toMatchObject({ ok: false, error: { code: 'no-window' } });
  });
});

describe('desktop.openExternal and desktop.info', () => {
  it('opens only vetted https URLs', async () => {
    const { call, openExternal } = setup();
    await expect(call('desktop.openExternal', { url: 'https://www.gov.cn/' })).resolves.toEqual({
      ok: true,
      value: { opened: true },
    });
    await expect(call('desktop.openExternal', { url: 'file:///etc/passwd' })).resolves.toMatchObject({
      ok: false,
      error: { code: 'url-refused' },
    });
    expect(openExternal.mock.calls).toEqual([['https://www.gov.cn/']]);
  });

  it('reports the install facts', async () => {
    await expect(setup().call('desktop.info', {})).resolves.toMatchObject({
      ok: true,
      value: { keyProtection: 'os', dataDir: '/d' },
    });
  });
});

describe('desktop.pickBundle / desktop.exportBundle', () => {
  function withBundles(overrides: { open?: string[]; save?: string; files?: ReturnType<typeof memoryFiles> }) {
    const files = overrides.files ?? memoryFiles();
    const dialog = {
      showOpenDialog: vi.fn(() => Promise.resolve({ canceled: !overrides.open, filePaths: overrides.open ?? [] })),
      showSaveDialog: vi.fn(() => Promise.resolve({ canceled: !overrides.save, filePath: overrides.save ?? '' })),
    };
    const stage = vi.fn(() => Promise.resolve('bundle-0123456789abcdef01234567.zip'));
    const exportBook = vi.fn(() => Promise.resolve({ bytes: 1234, size: 20 }));
    const service = createDesktopService({
      dialog,
      getWindow: () => null,
      files,
      bundles: { stage, export: exportBook },
      openExternal: vi.fn(() => Promise.resolve()),
      info: () => ({
        appVersion: '0.1.0',
        electronVersion: '45.4.1',
        platform: 'linux',
        dataDir: '/d',
        keyProtection: 'os',
      }),
    });
    const call = (method: string, input: unknown) => invokeMethod(desktopContract, service, method, input);
    return { call, stage, exportBook, dialog };
  }

  it('stages the chosen bundle and gives the page only the token and the bare name', async () => {
    const files = memoryFiles({ '/media/u盘/学会记录本.zip': Buffer.alloc(10) });
    const { call, stage } = withBundles({ open: ['/media/u盘/学会记录本.zip'], files });
    await expect(call('desktop.pickBundle', {})).resolves.toEqual({
      ok: true,
      value: { upload: 'bundle-0123456789abcdef01234567.zip', fileName: '学会记录本.zip', size: 10 },
    });
    expect(stage).toHaveBeenCalledWith('/media/u盘/学会记录本.zip');
  });

  it('returns null and stages nothing when cancelled', async () => {
    const { call, stage, exportBook } = withBundles({});
    await expect(call('desktop.pickBundle', {})).resolves.toEqual({ ok: true, value: null });
    await expect(call('desktop.exportBundle', { bookId: '0a1b2c3d-0000-4000-8000-000000000000' })).resolves.toEqual({
      ok: true,
      value: null,
    });
    expect(stage).not.toHaveBeenCalled();
    expect(exportBook).not.toHaveBeenCalled();
  });

  it('exports to the path the person chose, and refuses a malformed book id before any dialog', async () => {
    const { call, exportBook, dialog } = withBundles({ save: '/home/u/备份.zip' });
    await expect(call('desktop.exportBundle', { bookId: '0a1b2c3d-0000-4000-8000-000000000000' })).resolves.toEqual({
      ok: true,
      value: { fileName: '备份.zip', bytes: 1234, size: 20 },
    });
    expect(exportBook).toHaveBeenCalledWith('0a1b2c3d-0000-4000-8000-000000000000', '/home/u/备份.zip');
    const bad = await call('desktop.exportBundle', { bookId: '../../etc' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(dialog.showSaveDialog).toHaveBeenCalledOnce();
  });
});
