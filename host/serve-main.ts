/**
 * `npm run serve`: the real app in a browser. Opens the real service on the data folder
 * (`LOGBOOK_DATA_DIR`, default ./.data), serves out/renderer on 127.0.0.1 and prints the
 * address with its one-time token. Ctrl+C closes the server and the database cleanly.
 * Optional: LOGBOOK_PORT (default: a free port), LOGBOOK_HOST_TOKEN (default: random).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { startHost } from './http-server';
import type { RunningHost } from './http-server';
import { contract, openRealService } from './real-service';

export interface ServeOptions {
  root: string;
  env: Readonly<Record<string, string | undefined>>;
  log?: (line: string) => void;
}

export interface Serving {
  host: RunningHost;
  dataDir: string;
  stop(): Promise<void>;
}

export function dataDirFrom(root: string, env: Readonly<Record<string, string | undefined>>): string {
  return path.resolve(root, env.LOGBOOK_DATA_DIR?.trim() || '.data');
}

export async function serve(options: ServeOptions): Promise<Serving> {
  const log = options.log ?? ((line: string) => console.log(line));
  const dataDir = dataDirFrom(options.root, options.env);
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const service = openRealService({ dataDir });
  const envPort = Number(options.env.LOGBOOK_PORT ?? 0) || 0;
  const savedPort = envPort ? 0 : readSavedPort(dataDir);
  const start = (port: number) => startHost({
    contract,
    service,
    staticDir: path.join(options.root, 'out', 'renderer'),
    port,
    ...(options.env.LOGBOOK_HOST_TOKEN ? { token: options.env.LOGBOOK_HOST_TOKEN } : {}),
    onInternalError: (method, error) => console.error(`[logbook] ${method} 内部错误:`, error),
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
    stop: async () => {
      await host.close();
      service.close();
    },
  };
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
