import type { BrowserWindow, BrowserWindowConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { START_URL } from './app-protocol';
import { createMainWindow, focusWindow, mainWindowOptions, WINDOW_TITLE } from './window';

describe('main window options', () => {
  it('sets every security flag of the baseline', () => {
    const options = mainWindowOptions({ preloadPath: '/app/out/preload/index.cjs', devTools: false });
    expect(options.webPreferences).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      devTools: false,
    });
    expect(options.webPreferences).not.toHaveProperty('enableBlinkFeatures');
    expect(options.title).toBe(WINDOW_TITLE);
    expect(options.show).toBe(false);
  });

  it('allows devtools only when asked (development)', () => {
    expect(mainWindowOptions({ preloadPath: 'p', devTools: true }).webPreferences?.devTools).toBe(true);
  });
});

describe('createMainWindow', () => {
  it('loads our own app:// start page and shows the window when ready', () => {
    const created: BrowserWindowConstructorOptions[] = [];
    const listeners = new Map<string, () => void>();
    const show = vi.fn();
    const loadURL = vi.fn(() => Promise.resolve(undefined));
    class FakeWindow {
      constructor(options: BrowserWindowConstructorOptions) {
        created.push(options);
      }
      once(event: string, listener: () => void) {
        listeners.set(event, listener);
        return this;
      }
      show = show;
      loadURL = loadURL;
    }
    createMainWindow(FakeWindow as unknown as new (o: BrowserWindowConstructorOptions) => BrowserWindow, {
      preloadPath: 'p',
      devTools: false,
    });
    expect(created[0]?.webPreferences?.sandbox).toBe(true);
    expect(loadURL).toHaveBeenCalledWith(START_URL);
    expect(START_URL.startsWith('app://logbook/')).toBe(true);
    expect(show).not.toHaveBeenCalled();
    listeners.get('ready-to-show')?.();
    expect(show).toHaveBeenCalledOnce();
  });
});

describe('focusWindow', () => {
  const fake = (minimized: boolean, destroyed = false) => ({
    isDestroyed: () => destroyed,
    isMinimized: () => minimized,
    restore: vi.fn(),
    show: vi.fn(),
    focus: vi.fn(),
  });

  it('restores a minimised window and focuses it', () => {
    const win = fake(true);
    focusWindow(win);
    expect(win.restore).toHaveBeenCalledOnce();
    expect(win.focus).toHaveBeenCalledOnce();
  });

  it('does nothing without a live window', () => {
    const win = fake(false, true);
    focusWindow(win);
    focusWindow(null);
    expect(win.focus).not.toHaveBeenCalled();
  });
});
