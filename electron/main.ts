/**
 * The Electron main process: composition root only. It wires the tested pieces together
 * and holds no logic of its own worth testing (and no SQL, no rules):
 *   app:// protocol + CSP, guards on every web contents, permissions denied, one secure
 *   window, the single-instance lock, the Chinese menu, the service (db/) with keys
 *   wrapped by safeStorage, and the IPC adapter for the service and the desktop methods.
 * Bundled to out/main/index.cjs by scripts/build-app.ts.
 */
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, safeStorage, session, shell } from 'electron';
import path from 'node:path';
import { ServiceError } from '../db/contract/contract-types';
import type { PrintView } from '../db/contract/print';
import { secureDataFolder, type SecureResult } from '../db/data-folder';
import { createLocalLog, type LocalLog } from '../host/local-log';
import { contract, keysDir, openRealService, plainKeyStore } from '../host/real-service';
import type { RealService } from '../host/real-service';
import { APP_SCHEME, createAppProtocolHandler, registerAppSchemeAsPrivileged } from './app-protocol';
import { ensureDataDir, resolveDataDir } from './data-dir';
import { createDesktopService, desktopContract } from './desktop-contract';
import { nodeFileOps, SAVE_PDF_SPEC, saveWithDialog } from './dialogs';
import { createSenderCheck, registerContract } from './ipc-adapter';
import { createSafeStorageKeyStore } from './key-store';
import { buildMenuTemplate } from './menu';
import { COMMAND_CHANNEL } from './menu-commands';
import { resolveNativeBinding } from './native-binding';
import { createPrintWindow, printPage, renderPdf } from './printing';
import { callService } from '../db/service/create-service';
import { claimSingleInstance } from './single-instance';
import { denyAllPermissions, enforceCspHeaders, guardWebContents } from './web-contents-guards';
import { createMainWindow, focusWindow, WINDOW_TITLE } from './window';

let mainWindow: BrowserWindow | null = null;
let service: RealService | null = null;
/** `<dataDir>/logs/logbook.log`: internal errors' details (paths, SQL, stacks), never the UI. */
let localLog: LocalLog | null = null;

const isDev = !app.isPackaged;
const log = (message: string) => {
  if (isDev) console.log(`[logbook] ${message}`);
};
const logError = (method: string, error: unknown) => {
  localLog?.error(method, error);
  console.error(`[logbook] ${method} failed:`, error);
};
const logLoose = (result: SecureResult) => {
  if (result.failed.length === 0) return;
  const names = result.failed
    .slice(0, 5)
    .map((f) => `${f.path} (${f.code})`)
    .join(', ');
  localLog?.note('data-folder', `${result.failed.length} entries could not be made owner-only: ${names}`);
};

// Before `ready`: the scheme must be privileged, and a second instance must leave at once.
registerAppSchemeAsPrivileged(protocol);
app.setName(WINDOW_TITLE);

if (claimSingleInstance(app, () => focusWindow(mainWindow))) {
  app.on('web-contents-created', (_event, contents) => {
    guardWebContents(contents, { openExternal: (url) => void shell.openExternal(url), log });
  });
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => {
    service?.close();
    service = null;
  });
  app.whenReady().then(start).catch(fail);
}

