/**
 * Smoke test of the composition root: electron/main.ts runs against a fake `electron`
 * module (the real one would try to download its binary) and the REAL service on a
 * temporary data folder. It checks the wiring, not the pieces (they have their own tests).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { contract } from '../db/contract/index';
import { desktopContract } from './desktop-contract';

type Listener = (...args: unknown[]) => unknown;

const fake = vi.hoisted(() => {
  const order: string[] = [];
  const appListeners = new Map<string, Listener>();
  const ipcHandlers = new Map<string, Listener>();
  const windows: { options: Record<string, unknown>; loaded: string[] }[] = [];
  const app = {
    isPackaged: false,
    setName: () => undefined,
    requestSingleInstanceLock: () => true,
    quit: () => undefined,
    exit: () => undefined,
    on: (event: string, listener: Listener) => {
      appListeners.set(event, listener);
      return app;
    },
    whenReady: () => {
      order.push('whenReady');
      return Promise.resolve();
    },
    getPath: () => '/nonexistent-user-data',
    getAppPath: () => '/repo',
    getVersion: () => '0.1.0',
  };
  class BrowserWindow {
    webContents = { id: 41, send: () => undefined };
    constructor(options: Record<string, unknown>) {
      windows.push({ options, loaded: [] });
    }
    once() {
      return this;
    }
    on() {
      return this;
    }
    isDestroyed() {
      return false;
    }
    loadURL(url: string) {
      windows.at(-1)?.loaded.push(url);
      return Promise.resolve();
    }
  }
  const session = {
    defaultSession: {
      setPermissionRequestHandler: (h: unknown) => order.push(`permission-request:${typeof h}`),
      setPermissionCheckHandler: (h: unknown) => order.push(`permission-check:${typeof h}`),
      setDevicePermissionHandler: (h: unknown) => order.push(`device:${typeof h}`),
      webRequest: { onHeadersReceived: () => order.push('csp') },
    },
  };
  const menu: { value: unknown } = { value: undefined };
  return {
    order,
    appListeners,
    ipcHandlers,
    windows,
    showErrorBox: vi.fn(),
    menu,
    module: {
      app,
      BrowserWindow,
      session,
      protocol: {
        registerSchemesAsPrivileged: (schemes: { scheme: string }[]) =>
          order.push(`privileged:${schemes.map((s) => s.scheme).join()}`),
        handle: (scheme: string) => order.push(`handle:${scheme}`),
      },
      ipcMain: {
        handle: (channel: string, listener: Listener) => ipcHandlers.set(channel, listener),
        removeHandler: (channel: string) => ipcHandlers.delete(channel),
      },
      Menu: {
        buildFromTemplate: (template: unknown) => template,
        setApplicationMenu: (menu: unknown) => {
          fake.menu.value = menu;
        },
      },
      dialog: {
        showErrorBox: (...args: unknown[]) => {
          fake.showErrorBox(...args);
        },
        showMessageBox: vi.fn(),
        showOpenDialog: vi.fn(),
        showSaveDialog: vi.fn(),
      },
      shell: { openExternal: vi.fn(), openPath: vi.fn() },
      safeStorage: {
        isEncryptionAvailable: () => true,
        encryptString: (s: string) => Buffer.from(`enc:${s}`),
        decryptString: (b: Buffer) => b.toString().slice(4),
      },
    },
  };
});

vi.mock('electron', () => fake.module);

let dataDir: string;

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'logbook-main-'));
  process.env.LOGBOOK_DATA_DIR = dataDir;
  await import('./main');
  await vi.waitFor(() => expect(fake.windows).toHaveLength(1));
});

afterAll(async () => {
  fake.appListeners.get('will-quit')?.();
  delete process.env.LOGBOOK_DATA_DIR;
  await rm(dataDir, { recursive: true, force: true });
});

const trusted = { sender: { id: 41 }, senderFrame: { url: 'app://logbook/index.html', parent: null } };

describe('electron/main.ts (composition root)', () => {
  it('starts without a start-up error', () => {
    expect(fake.showErrorBox).not.toHaveBeenCalled();
  });

  it('registers the app:// scheme as privileged before ready, and serves it after', () => {
    expect(fake.order.indexOf('privileged:app')).toBeLessThan(fake.order.indexOf('whenReady'));
    expect(fake.order).toContain('handle:app');
  });

  it('denies permissions and enforces the CSP on the default session', () => {
    expect(fake.order).toEqual(
      expect.arrayContaining(['permission-request:function', 'permission-check:function', 'device:function', 'csp']),
    );
  });

  it('guards every web contents and opens one sandboxed window on app://', () => {
    expect(fake.appListeners.has('web-contents-created')).toBe(true);
    expect(fake.appListeners.has('second-instance')).toBe(true);
    const [win] = fake.windows;
    expect(win?.options.webPreferences).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      preload: path.join('/repo', 'out', 'preload', 'index.cjs'),
    });
    expect(win?.loaded).toEqual(['app://logbook/index.html']);
  });

  it('registers one IPC handler per service and desktop method', () => {
    const expected = [...Object.keys(contract), ...Object.keys(desktopContract)].map((m) => `logbook:${m}`).sort();
    expect([...fake.ipcHandlers.keys()].sort()).toEqual(expected);
  });

  it('answers the real service over IPC for our window, and refuses others', async () => {
    const list = fake.ipcHandlers.get('logbook:books.list');
    await expect(list?.(trusted, {})).resolves.toEqual({ ok: true, value: [] });
    await expect(list?.({ ...trusted, sender: { id: 99 } }, {})).resolves.toMatchObject({
      ok: false,
      error: { code: 'forbidden-sender' },
    });
    const info = fake.ipcHandlers.get('logbook:desktop.info');
    await expect(info?.(trusted, {})).resolves.toMatchObject({ ok: true, value: { dataDir, keyProtection: 'os' } });
  });

  it('tells the renderer how the key is protected (safeStorage: the OS key store)', async () => {
    const security = fake.ipcHandlers.get('logbook:app.security');
    await expect(security?.(trusted, {})).resolves.toMatchObject({
      ok: true,
      value: { keyProtection: 'os', explanation: expect.stringContaining('操作系统的密钥库') },
    });
  });

  it('sets the Chinese menu', () => {
    expect((fake.menu.value as { label: string }[]).map((m) => m.label)).toEqual([
      '文件(&F)',
      '编辑(&E)',
      '视图(&V)',
      '帮助(&H)',
    ]);
  });
});
