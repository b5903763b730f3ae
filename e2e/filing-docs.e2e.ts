/**
 * Filing documents as a clerk meets them, on the demo book: the members page's 导出人员备案表 /
 * 党员名册, a meeting's 导出会议纪要, the ledger's 起草述职报告 (a work-item draft opening in the
 * editor with the year's facts) and the drafts page's 保存为 .docx. Every download is a real
 * .docx (a zip holding word/document.xml). Screenshots go to screenshots/filing-docs-*.png.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Download } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemoBook } from '../db/demo';
import { ROOT, closeBrowser, openSession, type AppSession } from './support/app-session';
import { chooseOption, goTo, selectRoot, waitForContains, WAIT } from './support/flows';

const DEMO = { entries: 60, seed: 11 };

async function savedDocx(download: Promise<Download>): Promise<{ name: string; bytes: Buffer }> {
  const d = await download;
  const file = await d.path();
  const bytes = fs.readFileSync(file);
  return { name: d.suggestedFilename(), bytes };
}

function expectDocx(f: { name: string; bytes: Buffer }, name: RegExp): void {
  expect(f.name).toMatch(name);
  expect(f.bytes.subarray(0, 2).toString('latin1')).toBe('PK');
  expect(f.bytes.includes(Buffer.from('word/document.xml'))).toBe(true);
}

describe('filing documents in the app (demo book)', () => {
  let session: AppSession;
  beforeAll(async () => {
    session = await openSession();
    await session.restart((dir) => {
      fs.rmSync(dir, { recursive: true, force: true });
      const r = spawnSync(
        process.execPath,
        [
          path.join(ROOT, 'scripts/logbook.mjs'),
          'demo',
          '--data-dir',
          dir,
          '--entries',
          String(DEMO.entries),
          '--seed',
          String(DEMO.seed),
        ],
        { encoding: 'utf8' },
      );
      if (r.status !== 0) throw new Error(`演示记录本生成失败：${r.stderr}`);
    });
  });
  afterAll(async () => {
    await session?.close();
    await closeBrowser();
  });

  it('members page: 导出人员备案表 and 导出党员名册 download .docx files', async () => {
    const { page } = session;
    await goTo(page, '成员');
    await page.getByTestId('export-party-roster').waitFor({ timeout: WAIT });
    await session.screenshot('filing-docs-members');
    expectDocx(
      await savedDocx(
        Promise.all([page.waitForEvent('download'), page.getByTestId('export-member-forms').click()]).then(([d]) => d),
      ),
      /^党组织人员备案表-.*\.docx$/,
    );
    expectDocx(
      await savedDocx(
        Promise.all([page.waitForEvent('download'), page.getByTestId('export-party-roster').click()]).then(([d]) => d),
      ),
      /^党员名册-.*\.docx$/,
    );
  });

  it("a meeting's view: 导出会议纪要 downloads its minutes", async () => {
    const { page } = session;
    const first = [...generateDemoBook(DEMO)].find((s) => s.method === 'meetings.seal')!;
    await page.goto(`${page.url().split('#')[0]}#/entry/${first.size}`);
    const button = page.getByTestId('export-minutes');
    await button.waitFor({ timeout: WAIT });
    await session.screenshot('filing-docs-meeting');
    expectDocx(
      await savedDocx(Promise.all([page.waitForEvent('download'), button.click()]).then(([d]) => d)),
      /^会议纪要-第\d+次.*\.docx$/,
    );
  });

  it("ledger: 起草述职报告 opens a work-item draft with the year's facts; the drafts page saves it as .docx", async () => {
    const { page } = session;
    await goTo(page, '年度台账');
    await chooseOption(page, selectRoot(page.getByLabel('选择年度')), '2024 年');
    await session.screenshot('filing-docs-ledger');
    await page.getByTestId('draft-shuzhi').click();
    const work = page.locator('textarea').filter({ hasText: '会议召开情况' }).first();
    await work.waitFor({ timeout: WAIT });
    expect(await work.inputValue()).toMatch(/本年度共召开会议 \d+ 次/);
    expect(await work.inputValue()).toContain('【请填写：');
    await session.screenshot('filing-docs-shuzhi-draft');
    await goTo(page, '草稿');
    const save = page.locator('[data-testid^="draft-docx-"]').first();
    await save.waitFor({ timeout: WAIT });
    await waitForContains(page.getByTestId('drafts'), '2024年度述职报告');
    await session.screenshot('filing-docs-drafts');
    expectDocx(
      await savedDocx(Promise.all([page.waitForEvent('download'), save.click()]).then(([d]) => d)),
      /2024年度述职报告\.docx$/,
    );
  });
});
