/**
 * `npm start`: build, prepare the Electron-ABI SQLite addon, launch Electron.
 *
 * On machines where the Electron binary is missing and cannot be fetched (offline, or
 * a network that blocks the download, as on the development machines of this project),
 * it prints ONE message in Chinese and English that points to `npm run serve` (the same
 * app in a browser) and exits 1, with no stack trace. Every step is injected so the
 * branches are tested without Electron and without network.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { buildParts, ROOT } from './build-app';
import { fetchElectronBinary, probeElectronBinary } from './electron-binary';
import type { ElectronProbe } from './electron-binary';
import { prepareElectronNative } from './native-module';

export const NO_ELECTRON_MESSAGE = [
  '无法启动桌面版：本机没有 Electron 运行程序，也无法下载（可能没有网络连接）。',
  '请改用浏览器版，功能与数据完全相同：npm run serve',
  'Cannot start the desktop app: the Electron binary is missing and could not be downloaded (offline?).',
  'Run the same app in your browser instead: npm run serve',
].join('\n');

export interface StartDeps {
  probe(): ElectronProbe;
  /** Tries to download the binary; false when it cannot. */
  fetchBinary(): Promise<boolean>;
  build(): Promise<void>;
  /** Returns the path of the Electron-ABI better-sqlite3 addon. */
  prepareNative(): Promise<string>;
  launch(executable: string, env: Record<string, string | undefined>): Promise<number>;
  log(line: string): void;
  error(line: string): void;
  /** Set LOGBOOK_SKIP_ELECTRON_DOWNLOAD=1 to fail fast instead of trying the download. */
  skipDownload: boolean;
}

export async function runStart(deps: StartDeps): Promise<number> {
  let probe = deps.probe();
  if (!probe.found) {
    if (!deps.skipDownload) {
      deps.log('首次启动：正在获取 Electron 运行程序… (fetching the Electron binary)');
      if (await deps.fetchBinary()) probe = deps.probe();
    }
    if (!probe.found) {
      deps.error(NO_ELECTRON_MESSAGE);
      return 1;
    }
  }
  try {
    await deps.build();
  } catch (error) {
    deps.error(`构建失败（build failed）：${firstLine(error)}`);
    return 1;
  }
  let addon: string;
  try {
    addon = await deps.prepareNative();
  } catch (error) {
    deps.error(
      [
        `无法为 Electron 编译 SQLite 模块（could not build better-sqlite3 for Electron）：${firstLine(error)}`,
        '需要网络（下载 Electron 头文件）和 C++ 编译工具。也可以改用浏览器版：npm run serve',
      ].join('\n'),
    );
    return 1;
  }
  return deps.launch(probe.executable, { LOGBOOK_NATIVE_BINDING: addon, ELECTRON_RUN_AS_NODE: undefined });
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
}

function launchElectron(executable: string, extraEnv: Record<string, string | undefined>): Promise<number> {
  const env: Record<string, string | undefined> = { ...process.env, ...extraEnv };
  for (const [key, value] of Object.entries(env)) if (value === undefined) delete env[key];
  return new Promise((resolve) => {
    const child = spawn(executable, ['.'], { cwd: ROOT, stdio: 'inherit', env });
    const forward = (signal: NodeJS.Signals) => () => child.kill(signal);
    process.on('SIGINT', forward('SIGINT'));
    process.on('SIGTERM', forward('SIGTERM'));
    child.on('error', (error) => {
      console.error(`无法启动 Electron（could not launch Electron）：${error.message}`);
      resolve(1);
    });
    child.on('close', (code) => resolve(code ?? 1));
  });
}

export function defaultStartDeps(env: Readonly<Record<string, string | undefined>> = process.env): StartDeps {
  const electronDir = path.join(ROOT, 'node_modules', 'electron');
  const electronVersion = (
    JSON.parse(readFileSync(path.join(electronDir, 'package.json'), 'utf8')) as { version: string }
  ).version;
  return {
    probe: () => probeElectronBinary(electronDir, env),
    fetchBinary: () => fetchElectronBinary(electronDir),
    build: () => buildParts(),
    prepareNative: async () => env.LOGBOOK_NATIVE_BINDING || prepareElectronNative({ root: ROOT, electronVersion }),
    launch: launchElectron,
    log: (line) => console.log(line),
    error: (line) => console.error(line),
    skipDownload: env.LOGBOOK_SKIP_ELECTRON_DOWNLOAD === '1',
  };
}
