/**
 * The floor under the liaison's import of the bench bundle: what SQLite alone takes to write
 * the same rows (every entry row and attachment of the bench book, ~460 MB) into a fresh file
 * in one transaction, with the ledger's table layout and SQLite's default durability (a
 * rollback journal, synchronous=FULL; the ledger itself runs WAL), read from a ledger that
 * holds the book.
 * Nothing is parsed, hashed or checked: the import can never be faster than this on the disk.
 * Run: `npx tsx bench/bundle-floor.ts` (builds the bench book of bench/bundle.ts first) or
 * `npx tsx bench/bundle-floor.ts <ledger.db>`. Last line: JSON.
 */
import Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { FileKeyStore, openLedger } from '../db/ledger/index';
import { buildBook } from './bundle';

const SCHEMA = `
  CREATE TABLE ledger_entries (
    id INTEGER PRIMARY KEY, kind TEXT NOT NULL, recorded_at TEXT NOT NULL, author TEXT NOT NULL,
    flags TEXT NOT NULL, attachments TEXT NOT NULL, tree TEXT NOT NULL, leaf BLOB NOT NULL
  );
  CREATE INDEX ledger_entries_by_kind ON ledger_entries(kind);
  CREATE TABLE ledger_attachments (id INTEGER PRIMARY KEY, hash TEXT NOT NULL, bytes BLOB NOT NULL);
  CREATE UNIQUE INDEX ledger_attachments_by_hash ON ledger_attachments (hash);
`;

type Row = [number, string, string, string, string, string, string, Buffer];

function measure(sourceDb: string, dir: string): Record<string, number> {
  const source = new Database(sourceDb, { readonly: true });
  source.pragma('mmap_size = 1073741824');
  const entries = source.prepare('SELECT * FROM ledger_entries ORDER BY id').raw();
  const attachments = source.prepare('SELECT hash, bytes FROM ledger_attachments ORDER BY hash').raw();
  // Reading alone, twice: the second with the page cache warm, as the copy below reads it.
  let started = 0;
  let bytes = 0;
  for (let pass = 0; pass < 2; pass++) {
    started = performance.now();
    bytes = 0;
    for (const row of entries.iterate() as Iterable<Row>) bytes += row[7].length + row[6].length;
    for (const row of attachments.iterate() as Iterable<[string, Buffer]>) bytes += row[1].length;
  }
  const readS = (performance.now() - started) / 1000;

  const target = new Database(path.join(dir, 'floor.sqlite'));
  target.exec(SCHEMA);
  const insertEntry = target.prepare('INSERT INTO ledger_entries VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
  const insertAttachment = target.prepare('INSERT INTO ledger_attachments (hash, bytes) VALUES (?, ?)');
  started = performance.now();
  target
    .transaction(() => {
      for (const row of entries.iterate() as Iterable<Row>) insertEntry.run(...row);
      for (const row of attachments.iterate() as Iterable<[string, Buffer]>) insertAttachment.run(...row);
    })
    .immediate();
  const writeS = (performance.now() - started) / 1000;
  target.close();
  source.close();
  const fileMb = fs.statSync(path.join(dir, 'floor.sqlite')).size / (1 << 20);
  return {
    rows_mb: Number((bytes / (1 << 20)).toFixed(1)),
    file_mb: Number(fileMb.toFixed(1)),
    read_only_s: Number(readS.toFixed(2)),
    read_insert_commit_s: Number(writeS.toFixed(2)),
    sqlite_write_floor_s: Number((writeS - readS).toFixed(2)),
  };
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bundle-floor-'));
try {
  let sourceDb = process.argv[2];
  if (!sourceDb) {
    sourceDb = path.join(dir, 'society.db');
    const ledger = openLedger({
      path: sourceDb,
      keyStore: new FileKeyStore(path.join(dir, 'keys')),
      verifyOnOpen: false,
    });
    try {
      buildBook(ledger);
    } finally {
      ledger.close();
    }
  }
  console.log(`load average ${os.loadavg()[0]!.toFixed(1)}`);
  console.log(JSON.stringify(measure(sourceDb, dir)));
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
