/**
 * Printing as a clerk meets it in the browser host: the demo book's year in the 打印 page's
 * preview (sandboxed frame, the app's CSP), an entry's 打印 button, and 核对纸质页 with a
 * page's code: accepted, then refused when one character of the entry fingerprint is off.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeBrowser, openSession, ROOT, type AppSession } from './support/app-session';
import { waitForContains, WAIT } from './support/flows';

describe('print and 核对纸质页 in the browser host', () => {
  let session: AppSession;
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
  });

  it('checks a page code: accepted, and refused when one character is off', async () => {
    const { page } = session;
    const code = await page.evaluate(async () => {
      const books = (await (
        await fetch('/api/books.list', {
          method: 'POST',
          headers: {
            'Content-Type': 'application/json',
            'X-Logbook-Token': sessionStorage.getItem('logbook-token') ?? '',
          },
          body: '{}',
        })
      ).json()) as { value: { bookId: string }[] };
      const r = await fetch('/api/print.pages', {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          'X-Logbook-Token': sessionStorage.getItem('logbook-token') ?? '',
        },
        body: JSON.stringify({ bookId: books.value[0]!.bookId, year: 2023 }),
      });
      return ((await r.json()) as { value: { entries: { seq: number; code: string }[] } }).value.entries.find(
        (e) => e.seq === 8,
      )!.code;
    });
    await page.getByTestId('main-nav').getByRole('menuitem', { name: '核对纸质页' }).click();
    const input = page.getByRole('searchbox', { name: '核对码' });
    await input.fill(code);
    await input.press('Enter');
    await waitForContains(page.getByTestId('check-result'), '与封存记录一致');
    await waitForContains(page.frameLocator('iframe[title="封存记录中的这一页"]').locator('body'), '会议记录');
    await session.screenshot('print-03-check-accepted');
    const off = `${code.slice(0, -1)}${code.endsWith('0') ? '1' : '0'}`;
    await input.fill(off);
    await input.press('Enter');
    await waitForContains(page.getByTestId('check-result'), '条目指纹不符');
    expect(await page.getByTestId('check-result').textContent()).toContain('不一致');
    await session.screenshot('print-04-check-refused');
  });
});
