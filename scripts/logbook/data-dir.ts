/**
 * The data folder as the app keeps it (host/real-service.ts): `logbook.sqlite`, its checkpoint
 * files and the keys. Commands that read never create one; the demo never writes into one
 * that already holds a book.
 */
import fs from 'node:fs';
import path from 'node:path';
import { DATABASE_FILE } from '../../db/service/index';
import { secureDataFolder } from '../../db/data-folder';
import { openRealService, type RealService } from '../../host/real-service';
import { DataDirError, messageOf, parseOptions, requireOption, UsageError } from './command';

export function databaseOf(dataDir: string): string {
  return path.join(dataDir, DATABASE_FILE);
}

/** A folder that exists and holds a record book, or a DataDirError saying which it is not. */
export function requireExistingBookFolder(dataDir: string): string {
  const dir = path.resolve(dataDir);
  if (!fs.existsSync(dir)) throw new DataDirError(`数据文件夹不存在：${dir} / data folder does not exist`);
  if (!fs.statSync(dir).isDirectory()) throw new DataDirError(`不是文件夹：${dir} / not a folder`);
  if (!fs.existsSync(databaseOf(dir))) {
    throw new DataDirError(`该文件夹中没有记录本（${DATABASE_FILE}）：${dir} / no logbook in this folder`);
  }
  return dir;
}

/**
 * A folder that may be created and written (empty, or holding other files) but holds no
 * record book yet: the demo and a restore never write into existing data. `why` completes
 * the refusal, e.g. "演示数据不会写入已有的数据，请换一个空文件夹 / … choose an empty folder".
 */
export function requireFreshFolder(dataDir: string, why: string): string {
  const dir = path.resolve(dataDir);
  if (fs.existsSync(dir) && !fs.statSync(dir).isDirectory())
    throw new DataDirError(`不是文件夹：${dir} / not a folder`);
  if (fs.existsSync(databaseOf(dir)))
    throw new DataDirError(`该文件夹中已有记录本（${DATABASE_FILE}），${why}：${dir}`);
  return dir;
}

/**
 * The real service on an existing book folder, as the app opens it: the folder and its files
 * made owner-only first. A folder that cannot be opened is a DataDirError (exit 2).
 */
export function openBookFolder(dir: string): RealService {
  try {
    secureDataFolder(dir);
    return openRealService({ dataDir: dir });
  } catch (error) {
    throw new DataDirError(`无法打开数据文件夹：${messageOf(error)} / cannot open the data folder`);
  }
}

/**
 * The options of a command that writes one file from one book (`export`, `backup-key`):
 * `--data-dir`, `--book`, `--out` (a new file in an existing folder: never overwritten), `--json`.
 */
export function parseBookToFile(args: string[]): { dir: string; bookId: string; out: string; json: boolean } {
  const options = parseOptions(args, {
    'data-dir': { type: 'string' },
    book: { type: 'string' },
    out: { type: 'string' },
    json: { type: 'boolean', default: false },
  });
  const dir = requireExistingBookFolder(requireOption(options['data-dir'], '--data-dir'));
  const bookId = requireOption(options.book, '--book');
  const out = path.resolve(requireOption(options.out, '--out'));
  if (fs.existsSync(out))
    throw new UsageError(`输出文件已存在，不会覆盖：${out} / the output file exists and is not overwritten`);
  if (!fs.existsSync(path.dirname(out)))
    throw new UsageError(`输出文件夹不存在：${path.dirname(out)} / the output folder does not exist`);
  return { dir, bookId, out, json: options.json === true };
}
