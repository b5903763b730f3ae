/**
 * A seal that cannot go through keeps the draft.
 * - A meeting dated tomorrow is caught by the live rule check: the confirmation is blocked
 *   with the Chinese reason, nothing is sent, the draft stays.
 * - An activity dated tomorrow is caught the same way, by the seal's own check shown before
 *   the seal (“晚于今天”, 须修改后才能封存); the draft is still listed with its content.
 */
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeBrowser, openSession, type AppSession } from './support/app-session';
import {
  createBook,
  draftIdFromUrl,
  fillMeeting,
  goTo,
  meetingValues,
  openNewMeeting,
  shanghaiDate,
  storedDraft,
  waitForContains,
  waitForStoredDraft,
  waitForText,
  WAIT,
} from './support/flows';

describe('a refused seal', () => {
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

  it('blocks a meeting dated tomorrow at the live check and keeps the draft', async () => {
    const { page } = session;
    await createBook(session);
    await openNewMeeting(page);
    const draftId = await draftIdFromUrl(page);
    const v = meetingValues(shanghaiDate(1));
    await fillMeeting(page, v);
    await waitForContains(page.getByTestId('rule-panel'), '晚于今天');
    await page.getByTestId('seal-button').click();
    const blocked = page.getByTestId('seal-blocked');
    await blocked.waitFor({ timeout: WAIT });
    expect(await page.getByTestId('seal-confirm').isEnabled()).toBe(false);
    expect(await blocked.textContent()).toMatch(/[\u4e00-\u9fff]/);
    await page.keyboard.press('Escape');
    const stored = await storedDraft(page, draftId);
    expect(stored?.data.minutes).toBe(v.minutes);
  });

  it('blocks an activity dated tomorrow before the seal and keeps the draft', async () => {
    const { page } = session;
    await createBook(session);
    const sizeBefore = await waitForText(page.getByTestId('timeline-total'), (t) => /\d/.test(t), '时间线应显示条数');
    await page.getByTestId('new-entry-menu').hover();
    await page.getByRole('menuitem', { name: /新建活动记录/ }).click({ timeout: WAIT });
    await page.getByTestId('activity-title').waitFor({ timeout: WAIT });
    await page.waitForURL(/#\/draft\/activity\/[0-9a-z-]+$/i, { timeout: WAIT });
    const draftId = /#\/draft\/activity\/([0-9a-z-]+)$/i.exec(page.url())![1]!;
    const tomorrow = shanghaiDate(1);
    await page.getByTestId('activity-type').getByText('学习', { exact: true }).click();
    await page.getByTestId('activity-title').fill('学习党的二十届四中全会精神');
    await page.getByTestId('activity-date').fill(tomorrow);
    await page.getByTestId('activity-place').fill('学会第一会议室');
    await page.getByTestId('activity-organizer').fill('党建工作小组');
    await page.getByTestId('activity-content').fill('集体学习全会公报，交流学习体会。');
    await waitForStoredDraft(
      page,
      draftId,
      (d) => d.content === '集体学习全会公报，交流学习体会。',
      '草稿应已保存活动内容',
    );

    await waitForContains(page.getByTestId('rule-panel'), '晚于今天');
    await page.getByTestId('seal-button').click();
    const blocked = page.getByTestId('seal-blocked');
    await blocked.waitFor({ timeout: WAIT });
    const text = await waitForContains(blocked, '晚于今天');
    expect(text).toContain('须修改后才能封存');
    expect(text).not.toMatch(/[A-Za-z]/);
    expect(await page.getByTestId('seal-confirm').isEnabled()).toBe(false);
    await session.screenshot('11-seal-refused', { dialog: true });
    await page.keyboard.press('Escape');
    await page.getByTestId('seal-confirm').waitFor({ state: 'detached', timeout: WAIT });
    await page
      .locator('.ant-modal-mask')
      .waitFor({ state: 'detached', timeout: WAIT })
      .catch(() => {});

    await goTo(page, '记录本 / 时间线');
    await waitForText(page.getByTestId('timeline-total'), (t) => t === sizeBefore, `时间线条数应仍为“${sizeBefore}”`);
    await goTo(page, '草稿');
    const row = page.getByTestId(`draft-row-${draftId}`);
    await waitForContains(row, '学习党的二十届四中全会精神');
    await row.getByRole('button', { name: '继续编辑' }).click();
    await page.getByTestId('activity-title').waitFor({ timeout: WAIT });
    expect(await page.getByTestId('activity-title').inputValue()).toBe('学习党的二十届四中全会精神');
    expect(await page.getByTestId('activity-date').inputValue()).toBe(tomorrow);
    expect(await page.getByTestId('activity-content').inputValue()).toBe('集体学习全会公报，交流学习体会。');
  });
});
