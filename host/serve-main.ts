/**
 * `npm run serve`: the real app in a browser. Opens the real service on the data folder
 * (`LOGBOOK_DATA_DIR`, default ./.data), serves out/renderer on 127.0.0.1 and prints the
 * address with its one-time token. Ctrl+C closes the server and the database cleanly.
 * Optional: LOGBOOK_PORT (default: a free port), LOGBOOK_HOST_TOKEN (default: random).
 */
import { mkdirSync } from 'node:fs';
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
  let host: RunningHost;
  try {
    host = await startHost({
      contract,
      service,
      staticDir: path.join(options.root, 'out', 'renderer'),
      port: Number(options.env.LOGBOOK_PORT ?? 0) || 0,
      ...(options.env.LOGBOOK_HOST_TOKEN ? { token: options.env.LOGBOOK_HOST_TOKEN } : {}),
      onInternalError: (method, error) => console.error(`[logbook] ${method} 内部错误:`, error),
    });
  } catch (error) {
    service.close();
    throw error;
  }
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
