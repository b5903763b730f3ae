import { expect, it } from 'vitest';
import { DatabaseError } from '../open-database';
import { LedgerError, toLedgerError } from './errors';

const sqliteError = (code: string, message: string) => Object.assign(new Error(message), { code });

it('maps SQLite and database errors to LedgerErrors with stable codes and Chinese messages', () => {
  const cases: [unknown, string][] = [
    [sqliteError('SQLITE_CORRUPT', 'database disk image is malformed'), 'database-corrupt'],
    [sqliteError('SQLITE_CORRUPT_INDEX', 'index corrupt'), 'database-corrupt'],
    [sqliteError('SQLITE_NOTADB', 'file is not a database'), 'database-corrupt'],
    [sqliteError('SQLITE_BUSY', 'database is locked'), 'database-busy'],
    [sqliteError('SQLITE_FULL', 'database or disk is full'), 'database-error'],
    [new DatabaseError('database-too-new', '太新'), 'database-too-new'],
    [new Error('other'), 'database-error'],
  ];
  for (const [error, code] of cases) {
    const mapped = toLedgerError(error, '封存条目');
    expect(mapped).toBeInstanceOf(LedgerError);
    expect(mapped.code).toBe(code);
    expect(mapped.message).toMatch(/[\u4e00-\u9fff]/);
  }
  const own = new LedgerError('book-readonly', '只读');
  expect(toLedgerError(own, 'x')).toBe(own);
});

it('never puts the original text (a path, SQL, English) into the message; it stays as the cause', () => {
  const where = '/home/zhang/.config/党建工作小组工作记录本/data/logbook.sqlite';
  const cases = [
    sqliteError('SQLITE_CANTOPEN', `unable to open database file: ${where}`),
    sqliteError('SQLITE_IOERR_WRITE', `disk I/O error writing ${where}`),
    sqliteError('SQLITE_FULL', `database or disk is full (${where})`),
    sqliteError('SQLITE_CORRUPT', `database disk image is malformed: ${where}`),
    sqliteError('SQLITE_ERROR', `no such table: entries in "INSERT INTO entries (seq) VALUES (?)" at ${where}`),
    Object.assign(new Error(`EACCES: permission denied, open '${where}'`), { code: 'EACCES' }),
    new Error(`something at ${where}`),
  ];
  for (const error of cases) {
    const mapped = toLedgerError(error, '封存条目');
    expect(mapped.message).not.toContain('/home/');
    expect(mapped.message).not.toMatch(/logbook\.sqlite|INSERT|SQLITE|EACCES|[a-z]{4,}/);
    expect(mapped.message).toMatch(/^封存条目/);
    expect(mapped.cause).toBe(error);
  }
  expect(toLedgerError(cases[2], '封存条目').message).toContain('磁盘空间不足');
  expect(toLedgerError(cases[0], '封存条目').message).toContain('无法读写数据文件夹');
});
