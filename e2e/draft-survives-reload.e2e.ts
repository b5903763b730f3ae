/**
 * A half-typed meeting is never lost: it is autosaved to IndexedDB, survives a reload and
 * closing the tab, is listed on the drafts page, and reopening it restores what was typed.
 */
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { closeBrowser, openSession, type AppSession } from './support/app-session';
import {
  createBook,
  draftIdFromUrl,
  goTo,
  openNewMeeting,
  waitForContains,
  waitForStoredDraft,
  waitForText,
  WAIT,
} from './support/flows';

const NUMBER = '3';
const PLACE = '学会二楼小会议室';
// Half a sentence: the recorder was interrupted in the middle of the minutes.
const MINUTES = '会议由组长张建国主持。会议传达学习了上级党组织关于加强社会组织党建工作的通知精神，与会成员';
const TITLE = `第${NUMBER}次党建工作小组会议`;

async function expectRestored(page: Page): Promise<void> {
  await page.getByTestId('meeting-number').waitFor({ timeout: WAIT });
  // The editor shows the stored draft once it has been read.
  await waitForText(
    page.getByTestId('draft-saved-at'),
    (t) => t.startsWith('已自动保存'),
    '重新打开的草稿应显示保存时间',
  );
  expect(await page.getByTestId('meeting-number').inputValue()).toBe(NUMBER);
  expect(await page.getByTestId('meeting-place').inputValue()).toBe(PLACE);
  expect(await page.getByTestId('minutes').inputValue()).toBe(MINUTES);
}

async function openDraftFromList(page: Page, draftId: string): Promise<void> {
  const row = page.getByTestId(`draft-row-${draftId}`);
  await row.getByRole('button', { name: '继续编辑' }).click();
  await page.waitForURL(new RegExp(`#/draft/meeting/${draftId}$`), { timeout: WAIT });
  await expectRestored(page);
}

describe('drafts', () => {
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

  it('keeps a half-typed meeting across a reload and a closed tab', async () => {
    await createBook(session);
    let page = session.page;
    await openNewMeeting(page);
    const draftId = await draftIdFromUrl(page);

    await page.getByTestId('meeting-number').fill(NUMBER);
    await page.getByTestId('meeting-place').fill(PLACE);
    await page.getByTestId('minutes').pressSequentially(MINUTES.slice(0, 12));
    await page.getByTestId('minutes').fill(MINUTES);
    await waitForText(
      page.getByTestId('draft-saved-at'),
      (t) => /^已自动保存 \d\d:\d\d:\d\d$/.test(t.trim()),
      '应显示“已自动保存 时:分:秒”',
    );
    await waitForStoredDraft(
      page,
      draftId,
      (d) => d.minutes === MINUTES && d.number === NUMBER && d.place === PLACE,
      '编号、地点和纪要',
    );

    // 1. Reload (F5): the address still names the draft; the editor comes back with the text.
    await session.reload();
    await expectRestored(page);
    await goTo(page, '草稿');
    const drafts = page.getByTestId('drafts');
    await drafts.waitFor({ timeout: WAIT });
    await waitForContains(page.getByTestId(`draft-row-${draftId}`), TITLE);
    await openDraftFromList(page, draftId);

    // 2. Close the tab and open the app again (same browser profile): the draft is still listed.
    await session.reopen();
    page = session.page;
    await page.getByTestId('main-nav').waitFor({ timeout: 30_000 });
    await goTo(page, '草稿');
    const row = page.getByTestId(`draft-row-${draftId}`);
    const rowText = await waitForContains(row, TITLE);
    expect(rowText).toContain('会议记录');
    expect(rowText).toMatch(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}/);
    // Exactly one draft: reloading and reopening did not duplicate it.
    expect(await page.locator('[data-testid^="draft-row-"]').count()).toBe(1);
    await session.screenshot('06-drafts');
    await openDraftFromList(page, draftId);
  });
});
