import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Ledger } from '../ledger/ledger-api';
import { dumpDatabase } from '../test-support/dump-database';
import { ledgerFixture, type LedgerFixture } from '../test-support/ledger-fixture';
import { makeTempDir } from '../test-support/temp-dir';
import { BundleZip } from './bundle-reader';
import { forkTestBook, openTestBook, type TestBook } from './bundle-test-kit';
import { importForLiaison, normalizeFingerprint, type LiaisonResult } from './liaison-import';
import { PinStore } from './pin-store';

/**
 * The liaison's store, on real files: a first import needs the fingerprint; the same bundle
 * again changes nothing; a grown book is an extension; an old bundle (rollback) and a
 * rewritten history (fork) are alarms kept with both checkpoints and never merged; every
 * refusal — also one in the write phase — leaves the database file and the checkpoint
 * folder byte for byte as they were.
 */

let tmp: ReturnType<typeof makeTempDir>;
let source: TestBook;
const zips: Record<string, string> = {};

beforeAll(async () => {
  tmp = makeTempDir('liaison-import-');
  source = openTestBook(tmp.dir);
  zips.first = tmp.file('first.zip');
  await source.bundle(zips.first);
  // A fork: a copy of the book as it was at the first bundle, sealed differently.
  const fork = forkTestBook(source, tmp.dir, 'fork.db');
  fork.grow(3, '另一段历史');
  zips.fork = tmp.file('fork.zip');
  await fork.bundle(zips.fork);
  fork.ledger.close();
  source.grow(2, '又封存两条');
  zips.grown = tmp.file('grown.zip');
  await source.bundle(zips.grown);
  zips.truncated = tmp.file('truncated.zip');
  const bytes = fs.readFileSync(zips.grown);
  fs.writeFileSync(zips.truncated, bytes.subarray(0, bytes.length - 100));
});

afterAll(() => {
  source?.ledger.close();
  tmp?.remove();
});

interface Store {
  fx: LedgerFixture;
  ledger: Ledger;
  pins: PinStore;
  dir: string;
  run(zip: string, fingerprint?: string): Promise<LiaisonResult>;
  /** SHA-256 of the database file and of every file in its checkpoint folder, and the folder's listing. */
  fingerprint(): string;
}

function liaisonStore(name: string): Store {
  const dir = tmp.file(name);
  fs.mkdirSync(dir);
  const fx = ledgerFixture(dir, 'logbook.sqlite');
  const ledger = fx.open();
  const pins = new PinStore(ledger.database);
  return {
    fx,
    ledger,
    pins,
    dir,
    run: (zip, fingerprint) =>
      importForLiaison(ledger, pins, zip, {
        evidenceDir: path.join(dir, 'evidence'),
        ...(fingerprint !== undefined ? { acceptFingerprint: fingerprint } : {}),
      }),
    fingerprint: () => {
      ledger.database.pragma('wal_checkpoint(TRUNCATE)');
      const hash = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
      const folder = `${fx.dbPath}.checkpoints`;
      const files = fs.existsSync(folder) ? fs.readdirSync(folder).sort() : [];
      return JSON.stringify([
        hash(fx.dbPath),
        fs.readdirSync(dir).sort(),
        files.map((f) => [f, hash(path.join(folder, f))]),
      ]);
    },
  };
}

const genesisKeyId = () => source.ledger.getEntry(source.bookId, 1)!.author;

