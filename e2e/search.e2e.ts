/**
 * Search as a clerk uses it, on the demo book: one character typed in the header's box
 * (Ctrl+K) lists matches with the character marked; Shift+Enter opens every result with the
 * timeline's filters and pages; a result opens its entry.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeBrowser, openSession, type AppSession } from './support/app-session';
import { openDemoBook, waitForContains, WAIT } from './support/flows';

let session: AppSession;

beforeAll(async () => {
  session = await openSession();
  await openDemoBook(session);
}, 180_000);

afterAll(async () => {
  await session.close();
  await closeBrowser();
});

describe('search on the demo book', () => {
  it('finds a one-character query from the header, marked, and opens every result with filters', async () => {
    const { page } = session;
    await page.keyboard.press('Control+k');
    await page.keyboard.type('党');
    const list = page.getByRole('listbox', { name: '搜索结果' });
    await list.waitFor({ timeout: WAIT });
    await waitForContains(page.getByTestId('search-total'), '条');
    expect(await list.locator('mark').first().textContent()).toBe('党');
    await session.screenshot('search-01-header');

    await page.keyboard.press('Shift+Enter');
    await page.getByTestId('search-page-results').waitFor({ timeout: WAIT });
    await waitForContains(page.getByTestId('search-page-total'), '条结果');
    const total = await page.getByTestId('search-page-total').textContent();
    await session.screenshot('search-02-page');

    await page.getByRole('combobox', { name: '按类别筛选' }).click();
    await page.locator('.ant-select-dropdown:visible').getByTitle('会议记录').click();
    await page.waitForFunction(
      (before) => document.querySelector('[data-testid="search-page-total"]')?.textContent !== before,
      total,
      { timeout: WAIT },
    );
    await page.keyboard.press('Escape');
    await page.locator('.ant-select-dropdown:visible').waitFor({ state: 'hidden', timeout: WAIT });
    for (const tag of await page.getByTestId('search-page-results').locator('.ant-tag').allTextContents())
      expect(tag).toContain('会议');
    await session.screenshot('search-03-filtered');

    const firstHit = page.getByTestId('search-page-results').locator('[data-testid^="search-page-hit-"]').first();
    const seq = (await firstHit.getAttribute('data-testid'))!.replace('search-page-hit-', '');
    await firstHit.click();
    await page.waitForFunction((s) => window.location.hash === `#/entry/${s}`, seq, { timeout: WAIT });
    await waitForContains(page.getByTestId('entry-view'), `第 ${seq} 条`);
  });
});
