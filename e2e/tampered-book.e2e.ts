/**
 * "Trust what the screen shows", as a clerk meets it: the data folder is altered while the
 * app is closed (an entry's text and its hash rewritten, the triggers re-created as they
 * were). On the next start the full verify runs in the background, the badge names the
 * entry, the timeline shows that row as a problem, the entry itself is not shown as the
 * record, the book is read-only — and it stays so after another restart.
 */
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeBrowser, openSession, type AppSession } from './support/app-session';
import { createBook, goTo, MEMBERS, waitForContains, WAIT } from './support/flows';
import { rewriteEntryText } from './support/tamper';

const FORGED = '李伪造';

describe('a book altered on disk', () => {
  let session: AppSession;
  beforeEach(async () => {
    session = await openSession();
  });
  afterEach(async () => {
    await session.close();
  });
  afterAll(async () => {
    await closeBrowser();
  });

  it('is named, shown as a problem, and stays read-only across restarts', async () => {
    await createBook(session);
    const badge = () => session.page.getByTestId('integrity-badge');
    await session.page.waitForSelector('[data-testid="integrity-badge"][data-state="ok"]', { timeout: WAIT });
    await waitForContains(badge(), '完整校验通过');
    await session.screenshot('13-integrity-ok');

    // Entry 4 is the second member's join: a middle entry.
    await session.restart((dir) => rewriteEntryText(dir, 4, MEMBERS[1]!.name, FORGED));
    const { page } = session;
    await page.waitForSelector('[data-testid="integrity-badge"][data-state="problem"]', { timeout: 30_000 });
    await waitForContains(badge(), '校验未通过（第 4 条）');
    await waitForContains(page.getByTestId('readonly-banner'), '第 4 条');
    expect(await page.getByTestId('new-entry-menu').isDisabled()).toBe(true);
    const row = page.getByTestId('timeline-row-4');
    await waitForContains(row, '未通过校验');
    expect(await row.textContent()).not.toContain(FORGED);
    await badge().getByRole('status').hover();
    await waitForContains(page.locator('.ant-popover').locator('visible=true'), '第 4 条');
    await session.screenshot('14-tampered-badge');

    await page.mouse.move(10, 800);
    await row.click();
    await waitForContains(page.locator('body'), '与签名检查点不符');
    expect(await page.locator('body').textContent()).not.toContain(FORGED);
    await session.screenshot('15-tampered-entry');

    // The members page reads the roster from the derived tables: it must not show the forgery either.
    await goTo(page, '成员');
    await waitForContains(page.locator('body'), MEMBERS[0]!.name);
    expect(await page.locator('body').textContent()).not.toContain(FORGED);

    // Another restart: read-only at once, before the new verify has finished.
    await session.restart();
    await waitForContains(session.page.getByTestId('readonly-banner'), '第 4 条');
    await session.page.waitForSelector('[data-testid="integrity-badge"][data-state="problem"]', { timeout: 30_000 });
  });
});
