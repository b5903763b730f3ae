/**
 * The local error log: `<dataDir>/logs/logbook.log`, owner-only (folder 0700, file 0600),
 * one JSON object per line (time, method, error name / code / message / stack, and its
 * causes). The UI only ever sees a stable code and a Chinese sentence; the details a
 * maintainer needs — paths, SQL, stacks — go here and nowhere else.
 *
 * Plain Node, so both composition roots use it: host/serve-main.ts and electron/main.ts.
 * Size-capped: past `maxBytes` (5 MB) the file moves to `logbook.log.1` (replacing the
 * previous one), so at most ~10 MB are kept. Writing is synchronous (an internal error is
 * rare, and a log line lost to a crash right after is the one that mattered) and never
 * throws: a full disk or a read-only folder must not turn a logged error into a second one.
 *
 * What is never written: method inputs (they hold members' personal data) and keys.
 */
import fs from 'node:fs';
import path from 'node:path';

export const LOG_FOLDER = 'logs';
export const LOG_FILE = 'logbook.log';
export const LOG_MAX_BYTES = 5 * 1024 * 1024;
/** A stack or message longer than this is cut: one runaway error must not fill the log. */
const MAX_FIELD = 8_000;
const MAX_CAUSES = 4;

export interface LocalLog {
  /** Full path of the current log file. */
  readonly file: string;
  /** An unexpected error of `method` (a contract method, `startup`, `(host)`…). */
  error(method: string, error: unknown): void;
  /** A notice worth keeping (e.g. a file in the data folder that could not be made owner-only). */
  note(method: string, text: string): void;
}

export interface LocalLogOptions {
  maxBytes?: number;
  clock?: () => Date;
}

interface ErrorRecord {
  name?: string;
  code?: string;
  message: string;
  stack?: string;
}

export function createLocalLog(dataDir: string, options: LocalLogOptions = {}): LocalLog {
  const folder = path.join(dataDir, LOG_FOLDER);
  const file = path.join(folder, LOG_FILE);
  const maxBytes = options.maxBytes ?? LOG_MAX_BYTES;
  const clock = options.clock ?? (() => new Date());

  const write = (record: Record<string, unknown>): void => {
    try {
      const line = JSON.stringify({ time: clock().toISOString(), ...record }) + '\n';
      fs.mkdirSync(folder, { recursive: true, mode: 0o700 });
      rotateIfFull(file, maxBytes, Buffer.byteLength(line));
      // `a` with 0600: a new file is owner-only whatever the umask (it only removes bits).
      fs.appendFileSync(file, line, { mode: 0o600 });
    } catch {
      // Nothing sensible to do: the caller already answered the user; stderr has it in the host.
    }
  };

  return {
    file,
    error(method, error) {
      let record: Record<string, unknown>;
      try {
        const { cause, ...first } = describeChain(error);
        record = { level: 'error', method, ...first, ...(cause.length ? { causes: cause } : {}) };
      } catch {
        record = { level: 'error', method, message: '(无法描述的错误对象)' };
      }
      write(record);
    },
    note(method, text) {
      write({ level: 'note', method, message: cut(text) });
    },
  };
}

function rotateIfFull(file: string, maxBytes: number, adding: number): void {
  let size: number;
  try {
    size = fs.statSync(file).size;
  } catch {
    return;
  }
  if (size + adding <= maxBytes) return;
  fs.renameSync(file, `${file}.1`);
}

function describeChain(error: unknown): ErrorRecord & { cause: ErrorRecord[] } {
  const first = describeOne(error);
  const cause: ErrorRecord[] = [];
  const seen = new Set<unknown>([error]);
  let next = causeOf(error);
  while (next !== undefined && !seen.has(next) && cause.length < MAX_CAUSES) {
    seen.add(next);
    cause.push(describeOne(next));
    next = causeOf(next);
  }
  return { ...first, cause };
}

function causeOf(error: unknown): unknown {
  return error instanceof Error ? error.cause : undefined;
}

function describeOne(error: unknown): ErrorRecord {
  if (!(error instanceof Error)) return { message: cut(safeString(error)) };
  const record: ErrorRecord = { name: error.name, message: cut(error.message) };
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' || typeof code === 'number') record.code = String(code);
  if (typeof error.stack === 'string') record.stack = cut(error.stack);
  return record;
}

function safeString(value: unknown): string {
  try {
    return typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
  } catch {
    return String(value);
  }
}

function cut(text: string): string {
  return text.length > MAX_FIELD ? `${text.slice(0, MAX_FIELD)}…` : text;
}
