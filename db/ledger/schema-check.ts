import Database from 'better-sqlite3';
import { migrateDatabase } from '../open-database';
import { migrations } from '../migrations/index';
import { problems } from './problems';
import type { LedgerStore } from './store';
import type { Problem } from './types';

/**
 * The ledger's tables, indexes and triggers must be exactly what the migrations create.
 * A dropped trigger does not by itself change any record (the chain and the checkpoint
 * still decide that), but it means someone worked on the file with other tools, and a
 * damaged schema text would otherwise go unnoticed. The expected schema is obtained by
 * running the same migrations on an empty in-memory database once per process.
 */

type SchemaRow = { type: string; name: string; tableName: string; sql: string | null; rootpage: number };

// Every object the migrations create (the ledger's and the derived tables'), not SQLite's own
// statistics tables: a flipped byte in any schema text must not go unnoticed.
export const SCHEMA_SQL = `SELECT type, name, tbl_name AS tableName, sql, rootpage FROM sqlite_master
  WHERE name NOT LIKE 'sqlite\\_stat%' ESCAPE '\\' AND name <> 'sqlite_sequence' ORDER BY type, name`;

const expectedByBinding = new Map<string, SchemaRow[]>();

export function expectedLedgerSchema(nativeBinding?: string): SchemaRow[] {
  const key = nativeBinding ?? '';
  let rows = expectedByBinding.get(key);
  if (!rows) {
    const db = new Database(':memory:', nativeBinding ? { nativeBinding } : {});
    try {
      migrateDatabase(db, migrations);
      rows = db.prepare(SCHEMA_SQL).all() as SchemaRow[];
    } finally {
      db.close();
    }
    expectedByBinding.set(key, rows);
  }
  return rows;
}

const TYPE_NAMES: Record<string, string> = { table: '表', index: '索引', trigger: '触发器', view: '视图' };

export function schemaProblems(store: LedgerStore, expected: SchemaRow[]): Problem[] {
  const actual = store.schemaRows();
  const key = (r: SchemaRow) => `${r.type}\u0000${r.name}`;
  const actualByKey = new Map(actual.map((r) => [key(r), r]));
  const expectedKeys = new Set(expected.map(key));
  const differences: string[] = [];
  for (const want of expected) {
    const have = actualByKey.get(key(want));
    const label = `${TYPE_NAMES[want.type] ?? want.type} ${want.name}`;
    if (!have) differences.push(`${label} 缺失`);
    // Root pages differ between files, but triggers and views have none (0) and tables and
    // indexes always have one: a damaged root page number must not go unnoticed.
    else if (
      have.sql !== want.sql ||
      have.tableName !== want.tableName ||
      (have.rootpage === 0) !== (want.rootpage === 0)
    ) {
      differences.push(`${label} 被改动`);
    }
  }
  for (const have of actual) {
    if (!expectedKeys.has(key(have))) differences.push(`多出 ${TYPE_NAMES[have.type] ?? have.type} ${have.name}`);
  }
  return differences.length === 0 ? [] : [problems.schemaMismatch(differences.slice(0, 5).join('；'))];
}
