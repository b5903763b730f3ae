/**
 * Shared steps of the end-to-end tests, each driving the real UI the way an office user
 * would: the first-run wizard, typing a meeting, sealing it. Assertions use explicit
 * waits (`waitFor`, `waitForFunction`) so a test fails with a clear timeout, never hangs.
 */
import type { Locator, Page } from 'playwright-core';
import type { AppSession } from './app-session';

export const WAIT = 15_000;

/** Today's date in Asia/Shanghai (the service's calendar), `YYYY-MM-DD`. */
export function shanghaiDate(offsetDays = 0): string {
  const d = new Date(Date.now() + offsetDays * 86_400_000);
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(d);
}

export const THIS_YEAR = Number(shanghaiDate().slice(0, 4));

export interface Person {
  name: string;
  gender: '男' | '女';
  birthDate: string;
  role: '组长' | '副组长' | '成员';
}

export const ORG = {
  societyName: '北京市测绘学会',
  orgName: '北京市测绘学会党建工作小组',
  termStart: `${THIS_YEAR - 1}-03-01`,
  termEnd: `${THIS_YEAR + 3}-02-28`,
  supervisingOffice: '北京市科协社会组织党委',
  contactPerson: '李秀英',
  recorder: '李秀英',
  approvalDocNo: '京科协党〔2025〕12号',
  approvalDate: `${THIS_YEAR - 1}-02-20`,
};

export const MEMBERS: Person[] = [
  { name: '张建国', gender: '男', birthDate: '1968-04-12', role: '组长' },
  { name: '王丽华', gender: '女', birthDate: '1975-09-03', role: '副组长' },
  { name: '李秀英', gender: '女', birthDate: '1982-01-22', role: '成员' },
  { name: '赵志强', gender: '男', birthDate: '1979-06-30', role: '成员' },
  { name: '陈明', gender: '男', birthDate: '1986-11-15', role: '成员' },
];

export const LEADER = MEMBERS[0]!;
/** The member recorded as absent (with a leave note) in the meetings of these tests. */
export const ABSENTEE = MEMBERS[4]!;

