/**
 * Where the books live: `<userData>/data` (e.g. %APPDATA%\党建工作小组工作记录本\data,
 * ~/.config/党建工作小组工作记录本/data), or `LOGBOOK_DATA_DIR` when set (tests, portable
 * installs on a USB stick, an administrator's choice). Relative overrides resolve against
 * the working directory so `LOGBOOK_DATA_DIR=.data npm start` does what it says.
 */
import path from 'node:path';
import { secureDataFolder, type SecureResult } from '../db/data-folder';

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

/**
 * Creates the folder, or tightens an existing one (on POSIX: folders 0700, files 0600, links
 * never followed; see db/data-folder.ts), on every start; returns it. Entries that could not
 * be tightened go to `onLoose` for the local log: they never stop the start.
 */
export function ensureDataDir(dir: string, onLoose?: (result: SecureResult) => void): string {
  const result = secureDataFolder(dir);
  if (result.failed.length > 0) onLoose?.(result);
  return dir;
}
