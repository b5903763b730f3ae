import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { writeFileDurably } from './durable-file';
import type { Problem } from './types';

/**
 * A failed full verify is remembered, in the database AND in a file beside it (in the
 * checkpoint folder), so neither a restart nor an older copy of the database file can make
 * a tampered book writable again. An alarm is never cleared by the app: the way out is to
 * restore the book from a verified copy into a new data folder, keeping this one as evidence.
 */

export interface Alarm {
  bookId: string;
  /** ISO time of the verify that failed. */
  at: string;
  problems: Problem[];
}

const FORMAT = 'dangjian-logbook.alarm.v1';
const SAFE_BOOK_ID = /^[A-Za-z0-9-]{1,64}$/;

function asProblems(value: unknown): Problem[] | null {
  if (!Array.isArray(value) || value.length === 0 || value.length > 50) return null;
  const ok = value.every(
    (p) =>
      typeof p === 'object' &&
      p !== null &&
      typeof (p as Problem).code === 'string' &&
      typeof (p as Problem).message === 'string',
  );
  return ok ? (value as Problem[]) : null;
}

function parseAlarm(bookId: string, text: string): Alarm | null {
  try {
    const value = JSON.parse(text) as Record<string, unknown>;
    const list = asProblems(value.problems);
    if (value.format !== FORMAT || value.bookId !== bookId || typeof value.at !== 'string' || !list) return null;
    return { bookId, at: value.at, problems: list };
  } catch {
    return null;
  }
}

export class BookAlarms {
  private readonly insert: Database.Statement | null;
  private readonly select: Database.Statement;

  /** `folder` is the checkpoint folder beside the database (null for an in-memory database). */
  constructor(
    db: Database.Database,
    private readonly folder: string | null,
    private readonly readonly: boolean,
  ) {
    this.insert = readonly ? null : db.prepare(`INSERT INTO book_alarms (book_id, at, problems) VALUES (?, ?, ?)`);
    this.select = db.prepare(`SELECT at, problems FROM book_alarms WHERE book_id = ? ORDER BY rowid LIMIT 1`);
  }

  private fileOf(bookId: string): string | null {
    return this.folder && SAFE_BOOK_ID.test(bookId) ? path.join(this.folder, `${bookId}.alarm.json`) : null;
  }

  /**
   * The first alarm recorded for the book, from the file or the database, whichever exists.
   * An alarm file that cannot be read is itself an alarm: someone changed it.
   */
  read(bookId: string): Alarm | null {
    const file = this.fileOf(bookId);
    if (file) {
      let text: string | null = null;
      try {
        text = fs.readFileSync(file, 'utf8');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') text = '';
      }
      if (text !== null) {
        return (
          parseAlarm(bookId, text) ?? {
            bookId,
            at: '未知时间',
            problems: [{ code: 'database-corrupt', message: '记录本的校验警报文件无法读取或被改动。' }],
          }
        );
      }
    }
    try {
      const row = this.select.get(bookId) as { at: string; problems: string } | undefined;
      if (!row) return null;
      return parseAlarm(
        bookId,
        JSON.stringify({ format: FORMAT, bookId, at: row.at, problems: JSON.parse(row.problems) as unknown }),
      );
    } catch {
      return null;
    }
  }

  /** Records the alarm in both places; a place that cannot be written does not stop the other. */
  record(alarm: Alarm): void {
    if (this.readonly) return;
    const json = JSON.stringify(alarm.problems.slice(0, 50));
    try {
      this.insert?.run(alarm.bookId, alarm.at, json);
    } catch {
      // A damaged database may refuse the insert; the file below still remembers.
    }
    const file = this.fileOf(alarm.bookId);
    if (!file) return;
    try {
      fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
      const text = JSON.stringify(
        { format: FORMAT, bookId: alarm.bookId, at: alarm.at, problems: alarm.problems.slice(0, 50) },
        null,
        2,
      );
      writeFileDurably(file, text + '\n', 0o600);
    } catch {
      // The database row remembers; the next failed verify tries the file again.
    }
  }
}
