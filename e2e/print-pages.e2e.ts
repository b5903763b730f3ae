/**
 * Printing as a clerk meets it in the browser host: the demo book's year in the 打印 page's
 * preview (measured in this browser, sandboxed frame, the app's CSP), printed to PDF by
 * Chromium with the 目录's page numbers where the entries begin, an entry's 打印 button, and
 * 核对纸质页 with a page's code: accepted naming the page and showing that page made again (its
 * text what the printed page's PDF holds), then refused when one character of the entry
 * fingerprint is off.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeBrowser, openSession, ROOT, SCREENSHOT_DIR, type AppSession } from './support/app-session';
import { pdfPages, pdfText, pngPages } from '../scripts/logbook/print-test-kit';
import { waitForContains, WAIT } from './support/flows';

describe('print and 核对纸质页 in the browser host', () => {
  let session: AppSession;
  /** A page's code read off the PDF of the browser's print, and that page's number and the page count. */
  let printed: { code: string; seq: number; page: number; total: number; text: string } | undefined;
  beforeAll(async () => {
    session = await openSession();
    await session.restart((dir) => {
      for (const f of fs.readdirSync(dir)) fs.rmSync(path.join(dir, f), { recursive: true, force: true });
      execFileSync(
        process.execPath,
        [path.join(ROOT, 'scripts', 'logbook.mjs'), 'demo', '--data-dir', dir, '--entries', '40', '--seed', '11'],
        { stdio: 'ignore' },
      );
    });
  });
  afterAll(async () => {
    await session?.close();
    await closeBrowser();
  });

  it('previews a year with cover and contents, and an entry from its 打印 button', async () => {
    const { page } = session;
    await page.goto(`${new URL(page.url()).origin}/#/print/year/2023`);
    const frame = page.frameLocator('[data-testid="print-preview"]');
    await waitForContains(frame.locator('body'), '工作记录本', WAIT);
    await waitForContains(frame.locator('body'), '目\u3000录');
    await session.screenshot('print-01-year-preview');
    await page.goto(`${new URL(page.url()).origin}/#/entry/8`);
    await page.getByTestId('print-entry-button').click();
    await waitForContains(page.getByTestId('print-summary'), '第 8 条记录');
    await waitForContains(frame.locator('body'), '主持人（签字）');
    await session.screenshot('print-02-entry-preview');
    // The ledger's 打印: the year's ledger as record-book pages, each with its code.
    await page.goto(`${new URL(page.url()).origin}/#/ledger`);
    await page.getByTestId('ledger-print').click();
    await waitForContains(frame.locator('body'), '年度台账', WAIT);
    await waitForContains(frame.locator('body'), '组长（书记）（签字）');
    expect(await frame.locator('.sheet .code').first().textContent()).toMatch(/^核对码 DJ2\/\S+\/T\d{4}\/\S+\/1-\d+$/);
    await session.screenshot('print-05-ledger-preview');
  });

  it("prints the preview in Chromium: the 目录's page numbers are where the entries begin, every page its code", async () => {
    const { page } = session;
    await page.goto(`${new URL(page.url()).origin}/#/print/year/2023`);
    const frame = page.frameLocator('[data-testid="print-preview"]');
    await waitForContains(frame.locator('body'), '第 1 页', WAIT);
    const summary = (await page.getByTestId('print-summary').textContent()) ?? '';
    const total = Number(/共 (\d+) 页/.exec(summary)?.[1]);
    const html = (await page.getByTestId('print-preview').getAttribute('srcdoc')) ?? '';
    // What the browser's print of the preview frame gives: its document printed by Chromium.
    const printer = await session.context.newPage();
    await printer.setContent(html, { waitUntil: 'load' });
    const dir = path.join(SCREENSHOT_DIR, 'print');
    fs.mkdirSync(dir, { recursive: true });
    const file = path.join(dir, 'browser-host-2023.pdf');
    fs.writeFileSync(file, await printer.pdf({ preferCSSPageSize: true, printBackground: true }));
    await printer.close();
    expect(pdfPages(file)).toBe(total);
    const contents = pdfText(file, 2);
    const rows = [...contents.matchAll(/第 (\d+) 条.*?第 (\d+) 页/g)].map((m) => ({
      seq: Number(m[1]),
      page: Number(m[2]),
    }));
    expect(rows.length).toBeGreaterThanOrEqual(5);
    for (const r of rows) {
      expect(pdfText(file, r.page), `第 ${r.seq} 条 on page ${r.page}`).toContain(`· 第 ${r.seq} 条 · 条目指纹`);
      expect(pdfText(file, r.page - 1), `第 ${r.seq} 条 before page ${r.page}`).not.toContain(`· 第 ${r.seq} 条 ·`);
    }
    for (let n = 1; n <= total; n++) {
      const text = pdfText(file, n);
      expect(text.replace(/\s+/g, ''), `page ${n}`).toContain(`第${n}页/共${total}页`);
      expect(text, `page ${n}`).toMatch(new RegExp(`核对码 DJ2/\\S+/${n}-${total}`));
    }
    const entry = rows[Math.floor(rows.length / 2)]!;
    const code = /核对码 (DJ2\/\S+)/.exec(pdfText(file, entry.page))![1]!;
    printed = { code, seq: entry.seq, page: entry.page, total, text: pdfText(file, entry.page) };
    expect(pngPages(file, 'browser-host-2023', 60).length).toBe(total);
  });

  it('checks a page code: accepted naming the page, and refused when one character is off', async () => {
    const { page } = session;
    const { code, seq, page: pageNo, total } = printed!;
    await page.getByTestId('main-nav').getByRole('menuitem', { name: '核对纸质页' }).click();
    const input = page.getByRole('searchbox', { name: '核对码' });
    await input.fill(code);
    await input.press('Enter');
    await waitForContains(page.getByTestId('check-result'), '与封存记录一致');
    await waitForContains(page.getByTestId('check-result'), `第 ${pageNo} 页，共 ${total} 页`);
    // The print made again here at the code's checkpoint: that page, its own code equal to the checked one.
    await waitForContains(page.getByTestId('check-remade'), `该页与记录中的第 ${pageNo} 页一致`, WAIT);
    const shown = page.frameLocator('iframe[title="封存记录中的这一页"]').locator('body');
    await waitForContains(shown, `第 ${seq} 条`);
    expect(await shown.locator('.sheet').count()).toBe(1);
    const flat = (t: string) => t.replace(/\s+/g, '');
    const onScreen = flat((await shown.textContent()) ?? '');
    expect(onScreen).toContain(flat(`核对码 ${code}`));
    // Every line of the printed page (as pdftotext read it off the PDF) is on the page shown.
    const lines = printed!.text
      .split('\n')
      .map(flat)
      .filter((l) => l.length > 0);
    expect(lines.length).toBeGreaterThan(5);
    expect(lines.filter((l) => !onScreen.includes(l))).toEqual([]);
    await session.screenshot('print-03-check-accepted');
    const parts = code.split('/');
    parts[6] = `${parts[6]!.slice(0, -1)}${parts[6]!.endsWith('0') ? '1' : '0'}`;
    const off = parts.join('/');
    await input.fill(off);
    await input.press('Enter');
    await waitForContains(page.getByTestId('check-result'), '条目指纹不符');
    expect(await page.getByTestId('check-result').textContent()).toContain('不一致');
    await session.screenshot('print-04-check-refused');
  });
});
