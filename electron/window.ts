/**
 * The main window: one secure BrowserWindow showing app://logbook/index.html.
 * The options are a pure function so a test can assert every security flag.
 */
import type { BrowserWindow, BrowserWindowConstructorOptions, WebPreferences } from 'electron';
import { START_URL } from './app-protocol';

export const WINDOW_TITLE = '党建工作小组工作记录本';

export function secureWebPreferences(preloadPath: string, devTools: boolean): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webviewTag: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    spellcheck: false,
    devTools,
  };
}

export interface MainWindowConfig {
  preloadPath: string;
  devTools: boolean;
  iconPath?: string;
}

export function mainWindowOptions(config: MainWindowConfig): BrowserWindowConstructorOptions {
  const options: BrowserWindowConstructorOptions = {
    title: WINDOW_TITLE,
    width: 1280,
    height: 860,
    minWidth: 1024,
    minHeight: 680,
    show: false,
    backgroundColor: '#ffffff',
    webPreferences: secureWebPreferences(config.preloadPath, config.devTools),
  };
  if (config.iconPath !== undefined) options.icon = config.iconPath;
  return options;
}

type WindowCtor = new (options: BrowserWindowConstructorOptions) => BrowserWindow;

/** Creates the window, shows it when painted, loads our own page (never a remote URL). */
export function createMainWindow(BrowserWindowClass: WindowCtor, config: MainWindowConfig): BrowserWindow {
  const win = new BrowserWindowClass(mainWindowOptions(config));
  win.once('ready-to-show', () => win.show());
  void win.loadURL(START_URL);
  return win;
}

/** Brings an existing window to the front (used when a second instance starts). */
export function focusWindow(
  win: Pick<BrowserWindow, 'isDestroyed' | 'isMinimized' | 'restore' | 'show' | 'focus'> | null | undefined,
): void {
  if (!win || win.isDestroyed()) return;
  if (win.isMinimized()) win.restore();
  win.show();
  win.focus();
}
