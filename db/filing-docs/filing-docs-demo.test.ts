/**
 * Filing documents and record drafts from the demo generator's book (a Beijing 党建工作小组):
 * built through the service, opened in LibreOffice, and checked against what the service's
 * reads say (roster, the corrected meeting, the year's meetings). Pages go to screenshots/docx/demo.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentFile, EntrySummary, MeetingInput, MemberView, RecordDraft } from '../contract';
import { runDemo } from '../demo';
import { openHarness, type Harness } from '../service/test/service-harness';
import { inOrder, renderDocx, type RenderedDocx } from '../test-support/render-docx';

let h: Harness;
let bookId = '';
let roster: MemberView[] = [];
let corrected: EntrySummary;
let meeting: MeetingInput;
let firstYear = 0;
let groupMeetingsInYear = 0;
const built = new Map<string, DocumentFile>();
let pages = new Map<string, RenderedDocx>();
let shuzhi: RecordDraft;
let summary: RecordDraft;

beforeAll(async () => {
  h = openHarness();
  ({ bookId } = await runDemo(
    (method, input) => h.call(method, input),
    (t) => h.setNow(t),
    { entries: 60, seed: 11 },
  ));
  const timeline = (await h.call('entries.list', { bookId, limit: 500 })).items;
  roster = (await h.call('members.list', { bookId })).filter((m) => m.active);
  // The meeting a correction changed: its minutes must show the corrected reading and the original.
  corrected = timeline.find((e) => e.kind === 'meeting' && e.correctedBy.length > 0)!;
  meeting = ((await h.call('entries.get', { bookId, seq: corrected.seq })).current as { input: MeetingInput }).input;
  firstYear = Number(timeline.find((e) => e.kind === 'meeting')!.date.slice(0, 4));
  for (const e of timeline.filter((x) => x.kind === 'meeting' && x.date.startsWith(String(firstYear)))) {
    const input = ((await h.call('entries.get', { bookId, seq: e.seq })).current as { input: MeetingInput }).input;
    if (input.type === 'group-meeting') groupMeetingsInYear++;
  }
  built.set('member-forms', await h.call('documents.build', { bookId, kind: 'member-forms' }));
  built.set('party-roster', await h.call('documents.build', { bookId, kind: 'party-roster' }));
  built.set('minutes', await h.call('documents.build', { bookId, kind: 'minutes', seq: corrected.seq }));
  shuzhi = await h.call('drafts.fromRecords', { bookId, year: firstYear, kind: 'shuzhi' });
  summary = await h.call('drafts.fromRecords', { bookId, year: firstYear, kind: 'ledger-summary' });
  for (const [name, d] of [
    ['shuzhi', shuzhi],
    ['ledger-summary', summary],
  ] as const) {
    const { sources: _s, ...draft } = d;
    built.set(name, await h.call('documents.fromDraft', { bookId, draft }));
  }
  pages = renderDocx(
    [...built].map(([name, f]) => ({ name, bytes: Buffer.from(f.dataBase64, 'base64') })),
    path.resolve('screenshots/docx/demo'),
  );
}, 240_000);
afterAll(() => h?.cleanup());

const expectOrder = (name: string, needles: string[]) =>
  expect(inOrder(pages.get(name)!.text, needles)).toEqual({ ok: true });
const nameOf = (id: string) => roster.find((m) => m.memberId === id)?.person.name ?? '';

describe('filing documents from the demo book', () => {
  it('模板2 has one page per serving member, in roster order; 模板3 lists them all', () => {
    expect(pages.get('member-forms')!.pages).toBe(roster.length);
    expectOrder(
      'member-forms',
      roster.flatMap((m) => ['党组织人员备案表', '姓名', m.person.name, '党组织拟任职务', m.roleLabel]),
    );
    expectOrder('party-roster', [
      '党员名册',
      `共${roster.filter((m) => m.person.isCpcMember).length}名`,
      ...roster.filter((m) => m.person.isCpcMember).flatMap((m) => [m.person.name, m.roleLabel]),
    ]);
  });

  it('the minutes of a corrected meeting follow the paper page and list the correction', () => {
    const present = meeting.presentIds.map(nameOf).filter(Boolean);
    expectOrder('minutes', [
      `第${meeting.number}次`,
      '会议名称',
      '时间',
      meeting.startAt.slice(11, 16),
      '主持人',
      '记录人',
      meeting.recorder,
      '实到',
      `${meeting.presentIds.length}人`,
      ...present.slice(0, 1),
      '缺席人员及原因',
      '列席人员',
      '一、会议议题',
      ...meeting.topics.map((t) => t.title),
      '决议及表决结果',
      ...meeting.decisions.map((d) => d.text),
      '规则核对',
      '更正说明',
      `第${corrected.correctedBy[0]}条更正`,
      '主持人（签字）',
    ]);
  });

  it('asking for election documents from a meeting without an election is refused with the reason', async () => {
    await expect(
      h.call('documents.build', { bookId, kind: 'election-result', seq: corrected.seq }),
    ).rejects.toMatchObject({ code: 'no-election' });
  });

  it("the 述职 and 台账总结 drafts count the year's meetings as the records hold them, wording left to people", () => {
    for (const d of [shuzhi, summary]) {
      expect(d.work).toContain(`本年度共召开会议 ${groupMeetingsInYear} 次`);
      expect(d.work).toMatch(/【请填写：[^】]+】/);
      expect(d.problems).toMatch(/^【请填写：/);
      expect(d.work.length).toBeLessThanOrEqual(20_000);
    }
    expect(shuzhi.reporterId).toBeDefined();
    expectOrder('shuzhi', [
      `${firstYear}年度述职报告`,
      '述职人',
      '一、本年度工作情况',
      `本年度共召开会议${groupMeetingsInYear}次`,
      '二、存在问题',
      '三、下一年度工作思路',
    ]);
    expectOrder('ledger-summary', [
      `${firstYear}年度党建工作台账总结`,
      '一、本年度党建工作情况',
      '二、存在问题',
      '三、下一年度工作打算',
    ]);
  });
});
