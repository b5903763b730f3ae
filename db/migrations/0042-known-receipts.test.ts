import { afterEach, beforeEach, expect, it } from 'vitest';
import { openDatabase } from '../open-database';
import { makeTempDir } from '../test-support/temp-dir';
import { migrations } from './index';

let tmp: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  tmp = makeTempDir('mig-0042-');
});
afterEach(() => tmp.remove());

const upTo = (version: number) => migrations.filter((m) => m.version <= version);
const ALARM = `INSERT INTO bundle_alarms (book_id, kind, at, message, pinned_checkpoint, found_checkpoint, bundle_sha256, evidence_file`;

it('0042-known-receipts: keeps every alarm, adds checked-history alarms with a receipt, and known receipts that stay', () => {
  const file = tmp.file('a.db');
  const before = openDatabase(file, { migrations: upTo(40) });
  before.prepare(`${ALARM}) VALUES ('b', 'fork', 't', 'm', '{"p":1}', '{"f":1}', 'h', 'e.zip')`).run();
  before.close();

  const db = openDatabase(file, { migrations: upTo(42) });
  expect(db.pragma('user_version', { simple: true })).toBe(42);
  expect(db.prepare('SELECT id, kind, pinned_checkpoint, evidence_file, receipt FROM bundle_alarms').all()).toEqual([
    { id: 1, kind: 'fork', pinned_checkpoint: '{"p":1}', evidence_file: 'e.zip', receipt: null },
  ]);
  db.prepare(`${ALARM}, receipt) VALUES ('b', 'checked-history', 't', 'm', NULL, '{}', 'h', 'e.zip', '{"r":1}')`).run();
  // A receipt alarm needs its receipt; the others need their pinned checkpoint.
  expect(() => db.prepare(`${ALARM}) VALUES ('b', 'checked-history', 't', 'm', NULL, '{}', 'h', NULL)`).run()).toThrow(
    /CHECK/u,
  );
  expect(() => db.prepare(`${ALARM}) VALUES ('b', 'fork', 't', 'm', NULL, '{}', 'h', NULL)`).run()).toThrow(/CHECK/u);
  expect(() => db.prepare(`${ALARM}) VALUES ('b', 'merge', 't', 'm', '{}', '{}', 'h', NULL)`).run()).toThrow(/CHECK/u);
  expect(() => db.prepare(`UPDATE bundle_alarms SET message = 'x'`).run()).toThrow(/不可修改/u);
  expect(() => db.prepare('DELETE FROM bundle_alarms').run()).toThrow(/不可删除/u);

  const known = `INSERT INTO known_receipts (digest, book_id, signed, source, signer_key_id, loaded_at) VALUES (?, 'b', '{}', 'file', 'k', 't')`;
  db.prepare(known).run('d1');
  expect(() => db.prepare(known).run('d1')).toThrow(/UNIQUE/u);
  expect(() => db.prepare(`UPDATE known_receipts SET signed = 'x'`).run()).toThrow(/不可修改/u);
  expect(() => db.prepare('DELETE FROM known_receipts').run()).toThrow(/不可删除/u);
  db.close();
});
