import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../test-support/temp-dir';
import { forkTestBook, listTree, openTestBook, type TestBook } from './bundle-test-kit';
import { inspectBundle } from './inspect-bundle';
import { PinState } from './pin-state';
import { updatePinState, verifyBundle, type BundleReport } from './verify-bundle';

/**
 * A real book, written by the real writer, read back by the verifier: every check passes in
 * order; then the pinned state across bundles of one book — extension, key rotation after
 * the pin, replay of an old bundle (rollback), and a fork (same keys, two different histories).
 */

let tmp: ReturnType<typeof makeTempDir>;
let book: TestBook;
let fork: TestBook;
const zips: Record<string, string> = {};

function failed(report: BundleReport) {
  return report.checks.find((c) => !c.ok && !c.skipped);
}

beforeAll(async () => {
  tmp = makeTempDir('bundle-verify-');
  book = openTestBook(tmp.dir);
  const out = (name: string): string => (zips[name] = tmp.file(`${name}.zip`));
  await book.bundle(out('v20'));
  fork = forkTestBook(book, tmp.dir, 'fork.db');
  book.grow(5, 'main');
  await book.bundle(out('v25'));
  fork.grow(5, 'fork');
  await fork.bundle(out('fork25'));
  fork.grow(3, 'fork');
  await fork.bundle(out('fork28'));
  book.ledger.rotateKey(book.bookId, '换电脑');
  book.grow(2, 'main');
  await book.bundle(out('v28'));
});

afterAll(() => {
  book?.ledger.close();
  fork?.ledger.close();
  tmp?.remove();
});

describe('verifyBundle on a real bundle', () => {
  it('passes every check, in order, and reports the book', async () => {
    const before = listTree(tmp.dir);
    const progress: [number, number][] = [];
    const report = await verifyBundle(zips.v20!, { onProgress: (d, t) => progress.push([d, t]) });
    expect(failed(report)).toBeUndefined();
    expect(report.ok).toBe(true);
    expect(report.checks.map((c) => c.code)).toEqual([
      'zip-structure',
      'bagit-declaration',
      'bag-info',
      'payload-manifest',
      'tag-manifest',
      'signature',
      'json-files',
      'entries',
      'key-history',
      'merkle-root',
      'checkpoint-signature',
      'attachments',
    ]);
    expect(report).toMatchObject({ bookId: book.bookId, size: 20, alarms: [] });
    expect(report.keys).toHaveLength(2);
    expect(report.keys[1]!.enrolledAt).toBe(12);
    expect(report.keyId).toBe(report.keys[1]!.keyId);
    expect(progress.at(-1)![0]).toBe(progress.at(-1)![1]);
    expect(listTree(tmp.dir)).toEqual(before);
  });

  it('accepts the genesis or the current key as a pin, and raises a key-change alarm otherwise', async () => {
    const first = await verifyBundle(zips.v20!);
    for (const pin of [first.keys[0]!.keyId, first.keys[1]!.keyId])
      expect((await verifyBundle(zips.v20!, { pin })).ok).toBe(true);
    const other = await verifyBundle(zips.v20!, { pin: 'SHA256:' + 'A'.repeat(43) });
    expect(other.ok).toBe(false);
    expect(failed(other)).toMatchObject({ code: 'pin', detail: 'key-change' });
    expect(other.alarms).toEqual([expect.objectContaining({ kind: 'key-change' })]);
  });

  it('inspect says what the bundle claims, marked not verified', async () => {
    const info = await inspectBundle(zips.v20!);
    expect(info).toMatchObject({
      verified: false,
      bookId: book.bookId,
      orgName: '中国某学会',
      size: 20,
      attachments: 2,
      baggingDate: '2025-06-30',
    });
    expect(info.attachmentBytes).toBeGreaterThan(5000);
  });
});

describe('pinned state across bundles', () => {
  it('pins on the first verify, accepts an extension and a rotation signed by the pinned key, refuses replay, rollback and fork', async () => {
    const state = new PinState(tmp.file('state'));
    const first = await verifyBundle(zips.v20!, { state });
    expect(first.ok).toBe(true);
    expect(first.checks.at(-1)).toMatchObject({ code: 'pin-state', ok: true });
    expect(first.checks.at(-1)!.message).toContain('首次');
    expect(updatePinState(state, first)).toMatchObject({ size: 20, root: first.root });
    expect(fs.readdirSync(state.dir)).toEqual([`${book.bookId}.json`]);

    const extended = await verifyBundle(zips.v25!, { state });
    expect(failed(extended)).toBeUndefined();
    updatePinState(state, extended);
    expect(state.read(book.bookId)).toMatchObject({ state: 'present', record: { size: 25 } });

    // The same bundle again is fine (nothing new, nothing lost).
    expect((await verifyBundle(zips.v25!, { state })).ok).toBe(true);

    // Replay of the older bundle: rollback.
    const replay = await verifyBundle(zips.v20!, { state });
    expect(replay.ok).toBe(false);
    expect(failed(replay)).toMatchObject({ code: 'pin-state', detail: 'rollback' });
    expect(replay.alarms).toEqual([
      expect.objectContaining({
        kind: 'rollback',
        pinned: expect.objectContaining({ size: 25 }),
        found: expect.objectContaining({ size: 20 }),
      }),
    ]);
    expect(updatePinState(state, replay)).toBeNull();

    // Same size, other history: fork; a longer other history: fork too.
    for (const name of ['fork25', 'fork28']) {
      const forked = await verifyBundle(zips[name]!, { state });
      expect(forked.ok, name).toBe(false);
      expect(failed(forked), name).toMatchObject({ code: 'pin-state', detail: 'fork' });
      const alarm = forked.alarms[0]!;
      expect(alarm.kind).toBe('fork');
      expect(alarm.pinned.checkpoint!.checkpoint.size).toBe(25);
      expect(alarm.found.root).not.toBe(alarm.pinned.root);
    }

    // A new key through a rotation signed by the pinned key.
    const rotated = await verifyBundle(zips.v28!, { state });
    expect(failed(rotated)).toBeUndefined();
    expect(rotated.keys).toHaveLength(3);
    updatePinState(state, rotated);
    expect(state.read(book.bookId)).toMatchObject({
      state: 'present',
      record: { size: 28, keyId: rotated.keys[2]!.keyId },
    });
    expect(fs.readdirSync(state.dir)).toEqual([`${book.bookId}.json`]);
  });

  it('refuses a state file that was edited', async () => {
    const state = new PinState(tmp.file('state-edited'));
    const report = await verifyBundle(zips.v20!, { state });
    updatePinState(state, report);
    const file = path.join(state.dir, `${book.bookId}.json`);
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('"size": 20', '"size": 19'));
    const again = await verifyBundle(zips.v20!, { state });
    expect(failed(again)).toMatchObject({ code: 'pin-state', detail: 'state-invalid' });
  });
});
