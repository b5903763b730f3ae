/**
 * Issue 10's Done-when in Chromium, three data folders. The society (记录人) exports its book;
 * the liaison (党建联络员, set up on the first-run screen) imports it with the fingerprint
 * confirmed, draws 5 entries, fills the checklist, seals the findings, prints the report and
 * exports the signed receipt; the society imports the receipt, records 整改情况 and exports
 * again; the liaison's import is an extension with the receipt consistent. Then the society
 * rewrites its history at entry 3 with its own key and re-signs the bundle: the liaison's
 * import raises the fork alarm, whose evidence view shows both sides; a third folder that
 * never saw the book is told a carried receipt does not match; and when the forger also drops
 * the receipt entries, the third folder is told the same once it loads the liaison's receipts file.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FrameLocator, Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { closeBrowser, openSession, SCREENSHOT_DIR, type AppSession } from './support/app-session';
import {
  createBook,
  fillDatePicker,
  fillMeeting,
  LEADER,
  meetingValues,
  openNewMeeting,
  ORG,
  sealOpenMeeting,
  shanghaiDate,
  waitForContains,
  WAIT,
} from './support/flows';
import { download, exportBundle, importInDialog, setUpLiaison } from './support/liaison-flows';
import { forgeBundle } from './support/forge-bundle';
import { readZip } from '../db/bundle/bundle-test-kit';

type MenuLabel = '联络员工作台' | '抽查回执' | '联络员身份';
async function menu(page: Page, label: MenuLabel): Promise<void> {
  await page.getByTestId('main-nav').getByRole('menuitem', { name: label }).click();
}

/** The print preview's document as a PDF (Chromium's print to PDF, A4), as the 打印 button would print it. */
async function reportPdf(session: AppSession, preview: FrameLocator, out: string): Promise<string> {
  const html = await preview.locator('html').evaluate((el) => el.outerHTML);
  const page = await session.context.newPage();
  try {
    await page.setContent(html, { waitUntil: 'load' });
    await page.pdf({ path: out, format: 'A4', printBackground: true, preferCSSPageSize: true });
  } finally {
    await page.close();
  }
  return out;
}

async function openWorkspaceImport(page: Page): Promise<void> {
  await menu(page, '联络员工作台');
  await page.getByTestId('workspace-import').click();
}

