/**
 * Where the books live: `<userData>/data` (e.g. %APPDATA%\党建工作小组工作记录本\data,
 * ~/.config/党建工作小组工作记录本/data), or `LOGBOOK_DATA_DIR` when set (tests, portable
 * installs on a USB stick, an administrator's choice). Relative overrides resolve against
 * the working directory so `LOGBOOK_DATA_DIR=.data npm start` does what it says.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';

export const DATA_DIR_ENV = 'LOGBOOK_DATA_DIR';

export interface DataDirInput {
  env: Readonly<Record<string, string | undefined>>;
  userDataDir: string;
  cwd: string;
}

export function resolveDataDir(input: DataDirInput): string {
  const override = input.env[DATA_DIR_ENV]?.trim();
  if (override) return path.resolve(input.cwd, override);
  return path.join(input.userDataDir, 'data');
}

/** Creates the folder (owner-only on POSIX) and returns it. */
export function ensureDataDir(dir: string): string {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  return dir;
}
