/**
 * First run to first sealed meeting: the set-up wizard, the key fingerprint, a whole meeting
 * typed in the editor with live rule checks, the seal confirmation, the timeline, and the
 * sealed entry read back after a reload.
 */
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeBrowser, openSession, type AppSession } from './support/app-session';
import {
  ABSENTEE,
  createBook,
  entrySeqFromUrl,
  expectQuorumMet,
  fillMeeting,
  goTo,
  LEADER,
  meetingValues,
  MEMBERS,
  openNewMeeting,
  waitForContains,
  waitForText,
  WAIT,
} from './support/flows';

describe('set-up and the first meeting', () => {
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

  it('creates a book, seals a meeting and reads it back after a reload', async () => {
    const { page } = session;
    await createBook(session, { start: '00-setup-start', done: '01-setup-done' });
    expect(await page.getByTestId('book-title').textContent()).toContain('党建工作小组');

    await openNewMeeting(page);
    const v = meetingValues();
    await fillMeeting(page, v);
    await expectQuorumMet(page);
    await waitForContains(page.getByTestId('rule-decision-0'), '通过');
    // The attendance heading counts the same as the service.
    await waitForContains(page.locator('#attendance-heading'), '应到 5 人，实到 4 人，缺席 1 人');
    await waitForText(page.getByTestId('draft-saved-at'), (t) => t.startsWith('已自动保存'), '草稿应已自动保存');
    await session.screenshot('03-meeting-editor');

    await page.getByTestId('seal-button').click();
    const confirm = page.getByTestId('seal-confirm');
    await confirm.waitFor({ state: 'visible', timeout: WAIT });
    const summary = page.getByTestId('seal-summary');
    await waitForContains(summary, v.place);
    await waitForContains(summary, v.guest.name);
    await waitForContains(summary, v.leaveNote);
    expect(await page.getByTestId('seal-blocked').count()).toBe(0);
    expect(await confirm.isEnabled()).toBe(true);
    await session.screenshot('04-seal-confirm', { dialog: true });
    await confirm.click();

    const seq = await entrySeqFromUrl(page);
    await page.getByTestId('entry-view').waitFor({ timeout: WAIT });

    await goTo(page, '记录本 / 时间线');
    const row = page.getByTestId(`timeline-row-${seq}`);
    await row.waitFor({ timeout: WAIT });
    const rowText = await waitForContains(row, '会议');
    expect(rowText).toContain(v.date);
    expect(rowText).toContain(`第 ${seq} 条`);
    await session.screenshot('02-timeline');

    await session.reload();
    await page.getByTestId(`timeline-row-${seq}`).click({ timeout: 30_000 });
    const view = page.getByTestId('entry-view');
    await view.waitFor({ timeout: WAIT });
    const body = page.getByTestId('meeting-body');
    await waitForContains(body, v.place);
    const text = (await body.textContent()) ?? '';
    expect(text).toContain('应到（5 人）');
    expect(text).toContain('实到（4 人）');
    for (const m of MEMBERS) expect(text).toContain(m.name);
    const quorum = (await body.getByTestId('quorum-result').textContent()) ?? '';
    expect(quorum.startsWith('达到')).toBe(true);
    expect(quorum).not.toContain('未达到');
    // The absent member with the leave note, the guest under 列席 with the unit.
    const absentRow = body.locator('tr').filter({ hasText: v.leaveNote });
    expect(await absentRow.count()).toBe(1);
    expect(await absentRow.textContent()).toContain(ABSENTEE.name);
    expect(await body.locator('tr').filter({ hasText: '实到（4 人）' }).textContent()).not.toContain(ABSENTEE.name);
    const guestCell = body.locator('tr').filter({ hasText: '列席（' });
    const guests = (await guestCell.textContent()) ?? '';
    expect(guests).toContain(`${v.guest.name}（${v.guest.unit}）`);
    expect(guests).toContain('不计入到会人数');
    // Votes, result, chair, 单独召开, minutes.
    const decisions = (await body.getByTestId('decisions').textContent()) ?? '';
    expect(decisions).toContain(v.decision.text);
    expect(decisions).toContain('通过');
    expect(decisions).not.toContain('未通过');
    expect(text).toContain(LEADER.name);
    expect(text).toContain(v.topic.title);
    expect(text).toContain('与会成员逐项讨论并表决');
    const separately = body.locator('th:has-text("单独召开") + td');
    expect(((await separately.textContent()) ?? '').trim()).toBe('是，未与理事会或其他会议合并');
    await session.screenshot('05-entry-view');
  });
});
