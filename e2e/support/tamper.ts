/**
 * What an attacker holding the data folder but not the key can do: drop the triggers, rewrite
 * an entry's bytes (and its stored hash), re-create the triggers from their own SQL. Only ever
 * run on a test's closed temp folder.
 */
import path from 'node:path';
import Database from 'better-sqlite3';
import { sha256Hex } from '../../db/ledger/hashing';

export function rewriteEntryText(dataDir: string, seq: number, from: string, to: string): void {
  const db = new Database(path.join(dataDir, 'logbook.sqlite'));
  try {
    const triggers = db.prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'trigger'`).all() as {
      name: string;
      sql: string;
    }[];
    for (const t of triggers) db.exec(`DROP TRIGGER ${t.name}`);
    const id = (db.prepare(`SELECT min(book_no) FROM ledger_books`).pluck().get() as number) * 2 ** 32 + seq;
    const row = db.prepare(`SELECT leaf, tree FROM ledger_entries WHERE id = ?`).get(id) as {
      leaf: Buffer;
      tree: string;
    };
    const forged = Buffer.from(row.leaf.toString('utf8').replaceAll(from, to));
    if (forged.equals(row.leaf)) throw new Error(`第 ${seq} 条中没有“${from}”`);
    db.prepare(`UPDATE ledger_entries SET leaf = ?, tree = ? WHERE id = ?`).run(
      forged,
      sha256Hex(forged) + row.tree.slice(64),
      id,
    );
    for (const t of triggers) db.exec(t.sql);
  } finally {
    db.close();
  }
}
