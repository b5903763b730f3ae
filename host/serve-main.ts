/**
 * `npm run serve`: the real app in a browser. Opens the real service on the data folder
 * (`LOGBOOK_DATA_DIR`, default ./.data), serves out/renderer on 127.0.0.1 and prints the
 * address with its one-time token. Ctrl+C closes the server and the database cleanly.
 * Optional: LOGBOOK_PORT (default: a free port), LOGBOOK_HOST_TOKEN (default: random).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { secureDataFolder, type SecureResult } from '../db/data-folder';
import { bundleFileRoutes } from './bundle-files';
import { startHost } from './http-server';
import type { RunningHost } from './http-server';
import { createLocalLog, type LocalLog } from './local-log';
import { contract, openRealService, type RealService } from './real-service';

export interface ServeOptions {
  root: string;
  env: Readonly<Record<string, string | undefined>>;
  log?: (line: string) => void;
}

export interface Serving {
  host: RunningHost;
  dataDir: string;
  /** `<dataDir>/logs/logbook.log`: internal errors' details (never shown in the UI). */
  localLog: LocalLog;
  stop(): Promise<void>;
}

export function dataDirFrom(root: string, env: Readonly<Record<string, string | undefined>>): string {
  return path.resolve(root, env.LOGBOOK_DATA_DIR?.trim() || '.data');
}

export async function serve(options: ServeOptions): Promise<Serving> {
  const log = options.log ?? ((line: string) => console.log(line));
  const dataDir = dataDirFrom(options.root, options.env);
  // Owner-only on every start (a copied or restored folder arrives 0755/0644), and once more
  // after opening: a new database and its -wal/-shm are created with the umask's modes.
  const loose = secureDataFolder(dataDir);
  const localLog = createLocalLog(dataDir);
  reportLoose(loose, log, localLog);
  let service: RealService;
  try {
    service = openRealService({ dataDir });
  } catch (error) {
    localLog.error('startup', error);
    throw error;
  }
  reportLoose(secureDataFolder(dataDir), log, localLog);
  const onInternalError = (method: string, error: unknown) => {
    localLog.error(method, error);
    console.error(`[logbook] ${method} 内部错误:`, error);
  };
  const envPort = Number(options.env.LOGBOOK_PORT ?? 0) || 0;
  const savedPort = envPort ? 0 : readSavedPort(dataDir);
  const files = bundleFileRoutes(
    {
      stageBundle: (source) => service.stageBundle(source),
      exportBundle: (bookId, out) => service.exportBundle(bookId, out),
    },
    dataDir,
    onInternalError,
  );
  const start = (port: number) =>
    startHost({
      contract,
      service,
      files,
      staticDir: path.join(options.root, 'out', 'renderer'),
      port,
      ...(options.env.LOGBOOK_HOST_TOKEN ? { token: options.env.LOGBOOK_HOST_TOKEN } : {}),
      onInternalError,
    });
  let host: RunningHost;
  try {
    try {
      host = await start(envPort || savedPort);
    } catch (error) {
      // The port used last time is taken: any free one will do (drafts of the old origin stay
      // in the browser, unseen, until that port is free again).
      if (!savedPort || (error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
      host = await start(0);
    }
  } catch (error) {
    service.close();
    throw error;
  }
  if (!envPort) savePort(dataDir, host.port);
  log('党建工作小组工作记录本（浏览器版）已启动。');
  log(`请在浏览器中打开：${host.url}`);
  log(`数据文件夹：${dataDir}`);
  log('按 Ctrl+C 退出。');
  return {
    host,
    dataDir,
    localLog,
    stop: async () => {
      await host.close();
      files.close();
      service.close();
    },
  };
}

function reportLoose(result: SecureResult, log: (line: string) => void, localLog: LocalLog): void {
  if (result.failed.length === 0) return;
  const names = result.failed
    .slice(0, 5)
    .map((f) => `${f.path}（${f.code}）`)
    .join('、');
  const line = `注意：数据文件夹中有 ${result.failed.length} 项无法设为仅本账户可读写：${names}。请检查这些文件的所有者与权限。`;
  log(line);
  localLog.note('data-folder', line);
}

/**
 * The browser keeps drafts (IndexedDB), the open book and the token per origin, and the origin
 * includes the port: so the same data folder is served on the same port each time.
 */
const PORT_FILE = 'host-port';

function readSavedPort(dataDir: string): number {
  try {
    const port = Number(readFileSync(path.join(dataDir, PORT_FILE), 'utf8').trim());
    return Number.isInteger(port) && port >= 1024 && port <= 65535 ? port : 0;
  } catch {
    return 0;
  }
}

function savePort(dataDir: string, port: number): void {
  try {
    writeFileSync(path.join(dataDir, PORT_FILE), `${port}\n`, { mode: 0o600 });
  } catch {
    // Only a convenience: a read-only folder means a new port (and origin) next time.
  }
}