describe('importing into the liaison store', () => {
  it('reads the bundle once: entries.jsonl is inflated a single time for verify, receipts, staging and import', async () => {
    const s = liaisonStore('once');
    const chunks = vi.spyOn(BundleZip.prototype, 'chunks');
    try {
      const result = await s.run(zips.first!, genesisKeyId());
      expect(result.outcome).toBe('imported');
      const reads = chunks.mock.calls.map(([file]) => file.relative);
      expect(reads.filter((r) => r === 'data/entries.jsonl')).toHaveLength(1);
      // Every other file is read once by the verify; the checkpoint once more when the stage is finished.
      expect(reads.filter((r) => r === 'data/checkpoint.json')).toHaveLength(2);
    } finally {
      chunks.mockRestore();
      s.ledger.close();
    }
  });

  it('first import: the fingerprint must be confirmed; then imported read-only, pinned; the same bundle again changes nothing', async () => {
    const s = liaisonStore('a');
    try {
      const before = s.fingerprint();
      const asked = await s.run(zips.first!);
      expect(asked).toMatchObject({ outcome: 'needs-fingerprint', genesisKeyId: genesisKeyId() });
      const wrong = await s.run(zips.first!, 'SHA256:' + 'A'.repeat(43));
      expect(wrong).toMatchObject({ outcome: 'refused', code: 'fingerprint-mismatch' });
      expect(s.fingerprint()).toBe(before);

      // Typed from the paper 备案: spaces and a lower-case prefix are fine.
      const typed = genesisKeyId()
        .replace('SHA256:', 'sha256: ')
        .replace(/(.{10})/u, '$1 ');
      expect(normalizeFingerprint(typed)).toBe(genesisKeyId());
      const done = await s.run(zips.first!, typed);
      expect(done).toMatchObject({
        outcome: 'imported',
        book: { bookId: source.bookId, size: 20, imported: true },
        previousSize: null,
      });
      expect(s.pins.read(source.bookId)).toMatchObject({ state: 'present', record: { size: 20 } });
      expect(s.ledger.status(source.bookId)).toMatchObject({
        readOnly: true,
        reason: expect.stringContaining('从数据包导入的副本'),
      });
      expect(() => s.ledger.seal(source.bookId, { kind: 'meeting', body: { n: 1 } })).toThrow(
        expect.objectContaining({ code: 'book-readonly' }),
      );
      expect(s.ledger.verify(source.bookId).ok).toBe(true);

      const afterImport = s.fingerprint();
      expect(await s.run(zips.first!)).toMatchObject({ outcome: 'unchanged', book: { size: 20 } });
      expect(s.fingerprint()).toBe(afterImport);
    } finally {
      s.ledger.close();
    }
    // Still imported and read-only after a restart.
    const reopened = s.fx.open();
    try {
      expect(reopened.getBook(source.bookId)).toMatchObject({ imported: true });
      expect(reopened.status(source.bookId).readOnly).toBe(true);
    } finally {
      reopened.close();
    }
  }, 60_000);

  it('a grown book is imported as an extension; an old bundle and a fork are alarms, kept as evidence, never merged', async () => {
    const s = liaisonStore('b');
    try {
      await s.run(zips.first!, genesisKeyId());
      const extended = await s.run(zips.grown!);
      expect(extended).toMatchObject({ outcome: 'extended', previousSize: 20, book: { size: 22 } });
      expect(s.ledger.verify(source.bookId)).toMatchObject({ ok: true, size: 22 });
      for (const seq of [1, 20, 21, 22])
        expect(s.ledger.rawEntry(source.bookId, seq).equals(source.ledger.rawEntry(source.bookId, seq))).toBe(true);
      expect(s.pins.read(source.bookId)).toMatchObject({ state: 'present', record: { size: 22 } });
      const ledgerDump = () =>
        dumpDatabase(s.fx.dbPath)
          .split('\ntable ')
          .filter((t) => !t.startsWith('bundle_alarms'))
          .join('\ntable ');
      const kept = ledgerDump();

      const rollback = await s.run(zips.first!);
      expect(rollback.outcome).toBe('alarm');
      if (rollback.outcome !== 'alarm') return;
      expect(rollback.alarms).toHaveLength(1);
      const alarm = rollback.alarms[0]!;
      expect(alarm).toMatchObject({
        kind: 'rollback',
        bookId: source.bookId,
        message: expect.stringContaining('回滚警报'),
      });
      expect(alarm.pinned?.checkpoint).toMatchObject({ size: 22 });
      expect(alarm.found?.checkpoint).toMatchObject({ size: 20 });
      expect(
        fs.readFileSync(path.join(s.dir, 'evidence', alarm.evidenceFile!)).equals(fs.readFileSync(zips.first!)),
      ).toBe(true);
      expect(ledgerDump()).toBe(kept);
      // The same old bundle again: the alarm is already kept, nothing is added.
      const withAlarm = s.fingerprint();
      const again = await s.run(zips.first!);
      expect(again).toMatchObject({ outcome: 'alarm', alarms: [{ id: alarm.id }] });
      expect(s.fingerprint()).toBe(withAlarm);

      const fork = await s.run(zips.fork!);
      expect(fork).toMatchObject({ outcome: 'alarm', alarms: [{ kind: 'fork' }] });
      if (fork.outcome === 'alarm') {
        expect(fork.alarms[0]!.pinned?.checkpoint.size).toBe(22);
        expect(fork.alarms[0]!.found?.checkpoint.size).toBe(23);
        expect(fork.alarms[0]!.found?.checkpoint.root).not.toBe(alarm.pinned?.checkpoint.root);
      }
      expect(ledgerDump()).toBe(kept);
      expect(s.pins.alarms(source.bookId).map((a) => a.kind)).toEqual(['fork', 'rollback']);
      expect(s.ledger.getBook(source.bookId).size).toBe(22);
    } finally {
      s.ledger.close();
    }
  }, 60_000);

  it('a refusal leaves the database file and the checkpoint folder byte for byte unchanged, also one in the write phase', async () => {
    const s = liaisonStore('c');
    try {
      await s.run(zips.first!, genesisKeyId());
      const before = s.fingerprint();
      expect(await s.run(zips.truncated!)).toMatchObject({
        outcome: 'refused',
        code: 'bundle-invalid',
        message: expect.stringContaining('zip'),
      });
      expect(s.fingerprint()).toBe(before);
      // The pin write fails inside the import's transaction: the entries written before it go too.
      const write = s.pins.write.bind(s.pins);
      s.pins.write = () => {
        throw new Error('disk full');
      };
      await expect(s.run(zips.grown!)).rejects.toThrow();
      s.pins.write = write;
      expect(s.fingerprint()).toBe(before);
      expect(s.ledger.getBook(source.bookId).size).toBe(20);
      expect(fs.existsSync(`${s.fx.dbPath}.staging`) ? fs.readdirSync(`${s.fx.dbPath}.staging`) : []).toEqual([]);
      // And the store is still usable: the same bundle then extends it.
      expect(await s.run(zips.grown!)).toMatchObject({ outcome: 'extended', book: { size: 22 } });
    } finally {
      s.ledger.close();
    }
  }, 60_000);
});
