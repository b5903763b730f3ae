import Database from 'better-sqlite3';

/**
 * A logical dump of every table (sqlite_master included) by full table scans, in storage
 * order, plus user_version: two files with equal dumps hold the same content. A file that
 * cannot be read dumps as `UNREADABLE: …`. Used by the byte-flip test to decide whether a
 * flip changed stored content; open a copy, since opening can create -wal/-shm files.
 */
export function dumpDatabase(file: string): string {
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { fileMustExist: true });
    const lines: string[] = [`user_version=${String(db.pragma('user_version', { simple: true }))}`];
    const encode = (value: unknown) => (Buffer.isBuffer(value) ? `x'${value.toString('hex')}'` : JSON.stringify(value));
    const tables = db
      .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`)
      .pluck()
      .all() as string[];
    const withoutRowid = new Set(
      db.prepare(`SELECT name FROM pragma_table_list WHERE wr = 1`).pluck().all() as string[],
    );
    for (const name of ['sqlite_master', ...tables]) {
      const quoted = `"${name.replace(/"/g, '""')}"`;
      const columns = withoutRowid.has(name) || name === 'sqlite_master' ? '*' : 'rowid AS __rowid, *';
      lines.push(`table ${name}`);
      for (const row of db.prepare(`SELECT ${columns} FROM ${quoted} NOT INDEXED`).raw(true).iterate()) {
        lines.push((row as unknown[]).map(encode).join('|'));
      }
    }
    return lines.join('\n');
  } catch (error) {
    return `UNREADABLE: ${(error as Error).message}`;
  } finally {
    try {
      db?.close();
    } catch {
      // A damaged file may fail to close cleanly; the dump already says what it could.
    }
  }
}
