/**
 * The yearly ledger on the demo book (db/demo, as `logbook demo` writes it): the start-up
 * reminder and the bell, the ledger page with its charts, a figure opening its entry, the
 * Excel export read back with the page's figures, and the print view.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callService, createService } from '../db/service/index';
import { runDemo } from '../db/demo/index';
import { plainKeyStore } from '../host/real-service';
import { closeBrowser, openSession, SCREENSHOT_DIR, type AppSession } from './support/app-session';
import { chooseOption, goTo, selectRoot, waitForContains, WAIT } from './support/flows';

// The demo book's second year (its default size spans 2023–2024).
const YEAR = 2024;
let demoDir = '';
let expected: { held: number; required: number; total: number; late: number; activities: number };

beforeAll(async () => {
  demoDir = fs.mkdtempSync(path.join(os.tmpdir(), 'logbook-demo-'));
  let now = new Date();
  const service = createService({
    dataDir: demoDir,
    keyStore: plainKeyStore(demoDir),
    clock: () => new Date(now.getTime()),
  });
  try {
    const { bookId } = await runDemo(
      (m, i) => callService(service, m, i),
      (local) => {
        now = new Date(`${local}:00+08:00`);
      },
    );
    now = new Date();
    const l = await callService(service, 'ledger.report', { bookId, year: YEAR });
    expected = {
      held: l.meetings.held,
      required: l.meetings.required,
      total: l.meetings.total,
      late: l.filing.late.count,
      activities: l.activities.total,
    };
  } finally {
    service.close();
  }
}, 120_000);

afterAll(async () => {
  await closeBrowser();
  fs.rmSync(demoDir, { recursive: true, force: true });
});

describe('the yearly ledger of the demo book', () => {
  let session: AppSession;

  it('reminds on start, shows the year with charts and links, exports and prints it', async () => {
    session = await openSession();
    try {
      await session.restart((dir) => {
        fs.rmSync(dir, { recursive: true, force: true });
        fs.cpSync(demoDir, dir, { recursive: true });
      });
      const { page } = session;

      // Start-up: the day's reminders pop up once.
      const start = page.getByTestId('start-reminders');
      await start.waitFor({ timeout: 30_000 });
      await waitForContains(start, '请');
      await page.waitForTimeout(800); // the notification slides in
      await session.screenshot('ledger-01-start-reminders');
      await page.locator('.ant-notification-notice-close').first().click();
      await start.waitFor({ state: 'detached', timeout: WAIT });

      // The bell lists them too, each with what to do.
      await page.getByTestId('reminder-bell').click();
      const list = page.getByTestId('reminder-list');
      await list.waitFor({ timeout: WAIT });
      expect(await list.locator('[role="listitem"]').count()).toBeGreaterThan(0);
      await session.screenshot('ledger-02-reminder-bell');
      await page.keyboard.press('Escape');
      await page.mouse.click(700, 600);

      await goTo(page, '年度台账');
      await chooseOption(page, selectRoot(page.getByRole('combobox', { name: '选择年度' })), `${YEAR} 年`);
      const meetings = page.getByTestId('ledger-meetings-value');
      await waitForContains(meetings, `${expected.held} / ${expected.required} 次`);
      await waitForContains(page.getByTestId('ledger-filed-late-value'), `${expected.late} 次`);
      await waitForContains(page.getByTestId('ledger-activities-value'), `${expected.activities} 次`);
      // The charts have drawn (SVG renderer): their legends' texts are in the picture.
      await waitForContains(page.getByTestId('ledger-chart-months').locator('svg'), '出勤率');
      await waitForContains(page.getByTestId('ledger-chart-duties').locator('svg'), '请示报告');
      expect(
        await page.getByTestId('ledger-meetings-table').locator('tbody tr:not(.ant-table-placeholder)').count(),
      ).toBe(expected.total);
      await page.waitForTimeout(300);
      await session.screenshot('ledger-03-page');

      // Export: the file the service built, with the page's figures.
      const download = page.waitForEvent('download');
      await page.getByTestId('ledger-export').click();
      const file = await download;
      expect(file.suggestedFilename()).toMatch(new RegExp(`${YEAR}年度党建工作台账\\.xlsx$`));
      const saved = path.join(session.dataDir, 'ledger.xlsx');
      await file.saveAs(saved);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(saved);
      const overview = new Map<unknown, unknown>();
      wb.getWorksheet('概览')!.eachRow((r) => overview.set(r.getCell(1).value, r.getCell(2).value));
      expect(overview.get('有效党建工作小组会（次）')).toBe(expected.held);
      expect(overview.get('逾期备案（次）')).toBe(expected.late);
      expect(wb.getWorksheet('会议')!.rowCount).toBe(expected.total + 1);

      // Print: controls gone, the page on paper.
      await page.emulateMedia({ media: 'print' });
      expect(await page.getByTestId('ledger-export').isVisible()).toBe(false);
      await session.screenshot('ledger-04-print');
      await page.emulateMedia({ media: 'screen' });

      // A figure opens its entry.
      const link = page.getByTestId('ledger-meetings').locator('a').first();
      const href = await link.getAttribute('href');
      await link.click();
      await page.waitForURL((u) => u.hash === href, { timeout: WAIT });
      await waitForContains(page.locator('body'), '会议');

      // The nine duties in an editor: the service suggests from the words, the clerk ticks.
      await page.evaluate(() => {
        window.location.hash = '#/new/activity';
      });
      await page.getByTestId('activity-type').getByText('志愿服务', { exact: true }).click();
      await page.getByTestId('activity-content').fill('组织科技志愿服务队开展科普讲座，面向社区居民。');
      await page.getByTestId('duty-accept').waitFor({ timeout: WAIT });
      await waitForContains(page.getByTestId('duty-picker'), '采纳建议（2 项）'); // 志愿服务 by type, 党建与业务融合 by “科普”
      await page.getByTestId('duty-picker').scrollIntoViewIfNeeded();
      await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'ledger-05-duty-picker.png') });
    } finally {
      await session.close();
    }
  });
});
