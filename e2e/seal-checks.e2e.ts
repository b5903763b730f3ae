/**
 * Every check before the seal, as the recorder sees it: an activity held five days ago shows
 * the late-recording flag in the live panel and in the confirmation (将随记录一并封存的提示),
 * and the sealed entry carries exactly that flag. A future date blocks in the live panel.
 */
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { closeBrowser, openSession, type AppSession } from './support/app-session';
import {
  createBook,
  fillMeeting,
  meetingValues,
  openNewMeeting,
  shanghaiDate,
  waitForContains,
  WAIT,
} from './support/flows';

async function newActivity(page: Page, date: string): Promise<void> {
  await page.getByTestId('new-entry-menu').hover();
  await page.getByRole('menuitem', { name: /新建活动记录/ }).click({ timeout: WAIT });
  await page.getByTestId('activity-title').waitFor({ timeout: WAIT });
  await page.getByTestId('activity-type').getByText('学习', { exact: true }).click();
  await page.getByTestId('activity-title').fill('学习党的二十届四中全会精神');
  await page.getByTestId('activity-date').fill(date);
  await page.getByTestId('activity-place').fill('学会第一会议室');
  await page.getByTestId('activity-organizer').fill('党建工作小组');
  await page.getByTestId('activity-content').fill('集体学习全会公报，交流学习体会。');
}

describe('checks before the seal', () => {
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

  it('shows the late-recording flag before sealing, and seals exactly it', async () => {
    const { page } = session;
    await createBook(session);
    await newActivity(page, shanghaiDate(-5));
    const panel = page.getByTestId('rule-panel');
    const flag = await waitForContains(panel.getByTestId('check-flags'), '才记录，超过3天');
    expect(flag).toContain('将随记录一并封存的提示');
    await session.screenshot('30-live-check-late-recording');

    await page.getByTestId('seal-button').click();
    const dialog = page.getByRole('dialog');
    const shown = await waitForContains(dialog.getByTestId('check-flags'), '5天后');
    await session.screenshot('31-confirm-late-recording', { dialog: true });
    await page.getByTestId('seal-confirm').click();
    await page.getByTestId('seal-confirm').waitFor({ state: 'detached', timeout: WAIT });
    await page.waitForURL(/#\/entry\/\d+$/, { timeout: WAIT });
    const message = /事项发生于[^。]*超过3天。/.exec(shown)?.[0];
    expect(message).toBeTruthy();
    await waitForContains(page.locator('body'), message!);
  });

  it('blocks a future date in the live panel and in the confirmation', async () => {
    const { page } = session;
    await createBook(session);
    await newActivity(page, shanghaiDate(2));
    await waitForContains(page.getByTestId('rule-panel').getByTestId('check-blocking'), '须修改后才能封存');
    await page.getByTestId('seal-button').click();
    await waitForContains(page.getByTestId('seal-blocked'), '晚于今天');
    expect(await page.getByTestId('seal-confirm').isEnabled()).toBe(false);
    await session.screenshot('32-confirm-future-date-blocked', { dialog: true });
  });

  it('shows a meeting recorded late with its rule results, grouped, before sealing', async () => {
    const { page } = session;
    await createBook(session);
    await openNewMeeting(page);
    await fillMeeting(page, meetingValues(shanghaiDate(-6)));
    const panel = page.getByTestId('rule-panel');
    await waitForContains(panel.getByTestId('check-flags'), '6天后');
    await waitForContains(panel.getByTestId('quorum-result'), '会议有效');
    await session.screenshot('33-meeting-live-check-late');
    await page.getByTestId('seal-button').click();
    await waitForContains(page.getByRole('dialog').getByTestId('check-flags'), '将随记录一并封存的提示');
    await session.screenshot('34-meeting-confirm-late', { dialog: true });
  });
});
