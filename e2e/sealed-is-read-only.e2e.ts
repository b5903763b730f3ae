/**
 * A sealed entry cannot be edited, only corrected: the entry view has no editable control
 * and no 编辑; a 更正 of the place appears beside the struck-through original with the new
 * value, the reason and who corrected it; the timeline marks the entry 已更正. Then the
 * members page, the year ledger, and the integrity badge after a full verify.
 */
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeBrowser, openSession, type AppSession } from './support/app-session';
import {
  ABSENTEE,
  chooseOption,
  createBook,
  editableControls,
  expectQuorumMet,
  fillMeeting,
  goTo,
  meetingValues,
  MEMBERS,
  openNewMeeting,
  ORG,
  sealOpenMeeting,
  selectRoot,
  THIS_YEAR,
  waitForContains,
  waitForText,
  WAIT,
} from './support/flows';

const NEW_PLACE = '学会四楼党员活动室';
const REASON = '记录时误写会议室，实际在党员活动室召开';

describe('a sealed entry', () => {
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

  it('offers no editing, only a correction shown beside the original', async () => {
    const { page } = session;
    await createBook(session);
    await openNewMeeting(page);
    const v = meetingValues();
    await fillMeeting(page, v);
    await expectQuorumMet(page);
    // The probe below does see the editor's controls (so an empty result below means something).
    expect((await editableControls(page.getByTestId('editor-page-meeting'))).length).toBeGreaterThan(20);
    const seq = await sealOpenMeeting(page);

    const view = page.getByTestId('entry-view');
    await waitForContains(page.getByTestId('meeting-body'), v.place);
    // Read-only: no input, textarea or contenteditable anywhere in the sealed entry, no 编辑.
    expect(await editableControls(view)).toEqual([]);
    const buttons = (await view.getByRole('button').allTextContents()).map((t) => t.trim()).filter(Boolean);
    expect(buttons.some((b) => /编辑|修改|删除|保存/.test(b))).toBe(false);
    expect(await page.getByRole('button', { name: /编辑|修改/ }).count()).toBe(0);
    expect(await page.getByTestId('seal-button').count()).toBe(0);
    const correct = page.getByTestId('correction-button');
    expect((await correct.textContent())?.trim()).toBe('更正');

    // 更正 the place.
    await correct.click();
    const form = page.getByTestId('correction-form');
    await form.waitFor({ timeout: WAIT });
    await chooseOption(page, selectRoot(page.getByTestId('correction-field')), '会议地点');
    await waitForContains(page.getByTestId('correction-current'), v.place);
    const newValue = form.getByLabel('更正为');
    expect(await newValue.inputValue()).toBe(v.place);
    await newValue.fill(NEW_PLACE);
    await form.getByLabel('更正理由').fill(REASON);
    // 更正人 defaults to the organisation's recorder.
    expect(await form.getByLabel('更正人').inputValue()).toBe(ORG.recorder);
    await page.getByTestId('correction-submit').click();
    await form.waitFor({ state: 'detached', timeout: WAIT });

    const beside = page.getByTestId('correction-beside');
    await beside.waitFor({ timeout: WAIT });
    const placeField = page.locator('[data-field="/input/place"]');
    const original = placeField.getByTestId('original-value');
    expect((await original.textContent())?.trim()).toBe(v.place);
    // Struck through and greyed.
    const style = await original.evaluate((el) => {
      const del = el.closest('del') ?? el.querySelector('del');
      const cs = window.getComputedStyle(del ?? el);
      return {
        struck: Boolean(del) || cs.textDecorationLine.includes('line-through'),
        line: cs.textDecorationLine,
        color: cs.color,
      };
    });
    expect(style.struck).toBe(true);
    expect(style.color).not.toBe('rgb(0, 0, 0)');
    expect(style.color).not.toBe('rgba(0, 0, 0, 0.88)');
    expect((await placeField.getByTestId('corrected-value').textContent())?.trim()).toBe(NEW_PLACE);
    const note = (await placeField.getByTestId('correction-beside').textContent()) ?? '';
    expect(note).toContain(`理由：${REASON}`);
    expect(note).toContain(`更正人：${ORG.recorder}`);
    expect(await page.getByTestId('correction-beside').count()).toBe(1);
    // Still read-only after the correction; the entry carries 已更正 in its title.
    expect(await editableControls(view)).toEqual([]);
    await waitForContains(view.locator('.ant-card-head'), '已更正');
    await session.screenshot('07-correction');

    // The timeline marks the entry; the correction is an entry of its own.
    await goTo(page, '记录本 / 时间线');
    const row = page.getByTestId(`timeline-row-${seq}`);
    await row.waitFor({ timeout: WAIT });
    expect(await row.getByTestId('tag-corrected').textContent()).toBe('已更正');
    const correctionRow = page.getByTestId(`timeline-row-${seq + 1}`);
    await waitForContains(correctionRow, `更正第 ${seq} 条`);

    // Members.
    await goTo(page, '成员');
    const roster = page.locator('.ant-table').first();
    await waitForContains(roster, MEMBERS[4]!.name);
    const rosterText = (await roster.textContent()) ?? '';
    for (const m of MEMBERS) expect(rosterText).toContain(m.name);
    await waitForContains(page.locator('.ant-card-head').first(), `在任 ${MEMBERS.length} 人`);
    await session.screenshot('08-members');

    // Year ledger: the meeting counts for this year.
    await goTo(page, '年度台账');
    const held = page.getByTestId('ledger-meetings-value');
    await waitForText(held, (t) => /^1 \/ \d+ 次$/.test(t.trim()), '台账应记 1 次小组会议');
    expect(await page.getByTestId('ledger').locator('.ant-select').textContent()).toContain(`${THIS_YEAR} 年`);
    await session.screenshot('09-ledger');

    // Full verify: every entry's hash and the signed checkpoint.
    const badge = page.getByTestId('integrity-badge');
    await page.getByTestId('verify-button').click();
    await page.waitForSelector('[data-testid="integrity-badge"][data-state="ok"]', { timeout: 30_000 });
    await waitForContains(page.locator('.ant-message'), '完整校验通过');
    await badge.getByRole('status').hover();
    const popover = page.locator('.ant-popover').locator('visible=true');
    await waitForContains(popover, '完整校验于');
    expect(await popover.textContent()).toContain(`共 ${seq + 1} 条记录`);
    await session.screenshot('10-integrity');

    // 更正出席情况: the absentee was in fact present. One correction changes both lists.
    await goTo(page, '记录本 / 时间线');
    await page.getByTestId(`timeline-row-${seq}`).click();
    await page.getByTestId('attendance-button').click();
    const dialog = page.getByTestId('attendance-form');
    await dialog.waitFor({ timeout: WAIT });
    await dialog.getByRole('switch', { name: `${ABSENTEE.name}是否实到` }).click();
    await dialog.getByLabel('更正原因').fill('陈明会议开始后到会，原记录有误');
    await page.getByTestId('attendance-submit').click();
    await dialog.waitFor({ state: 'detached', timeout: WAIT });
    const presentRow = page.getByTestId('entry-view').locator('tr').filter({ hasText: '实到' }).first();
    await waitForContains(presentRow, ABSENTEE.name);
    await session.screenshot('12-attendance-correction');
  });
});
