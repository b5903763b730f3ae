/**
 * Signed bundles between two computers, as people meet it (issue 9): the recorder exports the
 * book from Settings (a download); the liaison, on a second data folder with no book, imports
 * it from the first-run screen with the fingerprint confirmed; two more meetings are sealed,
 * after a hand-over (移交, a new key) exported again and imported as an extension; then the recorder's folder is put back to an
 * older copy (database AND checkpoint folder together, undetectable on that computer), and
 * its export is refused by the liaison's import: the rollback alarm with both checkpoints.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { closeBrowser, openSession, type AppSession } from './support/app-session';
import {
  createBook,
  fillMeeting,
  goTo,
  meetingValues,
  openNewMeeting,
  sealOpenMeeting,
  waitForContains,
  WAIT,
} from './support/flows';

const DB = 'logbook.sqlite';

async function exportFromSettings(session: AppSession, into: string, shot?: string): Promise<string> {
  const { page } = session;
  await goTo(page, '设置与密钥');
  await page.getByTestId('bundle-card').waitFor({ timeout: WAIT });
  const download = page.waitForEvent('download', { timeout: 60_000 });
  await page.getByTestId('bundle-export').click();
  const file = await download;
  const out = path.join(into, `${Date.now()}-${file.suggestedFilename()}`);
  await file.saveAs(out);
  await waitForContains(page.getByTestId('bundle-exported'), '已导出');
  if (shot) await session.screenshot(shot);
  return out;
}

async function chooseBundle(page: Page, file: string): Promise<void> {
  await page.getByTestId('bundle-file-input').waitFor({ timeout: WAIT });
  await page.getByTestId('bundle-file-input').setInputFiles(file);
  await page.getByTestId('bundle-confirm').waitFor({ timeout: 60_000 });
}

async function importResult(page: Page): Promise<string> {
  await page.getByTestId('bundle-import-confirm').click();
  const result = page.getByTestId('bundle-import-result');
  await result.waitFor({ timeout: 60_000 });
  return (await result.getAttribute('data-outcome')) ?? '';
}

async function sealMeeting(page: Page, number: string): Promise<void> {
  await openNewMeeting(page);
  await fillMeeting(page, { ...meetingValues(), number });
  await sealOpenMeeting(page);
}

describe('signed bundles from the recorder to the liaison', () => {
  const files = fs.mkdtempSync(path.join(os.tmpdir(), 'logbook-bundles-'));
  let society: AppSession | null = null;
  let liaison: AppSession | null = null;
  afterAll(async () => {
    await society?.close();
    await liaison?.close();
    await closeBrowser();
    fs.rmSync(files, { recursive: true, force: true });
  });

  it('first import with the fingerprint, an extension, then a rollback alarm with both checkpoints', async () => {
    society = await openSession();
    await createBook(society);
    await goTo(society.page, '设置与密钥');
    const keyId = ((await society.page.getByTestId('key-id').textContent()) ?? '').trim();
    const first = await exportFromSettings(society, files, '40-bundle-exported');

    // The recorder's folder as it is now, kept aside (app closed: a consistent copy).
    const older = path.join(files, 'older');
    await society.restart((dir) => {
      fs.mkdirSync(older);
      fs.copyFileSync(path.join(dir, DB), path.join(older, DB));
      fs.cpSync(path.join(dir, `${DB}.checkpoints`), path.join(older, `${DB}.checkpoints`), { recursive: true });
    });

    // The liaison: a second folder, no book yet.
    liaison = await openSession();
    const lp = liaison.page;
    await lp.getByTestId('first-run-import').waitFor({ timeout: 30_000 });
    await lp.getByTestId('first-run-import').getByTestId('bundle-import-open').click();
    await chooseBundle(lp, first);
    await waitForContains(lp.getByTestId('bundle-fingerprint'), keyId);
    expect(await lp.getByTestId('bundle-import-confirm').isDisabled()).toBe(true);
    await lp.getByTestId('bundle-fingerprint-confirm').check();
    await liaison.screenshot('41-bundle-import-confirm', { dialog: true });
    expect(await importResult(lp)).toBe('imported');
    await waitForContains(lp.getByTestId('bundle-import-result'), '已核验并导入');
    await liaison.screenshot('42-bundle-imported', { dialog: true });
    await lp.getByTestId('bundle-import-close').click();
    await waitForContains(lp.getByTestId('imported-tag'), '导入的记录本 · 只读');
    await lp.getByTestId('readonly-banner').waitFor({ timeout: WAIT });
    expect(await lp.getByTestId('new-entry-menu').isDisabled()).toBe(true);
    await liaison.screenshot('43-imported-book');

    // 移交 at the recorder's: a rotation signed by the old and the new key, the new fingerprint printable.
    await goTo(society.page, '设置与密钥');
    await society.page.getByTestId('handover-open').click();
    await society.page.getByTestId('handover-reason').fill('记录人由王芳变更为李娜');
    await society.page.getByTestId('handover-confirm').click();
    const handover = society.page.getByTestId('handover-card');
    await handover.getByTestId('handover-done').waitFor({ timeout: WAIT });
    const newKeyId = ((await handover.getByTestId('key-id').textContent()) ?? '').trim();
    expect(newKeyId).toMatch(/^SHA256:/u);
    expect(newKeyId).not.toBe(keyId);
    await handover.scrollIntoViewIfNeeded();
    await society.page.screenshot({
      path: `${process.cwd()}/screenshots/47-handover-new-fingerprint.png`,
      fullPage: true,
    });

    // Two more meetings at the recorder's, exported again (signed by the new key): an extension for the liaison.
    await sealMeeting(society.page, '2');
    await sealMeeting(society.page, '3');
    const grown = await exportFromSettings(society, files);
    await goTo(lp, '设置与密钥');
    await lp.getByTestId('bundle-card').getByTestId('bundle-import-open').click();
    await chooseBundle(lp, grown);
    await lp.getByTestId('bundle-pinned').waitFor({ timeout: WAIT });
    expect(await importResult(lp)).toBe('extended');
    await waitForContains(lp.getByTestId('bundle-import-result'), '新增 3 条');
    await liaison.screenshot('44-bundle-extended', { dialog: true });
    await lp.getByTestId('bundle-import-close').click();

    // The recorder's folder put back to the older copy, database and checkpoints together.
    await society.restart((dir) => {
      for (const f of [DB, `${DB}-wal`, `${DB}-shm`]) fs.rmSync(path.join(dir, f), { force: true });
      fs.rmSync(path.join(dir, `${DB}.checkpoints`), { recursive: true, force: true });
      fs.copyFileSync(path.join(older, DB), path.join(dir, DB));
      fs.cpSync(path.join(older, `${DB}.checkpoints`), path.join(dir, `${DB}.checkpoints`), { recursive: true });
    });
    await society.page.getByTestId('main-nav').waitFor({ timeout: 30_000 });
    const rolledBack = await exportFromSettings(society, files);

    await lp.getByTestId('bundle-card').getByTestId('bundle-import-open').click();
    await chooseBundle(lp, rolledBack);
    expect(await importResult(lp)).toBe('alarm');
    const alarm = lp.getByTestId('bundle-alarm').first();
    await waitForContains(alarm, '回滚警报');
    const table = (await alarm.getByTestId('bundle-alarm-checkpoints').textContent()) ?? '';
    expect(table).toContain('本机上次核验并固定的检查点');
    expect(table).toContain('本次数据包中的检查点');
    expect(table).toMatch(/记录条数\s*(\d+) 条\s*(\d+) 条/u);
    const [, pinned, found] = /记录条数\s*(\d+) 条\s*(\d+) 条/u.exec(table)!;
    expect(Number(pinned) - Number(found)).toBe(3);
    await liaison.screenshot('45-bundle-rollback-alarm', { dialog: true });
    await lp.getByTestId('bundle-import-close').click();
    // The alarm stays on the book's Settings, the book is unchanged.
    await lp.getByTestId('bundle-alarms').waitFor({ timeout: WAIT });
    await liaison.screenshot('46-bundle-alarm-settings');
  }, 300_000);
});
