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