/** Waits until `locator`'s text satisfies `test`; fails with the last text seen. */
export async function waitForText(
  locator: Locator,
  test: (text: string) => boolean,
  what: string,
  timeout = WAIT,
): Promise<string> {
  const deadline = Date.now() + timeout;
  let last = '';
  for (;;) {
    try {
      last = (await locator.textContent({ timeout: 1_000 })) ?? '';
      if (test(last)) return last;
    } catch (error) {
      // Not attached yet: keep waiting. A locator matching several elements is a test bug.
      if (String(error).includes('strict mode violation')) throw error;
    }
    if (Date.now() > deadline) throw new Error(`等待超时：${what}；最后看到的文字：${JSON.stringify(last)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export function waitForContains(locator: Locator, text: string, timeout = WAIT): Promise<string> {
  return waitForText(locator, (t) => t.includes(text), `应包含“${text}”`, timeout);
}

/** antd DatePicker (the wizard's and member form's dates): type the date and press Enter. */
export async function fillDatePicker(input: Locator, value: string): Promise<void> {
  await input.click();
  await input.fill(value);
  await input.press('Enter');
  await waitForValue(input, value);
}

async function waitForValue(input: Locator, value: string): Promise<void> {
  const deadline = Date.now() + WAIT;
  while ((await input.inputValue()) !== value) {
    if (Date.now() > deadline) throw new Error(`日期没有填入：期望 ${value}，实际 ${await input.inputValue()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** The antd Select around (or at) `inner`: its root element carries the shown value. */
export function selectRoot(inner: Locator): Locator {
  return inner.locator(
    'xpath=ancestor-or-self::*[contains(concat(" ", normalize-space(@class), " "), " ant-select ")][1]',
  );
}

/**
 * Chooses `title` in an antd Select: opens it, clicks the option (by its title, i.e. its
 * label) in the visible dropdown, and checks the select now shows it; retries while the
 * dropdown is still animating in.
 */
export async function chooseOption(page: Page, select: Locator, title: string, shown = title): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    await select.click();
    const option = page
      .locator(`.ant-select-dropdown .ant-select-item-option[title="${title}"]`)
      .locator('visible=true');
    try {
      await option.first().click({ timeout: 5_000 });
      await waitForContains(select, shown, 2_000);
      return;
    } catch (error) {
      if (attempt >= 3) throw error;
      await page.keyboard.press('Escape');
    }
  }
}

async function addMember(page: Page, person: Person): Promise<void> {
  await page.getByTestId('wizard-add-member').click();
  const modal = page.locator('.ant-modal').filter({ has: page.getByTestId('member-join-form') });
  await modal.waitFor({ state: 'visible', timeout: WAIT });
  await modal.getByLabel('姓名').fill(person.name);
  await modal.getByRole('radio', { name: person.gender, exact: true }).check();
  await fillDatePicker(modal.getByLabel('出生日期'), person.birthDate);
  await fillDatePicker(modal.getByLabel('入党时间'), `${Number(person.birthDate.slice(0, 4)) + 25}-07-01`);
  await modal.getByLabel('工作单位').fill('北京市测绘设计研究院');
  // The modal pre-selects 组长 while the group has none; pick the role when it differs.
  const roleBox = selectRoot(modal.getByLabel('职务'));
  const shown = (await roleBox.textContent()) ?? '';
  if (!shown.includes(person.role)) await chooseOption(page, roleBox, person.role);
  await waitForContains(roleBox, person.role);
  await page.getByTestId('member-join-ok').click();
  await modal.waitFor({ state: 'hidden', timeout: WAIT });
  await waitForContains(page.getByTestId('wizard-members'), person.name);
}

/**
 * Runs the first-run wizard: organisation, Beijing profile, five members with a 组长, review,
 * 创建记录本 → the key fingerprint page → 进入记录本. Optional screenshots at the start and
 * on the fingerprint page.
 */
export async function createBook(session: AppSession, shots: { start?: string; done?: string } = {}): Promise<void> {
  const { page } = session;
  await page.getByTestId('setup-wizard').waitFor({ state: 'visible', timeout: 30_000 });
  await page.getByTestId('wizard-step-organisation').waitFor({ timeout: WAIT });
  if (shots.start) await session.screenshot(shots.start);

  const org = page.getByTestId('wizard-organisation-form');
  await org.getByLabel('学会名称').fill(ORG.societyName);
  await org.getByLabel('党组织名称').fill(ORG.orgName);
  await fillDatePicker(org.getByLabel('任期开始'), ORG.termStart);
  await fillDatePicker(org.getByLabel('任期结束'), ORG.termEnd);
  await org.getByLabel('主管党组织').fill(ORG.supervisingOffice);
  await org.getByLabel('党建联系人').fill(ORG.contactPerson);
  await org.getByLabel('记录人').fill(ORG.recorder);
  await org.getByLabel('成立批复文号').fill(ORG.approvalDocNo);
  await fillDatePicker(org.getByLabel('成立批复日期'), ORG.approvalDate);
  await page.getByTestId('wizard-next').click();

  await page.getByTestId('wizard-profile').waitFor({ timeout: WAIT });
  const beijing = page.getByRole('radio', { name: /北京·党建工作小组/ });
  await beijing.check();
  if (!(await beijing.isChecked())) throw new Error('北京规则方案没有选中');
  await page.getByTestId('wizard-next').click();

  await page.getByTestId('wizard-members').waitFor({ timeout: WAIT });
  for (const person of MEMBERS) await addMember(page, person);
  await page.getByTestId('wizard-next').click();

  const review = page.getByTestId('wizard-review');
  await review.waitFor({ timeout: WAIT });
  await waitForContains(review, '北京·党建工作小组');
  await waitForContains(review, `成员（${MEMBERS.length} 人）`);
  await page.getByTestId('wizard-create').click();

  const done = page.getByTestId('wizard-done');
  await done.waitFor({ timeout: 30_000 });
  await page.getByTestId('key-fingerprint').waitFor({ timeout: WAIT });
  const keyId = ((await page.getByTestId('key-id').textContent()) ?? '').trim();
  if (keyId.length < 8) throw new Error(`密钥指纹没有显示：${JSON.stringify(keyId)}`);
  if (shots.done) await session.screenshot(shots.done);
  await page.getByTestId('wizard-enter').click();
  await page.getByTestId('main-nav').waitFor({ timeout: WAIT });
  await page.getByTestId('timeline').waitFor({ timeout: WAIT });
}

/** Opens a new meeting draft through the header's 新建记录 menu. */
/** From the first-run screen, as a newcomer: 打开示例记录本, then the demo's timeline (the first open generates it). */
export async function openDemoBook(session: AppSession, shot?: string): Promise<void> {
  const { page } = session;
  await page.getByTestId('setup-wizard').waitFor({ state: 'visible', timeout: 30_000 });
  if (shot) await session.screenshot(shot);
  await page.getByTestId('demo-open').click();
  await page.getByTestId('demo-tag').waitFor({ timeout: 90_000 });
  await page.getByTestId('timeline').waitFor({ timeout: WAIT });
}

export async function openNewMeeting(page: Page): Promise<void> {
  await page.getByTestId('new-entry-menu').hover();
  await page.getByRole('menuitem', { name: /新建会议记录/ }).click({ timeout: WAIT });
  await page.getByTestId('editor-page-meeting').waitFor({ timeout: WAIT });
  await page.getByTestId('meeting-number').waitFor({ timeout: WAIT });
}

/** The attendance switch of a member, by the name in its aria-label. */
export function attendanceSwitch(page: Page, name: string): Locator {
  return page.getByRole('switch', { name: `${name}是否实到` });
}

/** The member id behind a name (from the attendance switch's test id). */
export async function memberIdOf(page: Page, name: string): Promise<string> {
  const testId = await attendanceSwitch(page, name).getAttribute('data-testid', { timeout: WAIT });
  if (!testId?.startsWith('attendance-')) throw new Error(`找不到成员“${name}”的出席开关`);
  return testId.slice('attendance-'.length);
}

export interface MeetingValues {
  number: string;
  date: string;
  place: string;
  minutes: string;
  guest: { name: string; unit: string };
  topic: { title: string; discussion: string };
  decision: { text: string; for: string; against: string; abstain: string };
  leaveNote: string;
}

/** Two days ago, or today in the first days of January (the year ledger counts this year). */
export function recentMeetingDate(): string {
  const d = shanghaiDate(-2);
  return d.startsWith(String(THIS_YEAR)) ? d : shanghaiDate();
}

export function meetingValues(date = recentMeetingDate()): MeetingValues {
  return {
    number: '1',
    date,
    place: '学会三楼第一会议室',
    minutes:
      '会议由组长张建国主持。会议传达学习了上级党组织关于加强社会组织党建工作的通知精神，研究部署本年度党建工作计划。\n与会成员逐项讨论并表决。',
    guest: { name: '周文斌', unit: '北京市科协社会组织党委' },
    topic: { title: '研究部署年度党建工作计划', discussion: '与会成员围绕年度计划充分讨论，一致认为应突出政治引领。' },
    decision: { text: '通过《年度党建工作计划》', for: '4', against: '0', abstain: '0' },
    leaveNote: '因公出差在外地，已向组长请假。',
  };
}

/**
 * Types a whole meeting: five members, ABSENTEE absent with a leave note, one 列席 guest,
 * one topic, one decision with votes, minutes, 单独召开 checked. Waits for the rule panel.
 */
export async function fillMeeting(page: Page, v: MeetingValues): Promise<void> {
  await page.getByTestId('meeting-number').fill(v.number);
  await page.getByTestId('meeting-start').fill(`${v.date}T09:00`);
  await page.getByTestId('meeting-end').fill(`${v.date}T11:30`);
  await page.getByTestId('meeting-place').fill(v.place);
  // The roster for the meeting date arrives once the start time is complete.
  await attendanceSwitch(page, ABSENTEE.name).waitFor({ timeout: WAIT });
  await chooseOption(page, selectRoot(page.getByTestId('meeting-chair')), `${LEADER.name}（${LEADER.role}）`);
  await page.getByTestId('meeting-recorder').fill(ORG.recorder);

  await attendanceSwitch(page, ABSENTEE.name).click();
  const absentId = await memberIdOf(page, ABSENTEE.name);
  await page.getByTestId(`leave-note-${absentId}`).fill(v.leaveNote);

  await page.getByTestId('guest-add').click();
  await page.getByTestId('guest-name-0').fill(v.guest.name);
  await page.getByTestId('guest-unit-0').fill(v.guest.unit);

  await page.getByTestId('topic-title-0').fill(v.topic.title);
  await page.getByTestId('topic-discussion-0').fill(v.topic.discussion);
  await page.getByTestId('decision-add').click();
  await page.getByTestId('decision-text-0').fill(v.decision.text);
  await page.getByTestId('votes-for-0').fill(v.decision.for);
  await page.getByTestId('votes-against-0').fill(v.decision.against);
  await page.getByTestId('votes-abstain-0').fill(v.decision.abstain);

  await page.getByTestId('minutes').fill(v.minutes);
  await page.getByTestId('held-separately').check();
}

/** Waits for the rule panel to show 应到 5、实到 4 and the quorum met. */
export async function expectQuorumMet(page: Page): Promise<void> {
  const panel = page.getByTestId('rule-panel');
  await waitForText(
    panel,
    (t) => /应到\s*5\s*人/.test(t) && /实到\s*4\s*人/.test(t) && /列席\s*1\s*人/.test(t),
    '规则面板应显示 应到5 实到4 列席1',
  );
  await waitForText(
    panel.getByTestId('quorum-result'),
    (t) => t.includes('达到法定人数') && !t.includes('未达到'),
    '规则面板应显示达到法定人数',
  );
  // 单独召开 is checked last: the panel must drop its 未单独召开 warning (a fresh evaluation).
  await waitForText(panel, (t) => !t.includes('未单独召开') && !t.includes('未达到'), '规则面板不应再提示“未单独召开”');
  if ((await panel.getByTestId('rule-error').count()) > 0) {
    throw new Error(`规则面板有阻止封存的问题：${await panel.getByTestId('rule-error').first().textContent()}`);
  }
}

/** The seq of the entry page the app is on (`#/entry/<seq>`). */
export async function entrySeqFromUrl(page: Page): Promise<number> {
  await page.waitForURL(/#\/entry\/\d+$/, { timeout: WAIT });
  return Number(/#\/entry\/(\d+)$/.exec(page.url())![1]);
}

/** The draft id of the editor the app is on (`#/draft/<kind>/<id>`). */
export async function draftIdFromUrl(page: Page): Promise<string> {
  await page.waitForURL(/#\/draft\/meeting\/[0-9a-z-]+$/i, { timeout: WAIT });
  return /#\/draft\/meeting\/([0-9a-z-]+)$/i.exec(page.url())![1]!;
}

/** Goes to a page through the sidebar (as a user would). */
export async function goTo(
  page: Page,
  label: '记录本 / 时间线' | '成员' | '年度台账' | '草稿' | '设置与密钥',
): Promise<void> {
  await page.getByTestId('main-nav').getByRole('menuitem', { name: label }).click();
}

/** Every editable control inside `scope` (inputs that are not read-only, textareas, contenteditable). */
export async function editableControls(scope: Locator): Promise<string[]> {
  return scope.evaluate((root) => {
    const found: string[] = [];
    for (const el of Array.from(root.querySelectorAll('input, textarea, select, [contenteditable="true"]'))) {
      const input = el as HTMLInputElement;
      if (input.disabled || input.readOnly) continue;
      if (input.type === 'hidden') continue;
      const style = window.getComputedStyle(input);
      if (style.display === 'none' || style.visibility === 'hidden') continue;
      found.push(`${el.tagName.toLowerCase()}${input.type ? `[type=${input.type}]` : ''}${el.id ? `#${el.id}` : ''}`);
    }
    return found;
  });
}

/** The draft as stored in the page's IndexedDB (`logbook-drafts`), or null. */
export async function storedDraft(
  page: Page,
  id: string,
): Promise<{ title: string; data: Record<string, unknown> } | null> {
  return page.evaluate(
    (draftId) =>
      new Promise((resolve, reject) => {
        const req = indexedDB.open('logbook-drafts');
        req.onerror = () => reject(new Error(String(req.error)));
        req.onsuccess = () => {
          const db = req.result;
          if (!db.objectStoreNames.contains('drafts')) {
            db.close();
            resolve(null);
            return;
          }
          const get = db.transaction('drafts', 'readonly').objectStore('drafts').get(draftId);
          get.onsuccess = () => {
            db.close();
            resolve((get.result as never) ?? null);
          };
          get.onerror = () => {
            db.close();
            reject(new Error(String(get.error)));
          };
        };
      }),
    id,
  );
}

/** Waits until the stored draft satisfies `test` (autosave is debounced). */
export async function waitForStoredDraft(
  page: Page,
  id: string,
  test: (data: Record<string, unknown>) => boolean,
  what: string,
): Promise<void> {
  const deadline = Date.now() + WAIT;
  for (;;) {
    const draft = await storedDraft(page, id);
    if (draft && test(draft.data)) return;
    if (Date.now() > deadline)
      throw new Error(`草稿没有保存到本机：${what}；现存：${JSON.stringify(draft?.data ?? null).slice(0, 300)}`);
    await page.waitForTimeout(100);
  }
}

/** Seals the open meeting editor through the confirmation dialog; returns the new entry's seq. */
export async function sealOpenMeeting(page: Page): Promise<number> {
  await page.getByTestId('seal-button').click();
  const confirm = page.getByTestId('seal-confirm');
  await confirm.waitFor({ state: 'visible', timeout: WAIT });
  await confirm.click();
  return entrySeqFromUrl(page);
}
