import { DatabaseError, isCorruptionError, type DatabaseErrorCode } from '../open-database';
import type { Problem } from './types';

export type LedgerErrorCode =
  | DatabaseErrorCode
  | 'book-not-found'
  | 'book-readonly'
  | 'ledger-readonly'
  | 'ledger-closed'
  | 'invalid-input'
  | 'invalid-json'
  | 'attachment-missing'
  | 'attachment-too-large'
  | 'key-missing'
  | 'key-invalid'
  | 'correction-target-not-found'
  | 'correction-field-not-found'
  | 'proof-out-of-range'
  | 'checkpoint-write-failed'
  | 'concurrent-write'
  | 'database-busy'
  | 'database-error'
  /** A read found the stored entry or attachment not to be what was sealed (the problem says which and how). */
  | 'entry-damaged'
  | 'attachment-damaged'
  /** importBook: the book id is already in this ledger with other content. */
  | 'book-exists'
  /** importBook: what was to be imported does not check out (nothing was written). */
  | 'import-invalid'
  /** The book here changed between an import's verify and its write: import again. */
  | 'import-conflict';

/** Every error the ledger throws: a stable `code` for programs, a Chinese `message` for people. */
export class LedgerError extends Error {
  override readonly name = 'LedgerError';
  /** For `entry-damaged` / `attachment-damaged`: what the proof found. */
  readonly problem?: Problem;
  constructor(
    readonly code: LedgerErrorCode,
    message: string,
    options?: { cause?: unknown; problem?: Problem },
  ) {
    super(message, options);
    if (options?.problem) this.problem = options.problem;
  }
}

/**
 * Turns anything thrown while touching the database into a LedgerError: corruption becomes
 * `database-corrupt` (never a crash), DatabaseErrors keep their code.
 *
 * The message is for people and reaches the UI: it never carries the original text, which
 * can hold the database's path, SQL or an OS error in English. The original stays as
 * `cause` for the local log (host/local-log.ts).
 */
export function toLedgerError(error: unknown, what: string): LedgerError {
  if (error instanceof LedgerError) return error;
  if (error instanceof DatabaseError) return new LedgerError(error.code, error.message, { cause: error });
  if (isCorruptionError(error)) {
    return new LedgerError(
      'database-corrupt',
      `${what}时发现数据库文件已损坏。请不要继续记录，用备份或导出的数据包恢复。`,
      { cause: error },
    );
  }
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && code.startsWith('SQLITE_BUSY')) {
    return new LedgerError(
      'database-busy',
      `${what}失败：数据库正被另一个程序占用。请关闭其他打开此记录本的程序后重试。`,
      {
        cause: error,
      },
    );
  }
  return new LedgerError('database-error', `${what}失败：${reasonOf(typeof code === 'string' ? code : '')}`, {
    cause: error,
  });
}

/** What the user can do about a failed database operation, from the SQLite / OS code only. */
function reasonOf(code: string): string {
  if (code.startsWith('SQLITE_FULL') || code === 'ENOSPC') return '磁盘空间不足。请清理磁盘后重试。';
  if (/^(SQLITE_READONLY|SQLITE_CANTOPEN|SQLITE_PERM|SQLITE_AUTH)|^(EACCES|EPERM|EROFS)$/.test(code)) {
    return '无法读写数据文件夹。请确认它所在的磁盘可写、文件夹没有被设为只读或被其他账户占有，然后重试。';
  }
  if (code.startsWith('SQLITE_IOERR') || code === 'EIO')
    return '读写磁盘时出错。请检查磁盘或存储设备（如 U 盘）是否正常，然后重试。';
  return '数据库操作出错。请重试；如果反复出现，请重启程序并联系维护人员。';
}

/**
 * What a check says about an error it caught, for a problem's message: our own Chinese
 * message, or the error's code (e.g. SQLITE_CORRUPT) — never SQLite's or the OS's text, which
 * may carry a path or SQL. The error itself goes to the local log through `cause`.
 */
export function errorDetail(error: unknown): string {
  if (error instanceof LedgerError) return error.message;
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^[A-Z0-9_]{1,40}$/.test(code) ? `错误代码 ${code}` : '读取时出错';
}
