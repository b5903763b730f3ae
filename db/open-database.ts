import Database from 'better-sqlite3';
import { migrations as appMigrations, type Migration } from './migrations/index';

/**
 * The one place that opens the app's SQLite file. Every open sets AND reads back each
 * pragma, because several of them silently do nothing when they cannot apply (journal_mode
 * on a read-only medium) or are reset per connection: better-sqlite3 is built with
 * SQLITE_DEFAULT_WAL_SYNCHRONOUS=1, so a WAL file reopens at synchronous=NORMAL unless told
 * otherwise, and NORMAL may lose the last commits on power loss. A sealed entry that was
 * acknowledged must survive that, hence FULL on every open.
 */

export const BUSY_TIMEOUT_MS = 5000;
export const NEW_DATABASE_PAGE_SIZE = 8192;

export type DatabaseErrorCode =
  | 'database-too-new'
  | 'database-corrupt'
  | 'database-open-failed'
  | 'database-pragma'
  | 'database-migration-failed'
  | 'database-needs-upgrade';

/** An error opening or migrating the database: stable `code`, Chinese `message` for the user. */
export class DatabaseError extends Error {
  override readonly name = 'DatabaseError';
  constructor(
    readonly code: DatabaseErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export interface OpenDatabaseOptions {
  readonly?: boolean;
  /** Path of better_sqlite3.node (Electron's packaged app unpacks it from the asar). */
  nativeBinding?: string;
  /** The migration list; tests pass a shorter or synthetic one. Defaults to the app's. */
  migrations?: readonly Migration[];
}

/** True for SQLite errors that mean the file is damaged or not a database at all. */
export function isCorruptionError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB');
}

/*
 * Messages here reach the UI (via LedgerError → ServiceError): they never carry the file's
 * path or SQLite's own text (paths, SQL, English). The original error stays as `cause`.
 */

function corruptError(error: unknown): DatabaseError {
  return new DatabaseError(
    'database-corrupt',
    '数据库文件已损坏或不是本应用的数据库。请不要继续使用这个文件，' +
      '请用备份或导出的数据包恢复，并把这个文件交给技术人员检查。',
    { cause: error },
  );
}

function openFailed(error: unknown): DatabaseError {
  const code = (error as { code?: unknown } | null)?.code;
  const why =
    typeof code === 'string' && /^(SQLITE_CANTOPEN|SQLITE_READONLY|SQLITE_PERM)|^(EACCES|EPERM|EROFS)$/.test(code)
      ? '请确认数据文件夹存在、所在磁盘可写，且没有被其他账户占有。'
      : '请确认没有其他程序正在使用它，然后重新启动；如果反复出现，请联系维护人员。';
  return new DatabaseError('database-open-failed', `无法打开数据库文件。${why}`, { cause: error });
}

export function openDatabase(path: string, options: OpenDatabaseOptions = {}): Database.Database {
  const readonly = options.readonly === true;
  let db: Database.Database;
  try {
    db = new Database(path, {
      readonly,
      fileMustExist: readonly,
      timeout: BUSY_TIMEOUT_MS,
      ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
    });
  } catch (error) {
    if (isCorruptionError(error)) throw corruptError(error);
    throw openFailed(error);
  }
  try {
    applyPragmas(db, readonly);
    migrateDatabase(db, options.migrations ?? appMigrations, { readonly });
    return db;
  } catch (error) {
    db.close();
    if (error instanceof DatabaseError) throw error;
    if (isCorruptionError(error)) throw corruptError(error);
    throw openFailed(error);
  }
}

function applyPragmas(db: Database.Database, readonly: boolean): void {
  const inMemory = db.memory;
  // An in-memory database (tests) cannot be WAL; it reports 'memory'.
  const journal = inMemory ? 'memory' : 'wal';
  // A new file gets 8 KB pages (only possible before anything is written): record-book
  // entries are 0.5–4 KB, so with SQLite's default 4 KB most pages hold a single entry,
  // larger ones spill into overflow pages, and a full verify reads ~15 % slower.
  if (!readonly && !inMemory && (db.pragma('page_count', { simple: true }) as number) === 0) {
    db.pragma(`page_size = ${NEW_DATABASE_PAGE_SIZE}`);
  }
  if (!readonly) db.pragma('journal_mode = WAL');
  expectPragma(db, 'journal_mode', journal);
  db.pragma('synchronous = FULL');
  expectPragma(db, 'synchronous', 2);
  db.pragma('foreign_keys = ON');
  expectPragma(db, 'foreign_keys', 1);
  // Never let a schema someone else wrote call application functions from triggers/views.
  db.pragma('trusted_schema = OFF');
  expectPragma(db, 'trusted_schema', 0);
  db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  expectPragma(db, 'busy_timeout', BUSY_TIMEOUT_MS);
  // Stricter b-tree page checks: a damaged page is reported as SQLITE_CORRUPT when read
  // instead of being interpreted. Costs little; the ledger's verify must see corruption.
  db.pragma('cell_size_check = ON');
  expectPragma(db, 'cell_size_check', 1);
}

function expectPragma(db: Database.Database, name: string, expected: string | number): void {
  const actual = db.pragma(name, { simple: true });
  if (actual !== expected) {
    throw new DatabaseError(
      'database-pragma',
      `数据库设置 ${name} 未能生效（应为 ${String(expected)}，实际为 ${String(actual)}）。` +
        '为保证记录不丢失，应用拒绝在这种状态下使用数据库。请确认文件所在位置可写、不是网络盘或只读介质。',
    );
  }
}

/** Checks that versions are positive integers in strictly increasing order. */
function checkMigrationList(list: readonly Migration[]): void {
  let last = 0;
  for (const m of list) {
    if (!Number.isInteger(m.version) || m.version <= last) {
      throw new Error(`migration list out of order or invalid at version ${String(m.version)}`);
    }
    last = m.version;
  }
}

export interface MigrationResult {
  from: number;
  to: number;
}

/**
 * Runs every pending migration in ONE transaction, setting `user_version` inside it, so a
 * failure leaves the file exactly as it was. A file newer than the app is refused: an old
 * app writing into a newer schema could break rules it does not know about.
 */
export function migrateDatabase(
  db: Database.Database,
  list: readonly Migration[] = appMigrations,
  options: { readonly?: boolean } = {},
): MigrationResult {
  checkMigrationList(list);
  const current = db.pragma('user_version', { simple: true }) as number;
  const latest = list.length > 0 ? list[list.length - 1]!.version : 0;
  if (current > latest) {
    throw new DatabaseError(
      'database-too-new',
      `这个数据库由更新版本的应用创建（数据结构版本 ${current}，本应用只认识到 ${latest}）。` +
        '为避免损坏其中的记录，本应用不会打开它。请安装最新版本的应用后再打开。',
    );
  }
  const pending = list.filter((m) => m.version > current);
  if (pending.length === 0) return { from: current, to: current };
  if (options.readonly) {
    throw new DatabaseError(
      'database-needs-upgrade',
      `数据库需要升级（数据结构版本 ${current} → ${latest}），但它是以只读方式打开的。请以可写方式打开一次以完成升级。`,
    );
  }
  let running = pending[0]!.version;
  try {
    db.transaction(() => {
      for (const m of pending) {
        running = m.version;
        m.up(db);
        db.pragma(`user_version = ${m.version}`);
      }
    }).immediate();
  } catch (error) {
    if (isCorruptionError(error)) throw error;
    throw new DatabaseError(
      'database-migration-failed',
      `数据库升级到数据结构版本 ${running} 时失败，数据库保持原样未被改动。请把此信息告诉技术人员。`,
      { cause: error },
    );
  }
  return { from: current, to: latest };
}
