import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { dumpDatabase } from '../test-support/dump-database';
import { ledgerFixture, meetingBody } from '../test-support/ledger-fixture';
import { seededRandom } from '../test-support/seeded-random';
import { copyDatabase, makeTempDir } from '../test-support/temp-dir';
import { LedgerError } from './errors';
import { openLedger } from './ledger';
import type { KeyStore } from './types';

/*
 * (c) 200 random single-bit flips, each on a fresh copy of a closed, checkpointed database
 * of ~50 entries with an attachment. A flip "changed stored content" when a logical dump
 * of every table (full scans) differs from the original's, or the file became unreadable.
 * Every such flip must be reported by open + quickCheck + verify (a problem, or a
 * LedgerError), never pass silently and never crash with another error.
 */

// LEDGER_FLIPS / LEDGER_FLIP_SEED let a developer run a longer or different sweep locally.
const FLIPS = Number(process.env.LEDGER_FLIPS ?? 200);
const SEED = Number(process.env.LEDGER_FLIP_SEED ?? 20250301);
let tmp: ReturnType<typeof makeTempDir>;
let original: string;
let originalDump: string;
let bookId: string;
let keyStore: KeyStore;

beforeAll(() => {
  tmp = makeTempDir('byte-flip-');
  const fx = ledgerFixture(tmp.dir, 'original.db');
  original = fx.dbPath;
  keyStore = fx.keyStore;
  const ledger = fx.open();
  bookId = ledger.createBook('位翻转测试', { organisation: '某学会' }).bookId;
  const random = seededRandom(7);
  // Larger than a page, so it spans overflow pages.
  const attachment = ledger.putAttachment(crypto.randomBytes(6000));
  for (let i = 1; i <= 47; i++) {
    ledger.seal(bookId, {
      kind: i % 5 === 0 ? 'activity' : 'meeting',
      body: meetingBody(i, 200 + Math.floor(random() * 1200)),
      attachments: i === 20 ? [attachment] : [],
    });
  }
  ledger.rotateKey(bookId, '记录人变更');
  ledger.correct(bookId, { target: 3, field: '/title', value: '更正后的标题', reason: '笔误' });
  expect(ledger.getBook(bookId).size).toBe(50);
  ledger.close();
  expect(fs.existsSync(`${original}-wal`)).toBe(false);
  const dumpCopy = tmp.file('dump-original.db');
  fs.copyFileSync(original, dumpCopy);
  originalDump = dumpDatabase(dumpCopy);
  expect(originalDump).not.toMatch(/^UNREADABLE/);
});
afterAll(() => tmp.remove());

type Outcome = 'reported' | 'clean';

function detect(file: string): Outcome {
  let ledger;
  try {
    ledger = openLedger({ path: file, keyStore });
  } catch (error) {
    if (error instanceof LedgerError) return 'reported';
    throw error;
  }
  try {
    const reports = [ledger.status(bookId).report, ledger.quickCheck(bookId), ledger.verify(bookId)];
    for (const other of ledger.listBooks()) reports.push(ledger.quickCheck(other.bookId), ledger.verify(other.bookId));
    return reports.some((r) => !r.ok) ? 'reported' : 'clean';
  } catch (error) {
    if (error instanceof LedgerError) return 'reported';
    throw error;
  } finally {
    ledger.close();
  }
}

it(`(c) ${FLIPS} random bit flips: every change of stored content is reported`, () => {
  const size = fs.statSync(original).size;
  const random = seededRandom(SEED);
  const counts = { changed: 0, changedReported: 0, unchangedReported: 0, unchanged: 0 };
  const missed: string[] = [];
  for (let i = 0; i < FLIPS; i++) {
    const offset = Math.floor(random() * size);
    const bit = Math.floor(random() * 8);
    const dir = path.join(tmp.dir, `flip-${i}`);
    fs.mkdirSync(dir);
    const file = path.join(dir, 'book.db');
    copyDatabase(original, file);
    const bytes = fs.readFileSync(file);
    bytes[offset]! ^= 1 << bit;
    fs.writeFileSync(file, bytes);
    const dumpCopy = path.join(dir, 'dump.db');
    fs.copyFileSync(file, dumpCopy);
    const changed = dumpDatabase(dumpCopy) !== originalDump;
    const outcome = detect(file);
    if (changed) {
      counts.changed++;
      if (outcome === 'reported') counts.changedReported++;
      else missed.push(`offset ${offset} (page ${Math.floor(offset / 4096) + 1}) bit ${bit}`);
    } else if (outcome === 'reported') {
      counts.unchangedReported++;
    } else {
      counts.unchanged++;
    }
    fs.rmSync(dir, { recursive: true, force: true });
  }
  console.log(`byte flips: ${FLIPS} in a ${size}-byte file`, counts);
  expect(missed).toEqual([]);
  expect(counts.changedReported).toBe(counts.changed);
  // The test means something only if many flips do change stored content (about a quarter do; the
  // schema's empty pages grow with every migration, so the floor is a fifth).
  expect(counts.changed).toBeGreaterThanOrEqual(FLIPS / 5);
});
