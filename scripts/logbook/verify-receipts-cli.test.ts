/**
 * `logbook verify` and receipts, as a child process: a bundle carrying a consistent receipt
 * passes (exit 0); the society's history rewritten at entry 3 and re-signed with its own key
 * fails on the carried receipt (exit 1, one line per failed receipt in Chinese / English);
 * with the receipt entries dropped as well it passes on its own, and fails once
 * `--receipts <the liaison's receipts file>` is given; a bad receipts file is a usage error.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { verifyBundle } from '../../db/bundle/verify-bundle';
import { bookKey, forgeHistory, testLiaison } from '../../db/liaison/receipt-test-kit';
import { FIVE, openHarness, ORG, type Harness } from '../../db/service/test/service-harness';
import { logbook } from './run-cli';

// Each case spawns the command once or twice (a few seconds each on a busy machine).
vi.setConfig({ testTimeout: 120_000 });

let society: Harness;
const liaison = testLiaison();
const zips: Record<string, string> = {};
let receiptsFile = '';

beforeAll(async () => {
  society = openHarness('2025-01-06T09:00');
  const { bookId, keyId, publicKey } = await society.call('books.create', {
    organisation: ORG,
    profile: { id: 'beijing-work-group' },
    members: FIVE,
  });
  const checked = path.join(society.dir, 'checked.zip');
  await society.service.exportBundle(bookId, checked);
  const report = await verifyBundle(checked);
  const signed = liaison.signed(liaison.receipt(bookId, report.size!, report.root!));
  society.setNow('2025-02-12T10:00');
  await society.call('receipts.import', { bookId, text: JSON.stringify(signed) });
  zips.good = path.join(society.dir, 'good.zip');
  await society.service.exportBundle(bookId, zips.good);
  const key = bookKey(society.keyStore, keyId);
  const edit = (e: { seq: number; body: unknown }) => {
    if (e.seq === 3) (e.body as { input: { note?: string } }).input.note = '事后改写';
  };
  zips.forged = path.join(society.dir, 'forged.zip');
  await forgeHistory(zips.good, zips.forged, { edit }, key, publicKey, bookId);
  zips.dropped = path.join(society.dir, 'dropped.zip');
  await forgeHistory(
    zips.good,
    zips.dropped,
    { edit, drop: (e) => e.kind === 'receipt.received' },
    key,
    publicKey,
    bookId,
  );
  receiptsFile = path.join(society.dir, 'receipts.json');
  fs.writeFileSync(receiptsFile, liaison.file([signed]));
}, 60_000);
afterAll(() => society.cleanup());

it('passes a bundle whose carried receipt matches, also against the receipts file', () => {
  const r = logbook('verify', zips.good!, '--receipts', receiptsFile);
  expect(r.all).toContain('✔ 抽查回执 1 份均与数据包一致 / all 1 receipts match');
  expect(r.code).toBe(0);
});

it('fails a rewritten history on its carried receipt: one line per failed receipt', () => {
  const r = logbook('verify', zips.forged!);
  expect(r.code).toBe(1);
  const failed = r.stdout.split('\n').filter((l) => l.startsWith('✘ [receipt]'));
  expect(failed).toHaveLength(1);
  expect(failed[0]).toMatch(/数据包第 \d+ 条所附回执：刘联络.*已被改写.* \/ receipt carried at entry \d+ .*REWRITTEN/u);
  const json = JSON.parse(logbook('verify', zips.forged!, '--json').stdout) as { ok: boolean; receipts: unknown[] };
  expect(json).toMatchObject({ ok: true, receipts: [{ state: 'rewritten', source: 'carried' }] });
});

it('with the receipt entries dropped: passes alone, fails against the liaison’s receipts file', () => {
  expect(logbook('verify', zips.dropped!).code).toBe(0);
  const r = logbook('verify', zips.dropped!, '--receipts', receiptsFile);
  expect(r.code).toBe(1);
  expect(r.stdout.split('\n').filter((l) => l.startsWith('✘ [receipt]'))).toEqual([
    expect.stringMatching(/本机已载入的回执：.*已被改写.* \/ receipt from the receipts file .*REWRITTEN/u),
  ]);
});

it('refuses a receipts file that is missing or does not verify (usage, exit 2)', () => {
  expect(logbook('verify', zips.good!, '--receipts', path.join(society.dir, 'none.json'))).toMatchObject({ code: 2 });
  const edited = path.join(society.dir, 'edited.json');
  fs.writeFileSync(edited, fs.readFileSync(receiptsFile, 'utf8').replace('刘联络', '冒名者'));
  const r = logbook('verify', zips.good!, '--receipts', edited);
  expect(r.code).toBe(2);
  expect(r.all).toContain('回执汇总文件无效');
});
