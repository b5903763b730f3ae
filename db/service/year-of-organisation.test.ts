/**
 * A year of a real-looking organisation built through the service: members joining and
 * leaving, six meetings, activities, filings, the leader's 述职 and a correction — then the
 * ledger's full verify and the yearly ledger.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIVE, member, openHarness, ORG, type Harness } from './test/service-harness';
import { meetingInput } from './test/meeting-fixtures';

let h: Harness;
let bookId = '';
let ids: string[] = [];
const meetingSeqs: number[] = [];

beforeAll(async () => {
  h = openHarness('2025-01-06T09:00');
  const created = await h.call('books.create', {
    organisation: ORG,
    profile: { id: 'beijing-work-group' },
    members: FIVE,
  });
  bookId = created.bookId;
  ids = (await h.call('members.list', { bookId })).map((m) => m.memberId);

  const dates = ['2025-02-20', '2025-04-17', '2025-06-12', '2025-08-21', '2025-10-16', '2025-12-11'];
  for (const [i, day] of dates.entries()) {
    if (day === '2025-06-12') {
      h.setNow('2025-06-02T10:00');
      await h.call('members.leave', {
        bookId,
        memberId: ids[4],
        leftOn: '2025-06-01',
        reason: '工作调动',
        approval: { docNo: '京科协党建〔2025〕21号', date: '2025-05-28' },
      });
      const joined = await h.call('members.join', {
        bookId,
        ...member('孙立', 'member'),
        joinedOn: '2025-06-02',
        approval: { docNo: '京科协党建〔2025〕21号', date: '2025-05-28' },
      });
      ids[4] = joined.memberId;
    }
    h.setNow(`${day}T15:00`);
    const present = i === 3 ? ids.slice(0, 3) : ids.slice(0, 4);
    const m = meetingInput(ids, { startAt: `${day}T09:30`, number: i + 1, present, votes: [[present.length, 0, 0]] });
    const r = await h.call('meetings.seal', { bookId, meeting: m });
    meetingSeqs.push(r.seq);
    const filedOn = i === 2 ? addDays(day, 10) : addDays(day, 1);
    h.setNow(`${filedOn}T10:00`);
    await h.call('work.seal', {
      bookId,
      item: {
        type: 'filing',
        title: `第${i + 1}次会议纪要备案`,
        date: filedOn,
        meetingSeq: r.seq,
        to: '市科协党建委办公室',
      },
    });
  }
  h.setNow('2025-07-01T16:00');
  await h.call('activities.seal', {
    bookId,
    activity: {
      type: 'theme-day',
      title: '“七一”主题党日',
      date: '2025-07-01',
      place: '学会会议室',
      organizer: '党建工作小组',
      participantIds: ids.slice(0, 4),
      content: '重温入党誓词，集体学习党章。',
      outcome: '全体成员参加。',
    },
  });
  h.setNow('2025-09-10T16:00');
  await h.call('activities.seal', {
    bookId,
    activity: {
      type: 'volunteer',
      title: '科普进社区志愿服务',
      date: '2025-09-06',
      place: '朝阳区某社区',
      organizer: '学会秘书处',
      participantIds: ids.slice(0, 3),
      content: '开展科普讲座两场。',
      outcome: '服务居民约200人次。',
    },
  });
  h.setNow('2025-12-20T10:00');
  await h.call('work.seal', {
    bookId,
    item: {
      type: 'annual-report',
      title: '2025年度组长述职',
      date: '2025-12-20',
      year: 2025,
      reporterId: ids[0],
      work: '全年召开小组会6次，开展主题党日等活动。',
      problems: '理论学习深度不够。',
      plan: '2026年加强学习。',
    },
  });
  await h.call('entries.correct', {
    bookId,
    seq: meetingSeqs[0],
    field: '/input/place',
    value: '学会第二会议室',
    reason: '会议地点记录有误',
    by: '王记录',
  });
});

afterAll(() => h.cleanup());

function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

describe('a year of one organisation', () => {
  it('verifies in full', async () => {
    const report = await h.call('books.verify', { bookId });
    expect(report.problems).toEqual([]);
    expect(report.ok).toBe(true);
    const status = await h.call('books.status', { bookId });
    expect(report.size).toBe(status.size);
    // genesis + org.setup + 5 joins + leave + join + 6 meetings + 6 filings + 2 activities + 述职 + correction
    expect(status.size).toBe(1 + 1 + 5 + 2 + 6 + 6 + 2 + 1 + 1);
    expect(status.integrity.ok).toBe(true);
  });

  it('keeps the roster history: who left, who joined, on which approval', async () => {
    const members = await h.call('members.list', { bookId, on: '2025-12-31' });
    expect(members).toHaveLength(6);
    const left = members.find((m) => m.person.name === '陈晨')!;
    expect(left.active).toBe(false);
    expect(left.leftOn).toBe('2025-06-01');
    expect(left.history.map((x) => x.approval?.docNo)).toContain('京科协党建〔2025〕21号');
    expect(members.filter((m) => m.active)).toHaveLength(5);
  });

  it('flags the late filing and the inquorate meeting', async () => {
    const late = await h.call('entries.list', { bookId, flag: 'filing-late' });
    expect(late.total).toBe(1);
    const inquorate = await h.call('entries.list', { bookId, flag: 'inquorate' });
    expect(inquorate.items.map((i) => i.seq)).toEqual([meetingSeqs[3]]);
  });

  it('shows the correction beside the original', async () => {
    const d = await h.call('entries.get', { bookId, seq: meetingSeqs[0]! });
    expect((d.original as { input: { place: string } }).input.place).toBe('学会第一会议室');
    expect((d.current as { input: { place: string } }).input.place).toBe('学会第二会议室');
    expect(d.corrections).toHaveLength(1);
    expect(d.corrections[0]).toMatchObject({
      previous: '学会第一会议室',
      value: '学会第二会议室',
      reason: '会议地点记录有误',
      by: '王记录',
      fieldLabel: '会议地点',
    });
    expect(d.summary.correctedBy).toHaveLength(1);
    // A corrected place changes no rule result: no re-evaluation is offered.
    expect(d.currentEvaluation).toBeUndefined();
  });

  it('re-evaluates the rules when a correction changes a vote', async () => {
    const seq = meetingSeqs[1]!;
    await h.call('entries.correct', {
      bookId,
      seq,
      field: '/input/decisions/0/votes/for',
      value: 1,
      reason: '计票有误',
      by: '王记录',
    });
    const d = await h.call('entries.get', { bookId, seq });
    expect((d.original as { computed: { decisions: { passed: boolean }[] } }).computed.decisions[0]!.passed).toBe(true);
    expect(d.currentEvaluation?.decisions[0]?.passed).toBe(false);
  });

  it('computes the yearly ledger', async () => {
    h.setNow('2026-01-05T10:00');
    const year = await h.call('ledger.year', { bookId, year: 2025 });
    expect(year.meetingsHeld).toBeGreaterThanOrEqual(5);
    expect(year.meetingsRequired).toBe(2);
    expect(year.items.find((i) => /述职/.test(i.message))?.ok).toBe(true);
    expect(year.items.some((i) => !i.ok && /逾期|未按时|inquorate|法定人数/.test(i.message))).toBe(true);
  });

  it('filters the timeline by kind, year and member', async () => {
    const meetings = await h.call('entries.list', { bookId, kinds: ['meeting'], year: 2025 });
    expect(meetings.total).toBe(6);
    expect(meetings.items[0]!.seq).toBeGreaterThan(meetings.items[5]!.seq);
    const byMember = await h.call('entries.list', { bookId, memberId: ids[0] });
    expect(byMember.total).toBeGreaterThanOrEqual(8);
    const page = await h.call('entries.list', { bookId, offset: 2, limit: 3 });
    expect(page.items).toHaveLength(3);
  });
});
