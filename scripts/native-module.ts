/**
 * A copy of better-sqlite3 compiled for Electron's ABI, for `npm start` only.
 *
 * node_modules/better-sqlite3 stays compiled for Node (tests, CLI, browser host); running
 * `electron-builder install-app-deps` would rebuild it in place and break them. So we copy
 * the package to out/native/node_modules/better-sqlite3 (without its build output),
 * rebuild that copy with @electron/rebuild for the installed Electron version, and hand
 * the addon's path to the main process (LOGBOOK_NATIVE_BINDING → `new Database(file,
 * { nativeBinding })`). A stamp skips the rebuild while both versions are unchanged.
 */
import { cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';

export interface NativeBuildInput {
  root: string;
  electronVersion: string;
  /** Injected in tests; defaults to @electron/rebuild. */
  rebuild?: (options: { buildPath: string; electronVersion: string }) => Promise<void>;
}

export function addonPath(root: string): string {
  return path.join(root, 'out', 'native', 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');
}

async function defaultRebuild(options: { buildPath: string; electronVersion: string }): Promise<void> {
  const { rebuild } = await import('@electron/rebuild');
  await rebuild({ ...options, onlyModules: ['better-sqlite3'], force: true, mode: 'sequential' });
}

export async function prepareElectronNative(input: NativeBuildInput): Promise<string> {
  const source = path.join(input.root, 'node_modules', 'better-sqlite3');
  const sqliteVersion = (JSON.parse(await readFile(path.join(source, 'package.json'), 'utf8')) as { version: string })
    .version;
  const nativeRoot = path.join(input.root, 'out', 'native');
  const stampFile = path.join(nativeRoot, 'stamp.json');
  const stamp = JSON.stringify({ electron: input.electronVersion, betterSqlite3: sqliteVersion });
  const addon = addonPath(input.root);
  if (existsSync(addon) && existsSync(stampFile) && (await readFile(stampFile, 'utf8')) === stamp) return addon;

  await rm(nativeRoot, { recursive: true, force: true });
  const target = path.join(nativeRoot, 'node_modules', 'better-sqlite3');
  await mkdir(target, { recursive: true });
  await writeFile(
    path.join(nativeRoot, 'package.json'),
    JSON.stringify(
      { name: 'logbook-native', private: true, dependencies: { 'better-sqlite3': sqliteVersion } },
      null,
      2,
    ),
  );
  await cp(source, target, {
    recursive: true,
    filter: (src) => {
      const rel = path.relative(source, src);
      return (
        rel !== 'build' &&
        !rel.startsWith(`build${path.sep}`) &&
        rel !== 'node_modules' &&
        !rel.startsWith(`node_modules${path.sep}`)
      );
    },
  });
  await (input.rebuild ?? defaultRebuild)({ buildPath: nativeRoot, electronVersion: input.electronVersion });
  if (!existsSync(addon)) throw new Error(`rebuild finished but ${addon} is missing`);
  await writeFile(stampFile, stamp);
  return addon;
}