describe('the liaison: workspace, spot check, receipts, forged history', () => {
  const files = fs.mkdtempSync(path.join(os.tmpdir(), 'logbook-liaison-'));
  fs.mkdirSync(path.join(SCREENSHOT_DIR, 'liaison'), { recursive: true });
  const sessions: AppSession[] = [];
  afterAll(async () => {
    for (const s of sessions) await s.close();
    await closeBrowser();
    fs.rmSync(files, { recursive: true, force: true });
  });

  it('runs the whole Done-when of issue 10', async () => {
    const society = await openSession();
    sessions.push(society);
    const sp = society.page;
    await createBook(society);
    // A meeting too, so the facts beside the checklist include quorum, votes and filing when it is drawn.
    await openNewMeeting(sp);
    await fillMeeting(sp, meetingValues());
    await sealOpenMeeting(sp);
    const first = await exportBundle(society, files);

    // The liaison's installation: the role chosen on the first-run screen, the identity printable.
    const liaison = await openSession();
    sessions.push(liaison);
    const lp = liaison.page;
    const liaisonKey = await setUpLiaison(liaison, '张联络', '北京市科协社会组织党委组织部', 'liaison/01-identity');
    expect(liaisonKey).toMatch(/^SHA256:/u);
    await lp.getByTestId('workspace-empty').waitFor({ timeout: WAIT });
    await liaison.screenshot('liaison/02-workspace-empty');

    await lp.getByTestId('workspace-import').click();
    expect(await importInDialog(lp, first)).toBe('imported');
    await lp.getByTestId('bundle-import-close').click();
    await lp.locator('.ant-modal:visible').waitFor({ state: 'hidden', timeout: WAIT });
    const row = lp.getByTestId('workspace-table').locator('tbody tr').first();
    await waitForContains(row, ORG.orgName);
    await waitForContains(row, '已核验');
    await waitForContains(row, '尚未抽查');
    await liaison.screenshot('liaison/03-overview');

    // The spot check, top to bottom.
    await row.getByTestId('workspace-spot-check').click();
    await lp.getByTestId('spot-draw-form').waitFor({ timeout: WAIT });
    await lp.getByLabel('抽取条数').fill('5');
    await lp.getByTestId('spot-draw').click();
    const seqsText = await waitForContains(lp.getByTestId('spot-seqs'), '第');
    const seqs = [...seqsText.matchAll(/第 (\d+) 条/gu)].map((m) => Number(m[1]));
    expect(seqs).toHaveLength(5);
    expect(await lp.getByTestId('spot-check-page').getByTestId('spot-entry-facts').count()).toBe(5);
    for (const seq of seqs) await lp.getByTestId(`spot-entry-${seq}`).getByTestId('spot-entry-all-ok').click();
    const firstSeq = seqs[0]!;
    await lp.getByTestId(`spot-check-${firstSeq}-standard`).getByText('有问题').click();
    await lp.getByTestId(`spot-note-${firstSeq}`).fill('成员加入记录未附批复文件扫描件');
    await lp.getByTestId('spot-conclusion-choice').getByText('存在问题，需整改').click();
    await lp.getByTestId('spot-rectify-what').fill('补充成员加入的批复文件');
    await fillDatePicker(lp.getByLabel('整改期限'), shanghaiDate(30));
    await lp.getByTestId('spot-notes').click();
    await lp.locator('.ant-picker-dropdown:visible').waitFor({ state: 'hidden', timeout: WAIT });
    await liaison.screenshot('liaison/04-spot-check-in-progress');
    await lp.getByTestId('spot-seal').click();
    await waitForContains(lp.getByTestId('spot-sealed'), '抽查记录已封存');
    const receipt = await download(lp, lp.getByTestId('spot-sealed').getByTestId('spot-export-receipt'), files);
    const signed = JSON.parse(fs.readFileSync(receipt, 'utf8')) as { receipt: string; signature: string };
    expect(signed.signature).toContain('BEGIN SSH SIGNATURE');

    // The report: print.pages of the spot-check entry in the liaison's own book.
    await lp.getByTestId('spot-sealed').getByTestId('spot-print-report').click();
    const preview = lp.frameLocator('[data-testid="print-preview"]');
    await waitForContains(preview.locator('body'), '抽查记录', 30_000);
    await waitForContains(preview.locator('body'), ORG.orgName);
    await liaison.screenshot('liaison/05-report');
    const pdf = await reportPdf(liaison, preview, path.join(files, 'report.pdf'));
    expect(execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' })).toContain('抽查结论');
    execFileSync('pdftoppm', [
      '-png',
      '-r',
      '70',
      '-f',
      '1',
      '-l',
      '1',
      '-singlefile',
      pdf,
      path.join(SCREENSHOT_DIR, 'liaison', '05-report-pdf'),
    ]);

    // The society imports the receipt and records 整改情况, then exports again.
    await menu(sp, '抽查回执');
    await sp.getByTestId('receipts-page').waitFor({ timeout: WAIT });
    await sp.getByTestId('receipt-file-input').setInputFiles(receipt);
    await waitForContains(sp.getByTestId('receipt-imported'), '已作为第');
    await sp.getByTestId('receipt-rectify').first().click();
    const dialog = sp.getByTestId('rectification-form');
    await fillDatePicker(dialog.getByLabel('整改完成日期'), shanghaiDate());
    await dialog.getByLabel('整改情况').fill('已补充成员加入的批复文件扫描件，并报主管党组织。');
    await dialog.getByLabel('记录人').fill(ORG.recorder);
    await sp.getByTestId('rectification-seal').click();
    await waitForContains(sp.getByTestId('receipt-rectification').first(), '已补充成员加入的批复文件');
    await society.screenshot('liaison/06-society-receipt-rectified');
    const second = await exportBundle(society, files);

    // The liaison: an extension, the carried receipt consistent.
    await openWorkspaceImport(lp);
    expect(await importInDialog(lp, second)).toBe('extended');
    await waitForContains(lp.getByTestId('bundle-receipts'), '一致');
    expect(await lp.getByTestId('bundle-receipts').locator('li[data-state="consistent"]').count()).toBeGreaterThan(0);
    await liaison.screenshot('liaison/07-extension-receipt-consistent', { dialog: true });
    await lp.getByTestId('bundle-import-close').click();

    // The society rewrites entry 3 (a member's name) with its own key and re-signs.
    const forged = path.join(files, 'forged.zip');
    await forgeBundle(second, society.dataDir, forged, { seq: 3, from: LEADER.name, to: '张建军' });
    await openWorkspaceImport(lp);
    expect(await importInDialog(lp, forged)).toBe('alarm');
    const alarm = lp.getByTestId('bundle-import-result');
    await waitForContains(alarm, '分叉');
    await liaison.screenshot('liaison/08-fork-alarm', { dialog: true });
    await lp.getByTestId('alarm-evidence-link').first().click();
    await lp.getByTestId('evidence-page').waitFor({ timeout: WAIT });
    await waitForContains(lp.getByTestId('evidence-divergence'), '第 3 条');
    await waitForContains(lp.getByTestId('evidence-pinned'), LEADER.name);
    await waitForContains(lp.getByTestId('evidence-found'), '张建军');
    await liaison.screenshot('liaison/09-evidence');
    const evidence = await download(lp, lp.getByTestId('evidence-export'), files);
    const names = (await readZip(evidence)).map((e) => e.name);
    expect(names.some((n) => n.endsWith('README.txt'))).toBe(true);

    // A third folder that never saw the book: the carried receipt does not match.
    const third = await openSession();
    sessions.push(third);
    const tp = third.page;
    await tp.getByTestId('first-run-import').getByTestId('bundle-import-open').click();
    expect(await importInDialog(tp, forged)).toBe('alarm');
    const told = tp.getByTestId('bundle-import-result');
    await waitForContains(told, '张联络');
    expect(await tp.getByTestId('bundle-receipts').locator('li[data-state="rewritten"]').count()).toBeGreaterThan(0);
    await third.screenshot('liaison/10-third-carried-receipt-mismatch', { dialog: true });
    await tp.getByTestId('bundle-import-close').click();

    // The forger also drops the receipt entries: accepted, until the liaison's receipts file is loaded.
    const bare = path.join(files, 'forged-no-receipts.zip');
    await forgeBundle(second, society.dataDir, bare, { seq: 3, from: LEADER.name, to: '张建军', dropReceipts: true });
    await tp.getByTestId('first-run-import').getByTestId('bundle-import-open').click();
    expect(await importInDialog(tp, bare)).toBe('imported');
    await tp.getByTestId('bundle-import-close').click();
    await tp.getByTestId('main-nav').waitFor({ timeout: WAIT });

    await menu(lp, '联络员身份');
    const receiptsFile = await download(lp, lp.getByTestId('receipts-file-export'), files);
    await menu(tp, '联络员工作台');
    await tp.getByTestId('receipts-file-input').setInputFiles(receiptsFile);
    const loaded = tp.getByTestId('receipts-file-result');
    await waitForContains(loaded, '已载入 1 份回执');
    await waitForContains(loaded, ORG.orgName);
    await third.screenshot('liaison/11-third-receipts-file-mismatch');
  }, 600_000);
});
