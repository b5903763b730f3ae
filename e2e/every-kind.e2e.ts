/**
 * The demo book, opened from the first-run screen as a newcomer would, and the sealed view
 * of every kind it holds: each meeting form, an activity, every work item type, a member
 * joining, leaving and changing role, the organisation and profile changes, a correction, and
 * the member whose empty 入党时间 was corrected. Each page is written to screenshots/ to be
 * looked at, and checked for what a clerk must never see outside the folded 技术信息:
 * kind codes, schema paths, UTC times.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EntrySummary } from '../db/contract';
import { closeBrowser, openSession, type AppSession } from './support/app-session';
import { chooseOption, fillDatePicker, openDemoBook, selectRoot, waitForContains, WAIT } from './support/flows';

let session: AppSession;
let bookId = '';
let entries: EntrySummary[] = [];

/** A call to the running host, as the page makes it (same token, same origin). */
async function call<T>(method: string, input: unknown): Promise<T> {
  const { origin, token } = session.serving.host;
  const response = await fetch(`${origin}/api/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Logbook-Token': token, Origin: origin },
    body: JSON.stringify(input),
  });
  const result = (await response.json()) as { ok: boolean; value?: T; error?: { message: string } };
  if (!result.ok) throw new Error(`${method}: ${result.error?.message}`);
  return result.value as T;
}

const KIND_CODES =
  /\b(ledger\.(genesis|correction|key-rotation)|org\.(setup|update)|profile\.change|member\.(join|leave|role)|group-meeting|members-assembly|annual-report|major-matter)\b/;
const SCHEMA_PATHS = /\/input\/|›\s*第\s*\d+\s*项|\binput\b|\bpresentIds\b|\bmemberId\b/;
const UTC = /UTC|\d{2}:\d{2}(:\d{2}(\.\d+)?)?Z\b|T\d{2}:\d{2}/;

/** The sealed view's text without the folded 技术信息 (which may show codes, hashes and UTC). */
async function visibleRecordText(): Promise<string> {
  const view = session.page.getByTestId('entry-view');
  return view.evaluate((el) => {
    const copy = el.cloneNode(true) as HTMLElement;
    copy.querySelectorAll('[data-testid="technical-info"]').forEach((n) => n.remove());
    return copy.innerText;
  });
}

async function shootEntry(name: string, seq: number): Promise<string> {
  const { page } = session;
  await page.evaluate((s) => {
    window.location.hash = `#/entry/${s}`;
  }, seq);
  const view = page.getByTestId('entry-view');
  await view.waitFor({ timeout: WAIT });
  await page.waitForFunction(
    (s) => document.querySelector('[data-testid="entry-view"]')?.textContent?.includes(`第 ${s} 条`) ?? false,
    seq,
    { timeout: WAIT },
  );
  await page.waitForTimeout(300);
  await session.screenshot(`every-kind-${name}`);
  return visibleRecordText();
}

function first(test: (e: EntrySummary) => boolean, what: string): EntrySummary {
  const found = entries.find(test);
  if (!found) throw new Error(`示例记录本中没有${what}`);
  return found;
}

beforeAll(async () => {
  session = await openSession();
  await openDemoBook(session, 'every-kind-00-first-run');
  await session.screenshot('every-kind-01-timeline');
  const books = await call<{ bookId: string; demo?: boolean }[]>('books.list', {});
  bookId = books.find((b) => b.demo)!.bookId;
  entries = (await call<{ items: EntrySummary[] }>('entries.list', { bookId, limit: 500 })).items;
}, 180_000);

afterAll(async () => {
  await session.close();
  await closeBrowser();
});

