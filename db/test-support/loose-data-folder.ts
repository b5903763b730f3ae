/**
 * A data folder as it arrives from a copy, a backup or an older version: 0755 folders and
 * 0644 files, including the outside-checkpoint folder and a key file (POSIX only).
 */
import fs from 'node:fs';
import path from 'node:path';

export const LOOSE_FOLDERS = ['.', 'logbook.sqlite.checkpoints', 'keys', 'calendars'];
export const LOOSE_FILES = [
  'logbook.sqlite',
  'logbook.sqlite-wal',
  'logbook.sqlite-shm',
  'logbook.sqlite.checkpoints/book.json',
  'keys/ed25519-x.pk8',
  'calendars/2027.json',
];

export function makeLooseDataFolder(dir: string, options: { withDatabase?: boolean } = {}): void {
  for (const folder of LOOSE_FOLDERS) fs.mkdirSync(path.join(dir, folder), { recursive: true });
  for (const file of LOOSE_FILES) {
    // A real service must be able to open the folder: leave the database out when asked.
    if (options.withDatabase === false && file.startsWith('logbook.sqlite') && !file.includes('/')) continue;
    fs.writeFileSync(path.join(dir, file), 'x');
    fs.chmodSync(path.join(dir, file), 0o644);
  }
  for (const folder of LOOSE_FOLDERS) fs.chmodSync(path.join(dir, folder), 0o755);
}

export const modeOf = (p: string): number => fs.lstatSync(p).mode & 0o7777;