function start(): void {
  const dataDir = resolveDataDir({ env: process.env, userDataDir: app.getPath('userData'), cwd: process.cwd() });
  localLog = createLocalLog(dataDir);
  // Owner-only on every start; once more after opening, for a database SQLite just created.
  ensureDataDir(dataDir, logLoose);
  const keyStore = createSafeStorageKeyStore(plainKeyStore(dataDir), safeStorage);
  const nativeBinding = resolveNativeBinding({
    env: process.env,
    isPackaged: app.isPackaged,
    resourcesPath: process.resourcesPath,
  });
  // The full verify's thread, bundled beside the main bundle (out/main → out/worker).
  // Packaged, it is unpacked from the asar (electron-builder.yml): Node loads it as a real file.
  const verifyWorker = path.join(__dirname, '..', 'worker', 'index.cjs').replace(/\.asar([\\/])/, '.asar.unpacked$1');
  const opened = openRealService({ dataDir, keyStore, verifyWorker, ...(nativeBinding ? { nativeBinding } : {}) });
  service = opened;
  logLoose(secureDataFolder(dataDir));
  log(`data: ${dataDir}; keys: ${keysDir(dataDir)} (${keyStore.protection()})`);

  const ses = session.defaultSession;
  denyAllPermissions(ses, log);
  enforceCspHeaders(ses);
  protocol.handle(APP_SCHEME, createAppProtocolHandler(path.join(app.getAppPath(), 'out', 'renderer')));

  const getWindow = () => (mainWindow && !mainWindow.isDestroyed() ? mainWindow : null);
  const isTrustedSender = createSenderCheck(() => getWindow()?.webContents.id);
  registerContract(ipcMain, contract, service, {
    isTrustedSender,
    onInternalError: logError,
    onRejectedSender: (m, url) => log(`refused ${m} from ${url}`),
  });
  registerContract(
    ipcMain,
    desktopContract,
    createDesktopService({
      dialog,
      getWindow,
      bundles: {
        stage: (file) => opened.stageBundle(file),
        export: (bookId, file) => opened.exportBundle(bookId, file),
      },
      printPages: async (input): Promise<PrintView> => {
        if (!service) throw new ServiceError('no-service', '记录本尚未打开，请稍后重试。');
        return callService(service, 'print.pages', input);
      },
      openPrintWindow: () => createPrintWindow(BrowserWindow),
      openExternal: (url) => shell.openExternal(url),
      info: () => ({
        appVersion: app.getVersion(),
        electronVersion: process.versions.electron ?? '',
        platform: process.platform,
        dataDir,
        keyProtection: keyStore.protection(),
      }),
    }),
    { isTrustedSender, onInternalError: logError },
  );

  const reportMenuError = (error: unknown) => {
    const win = getWindow();
    const message = error instanceof ServiceError ? error.message : '操作没有完成，请重试。';
    if (win) void dialog.showMessageBox(win, { type: 'error', title: WINDOW_TITLE, message });
  };
  const template = buildMenuTemplate(
    {
      send: (command) => getWindow()?.webContents.send(COMMAND_CHANNEL, command),
      print: () => {
        const win = getWindow();
        if (win) printPage(win.webContents).catch(reportMenuError);
      },
      savePdf: () => {
        const win = getWindow();
        if (!win) return;
        renderPdf(win.webContents)
          .then((pdf) => saveWithDialog({ dialog, getWindow }, nodeFileOps, SAVE_PDF_SPEC, '党建工作记录.pdf', pdf))
          .catch(reportMenuError);
      },
      openDataFolder: () => void shell.openPath(dataDir),
      about: () => {
        const win = getWindow();
        const detail = [
          `版本 ${app.getVersion()}（Electron ${process.versions.electron ?? ''}）`,
          `数据文件夹：${dataDir}`,
        ].join('\n');
        if (win) void dialog.showMessageBox(win, { type: 'info', title: '关于', message: WINDOW_TITLE, detail });
      },
    },
    { isDev, platform: process.platform },
  );
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));

  mainWindow = createMainWindow(BrowserWindow, {
    preloadPath: path.join(app.getAppPath(), 'out', 'preload', 'index.cjs'),
    devTools: isDev,
  });
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
}

/** Start-up failed (database locked or damaged, native module missing…): say so in Chinese and quit. */
function fail(error: unknown): void {
  logError('startup', error);
  const message =
    error instanceof ServiceError
      ? error.message
      : '程序无法启动：无法打开记录本数据。请确认没有其他程序正在使用数据文件夹，然后重新启动；如果反复出现，请联系维护人员。';
  dialog.showErrorBox(WINDOW_TITLE, message);
  app.exit(1);
}
