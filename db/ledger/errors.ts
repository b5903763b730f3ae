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
  | 'attachment-damaged';

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

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Turns anything thrown while touching the database into a LedgerError: corruption becomes
 * `database-corrupt` (never a crash), DatabaseErrors keep their code.
 */
export function toLedgerError(error: unknown, what: string): LedgerError {
  if (error instanceof LedgerError) return error;
  if (error instanceof DatabaseError) return new LedgerError(error.code, error.message, { cause: error });
  if (isCorruptionError(error)) {
    return new LedgerError(
      'database-corrupt',
      `${what}时发现数据库文件已损坏（${describe(error)}）。请不要继续记录，用备份或导出的数据包恢复。`,
      { cause: error },
    );
  }
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && code.startsWith('SQLITE_BUSY')) {
    return new LedgerError('database-busy', `${what}失败：数据库正被另一个程序占用。请关闭其他打开此记录本的程序后重试。`, {
      cause: error,
    });
  }
  const full = code === 'SQLITE_FULL' ? '磁盘空间不足。' : '';
  return new LedgerError('database-error', `${what}失败：${full}${describe(error)}`, { cause: error });
}
