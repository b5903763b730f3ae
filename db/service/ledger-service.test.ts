/**
 * A year with known answers, built through the service: a meeting whose filing deadline
 * crosses National Day, a late filing, an inquorate meeting, a correction that changes
 * attendance, a late recording, a clock set back, duties tagged at sealing and added by a
 * correction. Every ledger figure is checked, then the .xlsx is read back with the same figures.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { YearLedger } from '../rules';
import { FIVE, openHarness, ORG, type Harness } from './test/service-harness';
import { meetingInput } from './test/meeting-fixtures';

let h: Harness;
let bookId = '';
let ids: string[] = [];
const seq: Record<string, number> = {};
let ledger: YearLedger;

async function meeting(key: string, day: string, present: string[], duties?: string[]) {
  h.setNow(`${day}T15:00`);
  const m = {
    ...meetingInput(ids, {
      startAt: `${day}T09:30`,
      number: Object.keys(seq).filter((k) => k.startsWith('M')).length + 1,
      present,
    }),
    ...(duties ? { duties } : {}),
  };
  seq[key] = (await h.call('meetings.seal', { bookId, meeting: m })).seq;
}
async function file(key: string, day: string) {
  h.setNow(`${day}T10:00`);
  seq[`F${key}`] = (
    await h.call('work.seal', {
      bookId,
      item: { type: 'filing', title: `${key}纪要备案`, date: day, meetingSeq: seq[key], to: '党建委办公室' },
    })
  ).seq;
}

beforeAll(async () => {
  h = openHarness('2025-01-06T09:00');
  bookId = (await h.call('books.create', { organisation: ORG, profile: { id: 'beijing-work-group' }, members: FIVE }))
    .bookId;
  ids = (await h.call('members.list', { bookId })).map((m) => m.memberId);
  const [zhang, li, wang, zhao] = ids as [string, string, string, string, string];

  await meeting('M1', '2025-03-18', ids, ['political-guarantee', 'integration']);
  await file('M1', '2025-03-19');
  await meeting('M2', '2025-05-20', [zhang, li, wang, zhao], ['major-funds']);
  await file('M2', '2025-05-30'); // deadline 2025-05-23: 7 days late
  h.setNow('2025-06-10T10:00');
  seq.report = (
    await h.call('work.seal', {
      bookId,
      item: {
        type: 'report',
        title: '关于举办学术年会的请示',
        date: '2025-06-10',
        to: '党建委',
        matter: '拟于9月举办学术年会。',
        duties: ['reporting'],
      },
    })
  ).seq;
  h.setNow('2025-07-01T18:00');
  seq.themeDay = (
    await h.call('activities.seal', {
      bookId,
      activity: {
        type: 'theme-day',
        title: '“七一”主题党日',
        date: '2025-07-01',
        place: '学会会议室',
        organizer: '党建工作小组',
        participantIds: ids.slice(0, 4),
        content: '重温入党誓词。',
        outcome: '',
      },
    })
  ).seq;
  await meeting('M3', '2025-07-15', [zhang, li, wang]); // 3 of 5: not more than 2/3
  await file('M3', '2025-07-16');
  h.setNow('2025-09-10T16:00');
  seq.volunteer = (
    await h.call('activities.seal', {
      bookId,
      activity: {
        type: 'volunteer',
        title: '科普进社区',
        date: '2025-09-06',
        place: '朝阳区某社区',
        organizer: '学会秘书处',
        participantIds: ids.slice(0, 3),
        content: '开展科普讲座两场。',
        outcome: '',
      },
    })
  ).seq; // recorded 4 days later: late
  await meeting('M4', '2025-09-30', ids); // deadline: Oct 1–8 off, 9, 10, 11 (调休) → 2025-10-11
  await file('M4', '2025-10-10');
  h.setNow('2025-10-10T11:00');
  seq.fixM4 = (
    await h.call('entries.correct', {
      bookId,
      seq: seq.M4,
      reason: '陈晨当天请假，误记为实到',
      by: '王记录',
      changes: [
        { field: '/input/presentIds', value: [zhang, li, wang, zhao] },
        { field: '/input/absent', value: [{ memberId: ids[4], leaveNote: '出差，会前已向组长请假' }] },
        { field: '/input/decisions/0/votes', value: { for: 4, against: 0, abstain: 0 } },
      ],
    })
  ).seq;
  await meeting('M5', '2025-12-09', ids);
  h.setNow('2025-12-10T10:00');
  seq.leaderReport = (
    await h.call('work.seal', {
      bookId,
      item: {
        type: 'annual-report',
        title: '2025年度组长述职',
        date: '2025-12-10',
        year: 2025,
        reporterId: zhang,
        work: '全年召开小组会5次。',
        problems: '学习不够深入。',
        plan: '2026年加强学习。',
        duties: ['political-guarantee'],
      },
    })
  ).seq;
  h.setNow('2025-12-10T16:00');
  seq.tagVolunteer = (
    await h.call('entries.correct', {
      bookId,
      seq: seq.volunteer,
      field: '/input/duties',
      value: ['volunteer'],
      reason: '补充标注体现的职责',
      by: '王记录',
    })
  ).seq;
  h.setNow('2025-11-06T09:00'); // the clock set back
  seq.study = (
    await h.call('activities.seal', {
      bookId,
      activity: {
        type: 'study',
        title: '学习全会精神',
        date: '2025-11-05',
        place: '学会会议室',
        organizer: '党建工作小组',
        participantIds: ids,
        content: '集体学习。',
        outcome: '',
        duties: ['political-guarantee', 'ideology'],
      },
    })
  ).seq;
  h.setNow('2025-12-11T09:00');
  ledger = await h.call('ledger.report', { bookId, year: 2025 });
}, 60_000);

afterAll(() => h.cleanup());

const row = (key: string) => ledger.meetings.rows.find((r) => r.seq === seq[key])!;

describe('the yearly ledger of a year with known answers', () => {
  it('counts meetings held against the profile, quorate or not', () => {
    expect(ledger.today).toBe('2025-12-11');
    expect(ledger.meetings).toMatchObject({
      required: 2,
      held: 4,
      total: 5,
      perHalfYear: false,
      inquorate: { count: 1, seqs: [seq.M3] },
    });
    expect(ledger.meetings.rows.map((r) => [r.seq, r.date, r.expected, r.present, r.quorate])).toEqual([
      [seq.M1, '2025-03-18', 5, 5, true],
      [seq.M2, '2025-05-20', 5, 4, true],
      [seq.M3, '2025-07-15', 5, 3, false],
      [seq.M4, '2025-09-30', 5, 4, true],
      [seq.M5, '2025-12-09', 5, 5, true],
    ]);
    expect(row('M4').corrected).toBe(true);
    expect(ledger.meetings.halves.map((x) => [x.label, x.held, x.seqs])).toEqual([
      ['上半年', 2, [seq.M1, seq.M2]],
      ['下半年', 2, [seq.M4, seq.M5]],
    ]);
    const count = ledger.obligations.find((o) => o.code === 'meetings-count')!;
    expect(count).toMatchObject({ ok: true, seqs: [seq.M1, seq.M2, seq.M4, seq.M5] });
  });

  it('judges each filing against its deadline, across National Day, with the days late', () => {
    expect(row('M1').filing).toMatchObject({
      status: 'on-time',
      deadline: '2025-03-21',
      filedDate: '2025-03-19',
      filedSeq: seq.FM1,
      daysLate: 0,
    });
    expect(row('M2').filing).toMatchObject({
      status: 'late',
      deadline: '2025-05-23',
      filedDate: '2025-05-30',
      filedSeq: seq.FM2,
      daysLate: 7,
    });
    expect(row('M4').filing).toMatchObject({
      status: 'on-time',
      deadline: '2025-10-11',
      filedDate: '2025-10-10',
      daysLate: 0,
    });
    expect(row('M5').filing).toMatchObject({
      status: 'pending',
      deadline: '2025-12-12',
      filedDate: null,
      filedSeq: null,
    });
    expect(ledger.filing).toMatchObject({
      required: true,
      workingDays: 3,
      filedWith: '党建委办公室',
      onTime: { count: 3, seqs: [seq.M1, seq.M3, seq.M4] },
      late: { count: 1, seqs: [seq.M2] },
      pending: { count: 1, seqs: [seq.M5] },
      overdue: { count: 0 },
      unknown: { count: 0 },
    });
  });

  it('finds the 述职 and notes the written summary the profile does not ask for', () => {
    expect(ledger.reports.leaderReport).toMatchObject({
      wanted: true,
      label: '组长述职',
      count: 1,
      seqs: [seq.leaderReport],
    });
    expect(ledger.reports.annualSummary).toMatchObject({ wanted: false, count: 0 });
  });

  it('counts activities by type and attendance per member on the corrected reading', () => {
    expect(ledger.activities.total).toBe(3);
    expect(ledger.activities.byType.map((t) => [t.label, t.count, t.seqs])).toEqual([
      ['学习', 1, [seq.study]],
      ['主题党日', 1, [seq.themeDay]],
      ['志愿服务', 1, [seq.volunteer]],
    ]);
    expect(ledger.attendance.map((a) => [a.name, a.expected, a.present, a.absentSeqs])).toEqual([
      ['张建国', 5, 5, []],
      ['李红', 5, 5, []],
      ['王强', 5, 5, []],
      ['赵敏', 5, 4, [seq.M3]],
      ['陈晨', 5, 2, [seq.M2, seq.M3, seq.M4]],
    ]);
    expect(ledger.attendance[4]!.rate).toBeCloseTo(0.4);
    expect(ledger.attendanceRate).toBeCloseTo(21 / 25);
    const months = ledger.months.map((m) => [m.month, m.meetings, m.quorateMeetings, m.activities, m.attendanceRate]);
    expect(months.filter(([, mt, , ac]) => mt || ac)).toEqual([
      [3, 1, 1, 0, 1],
      [5, 1, 1, 0, 0.8],
      [7, 1, 0, 1, 0.6],
      [9, 1, 1, 1, 0.8],
      [11, 0, 0, 1, null],
      [12, 1, 1, 0, 1],
    ]);
  });

  it('lists late recordings, the clock set back and the corrections', () => {
    expect(ledger.lateRecordings.map((x) => x.seq)).toEqual([seq.volunteer]);
    expect(ledger.lateRecordings[0]!.message).toMatch(/4天后/);
    expect(ledger.clockAnomalies.map((x) => x.seq)).toEqual([seq.study]);
    expect(ledger.corrections.map((c) => [c.seq, c.targetSeq, c.date])).toEqual([
      [seq.fixM4, seq.M4, '2025-10-10'],
      [seq.tagVolunteer, seq.volunteer, '2025-12-10'],
    ]);
  });

  it('shows duty coverage from the tagged entries (a correction can add a tag), with suggestions for untagged ones', () => {
    const d = Object.fromEntries(ledger.duties.rows.map((r) => [r.duty, r.seqs]));
    expect(d).toEqual({
      'political-guarantee': [seq.M1, seq.leaderReport, seq.study],
      're-election': [],
      integration: [seq.M1],
      governance: [],
      'major-funds': [seq.M2],
      'united-front': [],
      ideology: [seq.study],
      volunteer: [seq.volunteer],
      reporting: [seq.report],
    });
    expect(ledger.duties).toMatchObject({ covered: 6, rating: 'excellent', excellentAt: 5, benchmarkAt: 9 });
    expect(ledger.duties.message).toContain('还需 3 项');
    // M3's minutes speak of 年度党建工作计划 (the fixture's decision): a suggestion, never counted.
    expect(ledger.duties.rows[0]!.suggestedSeqs).toContain(seq.M3);
  });

  it('says what the book holds of CAST’s 五个清, and what it does not', () => {
    const c = Object.fromEntries(ledger.fiveClear.map((x) => [x.code, x]));
    expect(c.business!.status).toBe('not-in-book');
    expect(c.staff!.status).toBe('not-in-book');
    expect(c['party-members']!.facts[0]).toBe('2025年末在任成员 5 人，其中中共党员 5 人。');
    expect(c.leaders!.facts).toEqual(['组长：张建国（中共党员，1995年入党）', '副组长：李红（中共党员，1995年入党）']);
    expect(c['no-party-org']!.facts[0]).toContain('京科协党建〔2023〕12号');
  });

  it('links every figure to entries it names', () => {
    const seqs = [
      ...ledger.meetings.rows.flatMap((r) => [r.seq, r.filing.filedSeq ?? r.seq]),
      ...ledger.activities.byType.flatMap((t) => t.seqs),
      ...ledger.duties.rows.flatMap((r) => r.seqs),
      ...ledger.reports.leaderReport.seqs,
      ...ledger.corrections.map((c) => c.seq),
      ...ledger.lateRecordings.map((x) => x.seq),
      ...ledger.clockAnomalies.map((x) => x.seq),
    ];
    for (const s of seqs) expect(ledger.entries[s], `第 ${s} 条`).toBeDefined();
    expect(ledger.entries[seq.M2!]).toMatchObject({ kind: 'meeting', date: '2025-05-20' });
  });

  it('keeps ledger.year the short form of the same figures', async () => {
    const y = await h.call('ledger.year', { bookId, year: 2025 });
    expect(y).toMatchObject({ meetingsHeld: 4, meetingsRequired: 2 });
    expect(y.items.map((i) => i.code)).toEqual(ledger.obligations.map((o) => o.code));
  });

  it('exports the same figures to .xlsx: one sheet per table, Chinese headers, dates as dates', async () => {
    const file = await h.call('ledger.xlsx', { bookId, year: 2025 });
    expect(file.fileName).toBe('北京市某某科技学会党建工作小组2025年度党建工作台账.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(file.dataBase64, 'base64') as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      '概览',
      '台账事项',
      '会议',
      '出勤',
      '活动',
      '月度',
      '九项职责',
      '五个清',
      '异常与更正',
    ]);
    const values = (name: string) => {
      const ws = wb.getWorksheet(name)!;
      const out: unknown[][] = [];
      ws.eachRow((r) => out.push((r.values as unknown[]).slice(1)));
      return out;
    };
    const meetings = values('会议');
    expect(meetings[0]).toEqual([
      '记录条目',
      '会议日期',
      '会议次序',
      '会议',
      '应到（人）',
      '实到（人）',
      '到会率',
      '是否有效',
      '单独召开',
      '备案截止日期',
      '备案日期',
      '备案记录',
      '备案情况',
      '逾期天数',
      '已更正',
    ]);
    const m2 = meetings.find((r) => r[0] === seq.M2)!;
    expect(m2[1]).toEqual(new Date(Date.UTC(2025, 4, 20)));
    expect(m2[9]).toEqual(new Date(Date.UTC(2025, 4, 23)));
    expect(m2[10]).toEqual(new Date(Date.UTC(2025, 4, 30)));
    expect([m2[4], m2[5], m2[7], m2[12], m2[13]]).toEqual([5, 4, '有效', '逾期备案', 7]);
    expect(meetings.find((r) => r[0] === seq.M3)![7]).toBe('人数不足');
    expect(meetings.find((r) => r[0] === seq.M4)!.slice(9, 15)).toEqual([
      new Date(Date.UTC(2025, 9, 11)),
      new Date(Date.UTC(2025, 9, 10)),
      seq.FM4,
      '按时备案',
      0,
      '是',
    ]);
    expect(wb.getWorksheet('会议')!.getCell('B2').numFmt).toContain('yyyy');

    const overview = new Map(values('概览').map((r) => [r[0], r[1]]));
    expect(overview.get('有效党建工作小组会（次）')).toBe(4);
    expect(overview.get('会议总数（次）')).toBe(5);
    expect(overview.get('到会人数不足（次）')).toBe(1);
    expect(overview.get('按时备案（次）')).toBe(3);
    expect(overview.get('逾期备案（次）')).toBe(1);
    expect(overview.get('待备案（次）')).toBe(1);
    expect(overview.get('组长述职')).toBe('已完成');
    expect(overview.get('活动（次）')).toBe(3);
    expect(overview.get('迟录（条）')).toBe(1);
    expect(overview.get('时钟异常（条）')).toBe(1);
    expect(overview.get('更正（条）')).toBe(2);
    expect(overview.get('有记录为证的职责（项）')).toBe(6);
    expect(overview.get('全年出勤率')).toBeCloseTo(0.84);
    expect(overview.get('统计日期')).toEqual(new Date(Date.UTC(2025, 11, 11)));

    const attendance = values('出勤')
      .slice(1)
      .map((r) => [r[0], r[1], r[2], r[4] ?? '']);
    expect(attendance).toEqual([
      ['张建国', 5, 5, ''],
      ['李红', 5, 5, ''],
      ['王强', 5, 5, ''],
      ['赵敏', 5, 4, `第 ${seq.M3} 条`],
      ['陈晨', 5, 2, `第 ${seq.M2} 条、第 ${seq.M3} 条、第 ${seq.M4} 条`],
    ]);
    const duties = values('九项职责')
      .slice(1)
      .map((r) => [r[1], r[3]]);
    expect(duties).toEqual([
      ['三保证一调动', 3],
      ['换届与选人', 0],
      ['党建与业务融合', 1],
      ['治理结构', 0],
      ['大额经费与捐赠', 1],
      ['统一战线', 0],
      ['意识形态', 1],
      ['志愿服务', 1],
      ['请示报告', 1],
    ]);
    const anomalies = values('异常与更正')
      .slice(1)
      .map((r) => [r[0], r[1]]);
    expect(anomalies).toEqual([
      ['迟录', seq.volunteer],
      ['时钟异常', seq.study],
      ['更正', seq.fixM4],
      ['更正', seq.tagVolunteer],
    ]);
  });
});

describe('reminders with the service clock', () => {
  it('reminds of the minutes due tomorrow, and of nothing done', async () => {
    h.setNow('2025-12-11T09:00');
    const r = await h.call('reminders.list', { bookId });
    expect(r.today).toBe('2025-12-11');
    expect(r.items.map((i) => [i.code, i.level, i.seqs])).toEqual([['filing-due', 'urgent', [seq.M5]]]);
    expect(r.items[0]!.message).toContain('还剩 1 个工作日');
    expect(r.items[0]!.action.target).toEqual({ page: 'new-work', workType: 'filing', meetingSeq: seq.M5 });
  });

  it('turns it into an overdue one after the deadline', async () => {
    h.setNow('2025-12-15T09:00');
    const r = await h.call('reminders.list', { bookId });
    expect(r.items.map((i) => [i.code, i.level])).toEqual([['filing-overdue', 'urgent']]);
    expect(r.items[0]!.message).toContain('已逾期 3 天');
  });
});
