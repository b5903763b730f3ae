/**
 * The data folder is owner-only, checked on every start (desktop app, browser host, CLI):
 * the folder and every folder inside it 0700, every file 0600 (logbook.sqlite and its -wal /
 * -shm, `logbook.sqlite.checkpoints/`, `keys/`, `calendars/`, `logs/`…). A folder copied from
 * a USB stick or unpacked from a backup usually arrives 0755/0644; an older version wrote
 * some files 0644; SQLite creates a new database with the process's umask.
 *
 * Symbolic links inside the folder are never followed (lstat, and files are opened with
 * O_NOFOLLOW before fchmod, so a link swapped in after the lstat is not followed either):
 * a link pointing outside must not make us chmod someone else's file. The data folder
 * itself is the one path the user (or LOGBOOK_DATA_DIR) named, so it is used as given.
 *
 * Windows: folders under the user's profile already inherit owner-only ACLs; POSIX modes
 * mean nothing there, so only the folder is created.
 *
 * Failing to tighten one entry (a file owned by another account, a FAT/exFAT stick that has
 * no modes) does not stop the start: it is counted and named in the result for the caller's log.
 */
import fs from 'node:fs';
import path from 'node:path';

export const DIRECTORY_MODE = 0o700;
export const FILE_MODE = 0o600;
/** The layout is two or three levels deep; a deeper tree is not ours to walk. */
const MAX_DEPTH = 8;

export interface SecureResult {
  /** Entries whose mode was changed. */
  tightened: number;
  /** Symbolic links and special files left alone (relative to the data folder). */
  skipped: string[];
  /** Entries that could not be tightened (relative path and error code). */
  failed: { path: string; code: string }[];
}

export interface SecureOptions {
  platform?: NodeJS.Platform;
}

export function secureDataFolder(dir: string, options: SecureOptions = {}): SecureResult {
  const result: SecureResult = { tightened: 0, skipped: [], failed: [] };
  fs.mkdirSync(dir, { recursive: true, mode: DIRECTORY_MODE });
  if ((options.platform ?? process.platform) === 'win32') return result;
  const real = fs.realpathSync(dir);
  tighten(real, fs.lstatSync(real), DIRECTORY_MODE, '.', result);
  walk(real, '', 1, result);
  return result;
}

function walk(dir: string, relative: string, depth: number, result: SecureResult): void {
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch (error) {
    result.failed.push({ path: relative || '.', code: codeOf(error) });
    return;
  }
  for (const name of names) {
    const full = path.join(dir, name);
    const rel = relative ? `${relative}/${name}` : name;
    let info: fs.Stats;
    try {
      info = fs.lstatSync(full);
    } catch (error) {
      // Gone since readdir (a -shm file closed by another process): nothing to protect.
      if (codeOf(error) !== 'ENOENT') result.failed.push({ path: rel, code: codeOf(error) });
      continue;
    }
    if (info.isDirectory()) {
      tighten(full, info, DIRECTORY_MODE, rel, result);
      if (depth < MAX_DEPTH) walk(full, rel, depth + 1, result);
      else result.skipped.push(rel);
    } else if (info.isFile()) {
      tighten(full, info, FILE_MODE, rel, result);
    } else {
      // Symbolic links, sockets, FIFOs, devices: never followed, never opened.
      result.skipped.push(rel);
    }
  }
}

function tighten(full: string, info: fs.Stats, mode: number, rel: string, result: SecureResult): void {
  if ((info.mode & 0o7777) === mode) return;
  let fd: number | null = null;
  try {
    // O_NOFOLLOW: refuse a link swapped in since the lstat; O_NONBLOCK: never hang on a FIFO.
    fd = fs.openSync(full, fs.constants.O_RDONLY | fs.constants.O_NOFOLLOW | fs.constants.O_NONBLOCK);
    const opened = fs.fstatSync(fd);
    if (opened.ino !== info.ino || opened.dev !== info.dev) {
      result.skipped.push(rel);
      return;
    }
    fs.fchmodSync(fd, mode);
    result.tightened += 1;
  } catch (error) {
    if (codeOf(error) === 'EACCES' && !info.isSymbolicLink()) {
      // An owner-only-unreadable file (e.g. 0200) cannot be opened to fchmod; chmod by path.
      try {
        if (!fs.lstatSync(full).isSymbolicLink()) {
          fs.chmodSync(full, mode);
          result.tightened += 1;
          return;
        }
      } catch (inner) {
        result.failed.push({ path: rel, code: codeOf(inner) });
        return;
      }
    }
    result.failed.push({ path: rel, code: codeOf(error) });
  } finally {
    if (fd !== null) fs.closeSync(fd);
  }
}

function codeOf(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return typeof code === 'string' ? code : 'unknown';
}