describe('every kind in the demo book, as a sealed record page', () => {
  it('is marked 示例 in the header, the banner and the window title', async () => {
    const { page } = session;
    expect(await page.getByTestId('demo-tag').textContent()).toBe('示例记录本（非正式记录）');
    expect(await page.getByTestId('demo-banner').textContent()).toContain('不能作为正式记录');
    expect(await page.title()).toContain('示例记录本（非正式记录）');
  });

  it('says 示例 on paper too: the banner is printed (header and menus are not)', async () => {
    const { page } = session;
    await shootEntry('print-check', first((e) => e.kind === 'meeting', '会议').seq);
    await page.emulateMedia({ media: 'print' });
    try {
      expect(await page.getByTestId('demo-banner').isVisible()).toBe(true);
      expect(await page.getByTestId('demo-leave').isVisible()).toBe(false);
      expect(await page.getByTestId('book-title').isVisible()).toBe(false);
      await session.screenshot('every-kind-printed-meeting');
    } finally {
      await page.emulateMedia({ media: 'screen' });
    }
  });

  const cases: [string, (e: EntrySummary) => boolean, string][] = [
    ['genesis', (e) => e.kind === 'ledger.genesis', '记录本启用'],
    ['org-setup', (e) => e.kind === 'org.setup', '组织设立'],
    ['org-update', (e) => e.kind === 'org.update', '组织信息变更'],
    ['profile-change', (e) => e.kind === 'profile.change', '规则方案变更'],
    ['member-join', (e) => e.kind === 'member.join' && e.seq > 10, '成员加入'],
    ['member-leave', (e) => e.kind === 'member.leave', '成员离任'],
    ['member-role', (e) => e.kind === 'member.role', '职务变更'],
    ['meeting-onsite', (e) => e.kind === 'meeting' && e.flags.length === 0, '现场会议'],
    [
      'meeting-flagged',
      (e) => e.kind === 'meeting' && e.flags.some((f) => f.code === 'not-held-separately'),
      '未单独召开的会议',
    ],
    [
      'meeting-inquorate',
      (e) => e.kind === 'meeting' && e.flags.some((f) => f.code === 'inquorate'),
      '未达法定人数的会议',
    ],
    ['meeting-late', (e) => e.kind === 'meeting' && e.flags.some((f) => f.code === 'late-recording'), '补记的会议'],
    ['activity', (e) => e.kind === 'activity', '活动'],
    ['work-filing-late', (e) => e.kind === 'work' && e.flags.some((f) => f.code === 'filing-late'), '逾期备案'],
    ['work-annual-report', (e) => e.kind === 'work' && e.title.startsWith('述职：'), '述职'],
    ['work-annual-summary', (e) => e.kind === 'work' && e.title.startsWith('年度党建工作书面总结：'), '年度总结'],
    ['work-ideology', (e) => e.kind === 'work' && e.title.startsWith('意识形态研判'), '意识形态工作'],
    ['work-major-matter', (e) => e.kind === 'work' && e.title.startsWith('“三重一大”事项：'), '三重一大'],
    ['work-report', (e) => e.kind === 'work' && e.title.startsWith('请示报告：'), '请示报告'],
    ['work-other', (e) => e.kind === 'work' && e.title.startsWith('其他工作：'), '其他工作'],
    ['correction', (e) => e.kind === 'ledger.correction', '更正'],
  ];

  for (const [name, test, what] of cases) {
    it(`shows ${name} with the form's labels, no codes, no schema paths, no UTC`, async () => {
      const entry = first(test, what);
      const text = await shootEntry(name, entry.seq);
      expect(text).toContain(`第 ${entry.seq} 条`);
      expect(text).not.toMatch(KIND_CODES);
      expect(text).not.toMatch(SCHEMA_PATHS);
      expect(text).not.toMatch(UTC);
      expect(await session.page.getByTestId('demo-banner').isVisible()).toBe(true);
    });
  }

  it('shows the correction of a field that was empty: 入党时间 of a 中共党员 sealed without it', async () => {
    const corrections = entries.filter((e) => e.kind === 'ledger.correction');
    let target: number | undefined;
    for (const c of corrections) {
      const detail = await call<{ corrections: { field: string }[] }>('entries.get', { bookId, seq: c.targetSeq });
      if (detail.corrections.some((x) => x.field === '/input/person/partyJoinDate')) target = c.targetSeq;
    }
    expect(target).toBeDefined();
    const text = await shootEntry('corrected-empty-field', target!);
    expect(text).toContain('入党时间');
    expect(text).toContain('更正');
    expect(text).not.toMatch(SCHEMA_PATHS);
    expect(text).not.toMatch(UTC);
  });

  it('corrects, as a clerk does, a field left empty at sealing: an activity’s 结束日期', async () => {
    const { page } = session;
    const activity = first((e) => e.kind === 'activity' && e.title.startsWith('学习：'), '学习活动');
    const detail = await call<{ original: { input: { date: string; endDate?: string } } }>('entries.get', {
      bookId,
      seq: activity.seq,
    });
    expect(detail.original.input.endDate).toBeUndefined();
    await shootEntry('activity-before-correction', activity.seq);
    await page.getByTestId('correction-button').click();
    const form = page.getByTestId('correction-form');
    await form.waitFor({ timeout: WAIT });
    await chooseOption(page, selectRoot(page.getByTestId('correction-field')), '结束日期');
    await waitForContains(page.getByTestId('correction-current'), '未填写');
    const endDate = detail.original.input.date;
    await fillDatePicker(form.getByLabel('更正为'), endDate);
    await form.getByLabel('更正理由').fill('活动当天结束，记录时漏填结束日期');
    await page.locator('.ant-picker-dropdown').locator('visible=true').waitFor({ state: 'hidden', timeout: WAIT });
    await session.screenshot('every-kind-correction-of-empty-field-dialog', { dialog: true });
    await page.getByTestId('correction-submit').click();
    await form.waitFor({ state: 'detached', timeout: WAIT });
    const beside = page.getByTestId('correction-beside');
    await beside.waitFor({ timeout: WAIT });
    await session.screenshot('every-kind-correction-of-empty-field');
    const text = await visibleRecordText();
    expect(text).toContain('未填写');
    expect(await beside.innerText()).toContain('活动当天结束，记录时漏填结束日期');
    expect(text).not.toMatch(SCHEMA_PATHS);
    expect(text).not.toMatch(UTC);
    const after = await call<{ corrections: { field: string; previous?: unknown; value: unknown }[] }>('entries.get', {
      bookId,
      seq: activity.seq,
    });
    expect(after.corrections).toEqual([expect.objectContaining({ field: '/input/endDate', value: endDate })]);
    expect(after.corrections[0]!.previous).toBeUndefined();
  });
});
