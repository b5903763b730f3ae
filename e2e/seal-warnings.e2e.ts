/**
 * The sealing confirmation says, before the seal, what will be sealed as a flag: a meeting
 * backdated beyond 3 days is recorded late (“…才记录，超过3天”). The editor is screenshotted
 * too, to see the date inputs in Chinese (年/月/日, Chromium under LANG=zh_CN.UTF-8).
 *
 * Until the confirmation shows the checks (issue 8 item 2, built on another branch), the
 * warning appears only after sealing and this test fails where it waits for it.
 */
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeBrowser, openSession, type AppSession } from './support/app-session';
import {
  createBook,
  expectQuorumMet,
  fillMeeting,
  meetingValues,
  openNewMeeting,
  shanghaiDate,
  WAIT,
} from './support/flows';

describe('the sealing confirmation', () => {
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

  it('warns of late recording before a meeting held 10 days ago is sealed', async () => {
    const { page } = session;
    await createBook(session);
    await openNewMeeting(page);
    // Empty date inputs read 年/月/日 --:-- (Chromium takes the format from LANG, not from the page).
    await session.screenshot('seal-warnings-empty-editor');
    await fillMeeting(page, meetingValues(shanghaiDate(-10)));
    await expectQuorumMet(page);
    await session.screenshot('seal-warnings-editor');

    await page.getByTestId('seal-button').click();
    const confirm = page.getByTestId('seal-confirm');
    await confirm.waitFor({ state: 'visible', timeout: WAIT });
    const dialog = page.locator('.ant-modal:visible').last();
    await session.screenshot('seal-warnings-confirmation', { dialog: true });
    expect(await dialog.innerText()).toContain('才记录');
    // Nothing is sealed by looking at the confirmation.
    expect(page.url()).not.toMatch(/#\/entry\//);
  });
});
