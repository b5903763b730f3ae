/**
 * The demo book through the real service: every call accepted, every kind present, the
 * features a spot check looks for (absence with a leave note, 列席, a correction, a late
 * filing, a meeting entered late, an inquorate meeting, the 述职), and a full verify.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTIVITY_TYPES, WORK_ITEM_TYPES, type EntrySummary, type MeetingInput } from '../contract';
import { openHarness, type Harness } from '../service/test/service-harness';
import { generateDemoBook, runDemo, type DemoStep } from './index';

let h: Harness;
let bookId = '';
let entries = 0;
let timeline: EntrySummary[] = [];
let steps: DemoStep[] = [];

beforeAll(async () => {
  steps = [...generateDemoBook({ entries: 60, seed: 11 })];
  h = openHarness();
  ({ bookId, entries } = await runDemo(
    (method, input) => h.call(method, input),
    (local) => h.setNow(local),
    { entries: 60, seed: 11 },
  ));
  timeline = (await h.call('entries.list', { bookId, limit: 500 })).items;
});
afterAll(() => h.cleanup());

const withFlag = (code: string) => timeline.filter((e) => e.flags.some((f) => f.code === code));

describe('the demo book in the real service', () => {
  it('is accepted call for call and verifies in full', async () => {
    expect(entries).toBeGreaterThanOrEqual(60);
    expect(entries).toBe(steps.at(-1)!.size);
    const status = await h.call('books.status', { bookId });
    expect(status.size).toBe(entries);
    expect(status.orgName).toBe('北京市某某科技学会党建工作小组');
    const report = await h.call('books.verify', { bookId });
    expect(report.problems).toEqual([]);
    expect(report.ok).toBe(true);
    expect(timeline).toHaveLength(entries);
  });

  it('holds every activity type and every work item type but 换届 (which comes with the board’s, after five years)', () => {
    for (const label of Object.values(ACTIVITY_TYPES)) {
      expect(
        timeline.some((e) => e.kind === 'activity' && e.title.startsWith(`${label}：`)),
        label,
      ).toBe(true);
    }
    for (const type of [
      'filing',
      'annual-report',
      'annual-summary',
      'ideology',
      'report',
      'major-matter',
      'other',
    ] as const) {
      expect(
        timeline.some((e) => e.kind === 'work' && e.title.startsWith(`${WORK_ITEM_TYPES[type]}：`)),
        type,
      ).toBe(true);
    }
    const kinds = new Set(timeline.map((e) => e.kind));
    for (const kind of [
      'ledger.genesis',
      'org.setup',
      'member.join',
      'member.leave',
      'member.role',
      'meeting',
      'activity',
      'work',
      'ledger.correction',
    ]) {
      expect(kinds, kind).toContain(kind);
    }
  });

  it('keeps at least two meetings a year, with absences, leave notes and 列席 guests', async () => {
    const meetings = timeline.filter((e) => e.kind === 'meeting');
    const years = new Set(timeline.map((e) => e.date.slice(0, 4)).filter((y) => y !== ''));
    for (const year of years)
      expect(meetings.filter((m) => m.date.startsWith(year)).length, year).toBeGreaterThanOrEqual(2);
    const bodies = await Promise.all(
      meetings.map(
        async (m) => (await h.call('entries.get', { bookId, seq: m.seq })).original as { input: MeetingInput },
      ),
    );
    const absences = bodies.flatMap((b) => b.input.absent);
    expect(absences.length).toBeGreaterThan(0);
    expect(absences.every((a) => a.leaveNote.length > 0)).toBe(true);
    expect(bodies.some((b) => b.input.guests.length > 0)).toBe(true);
    expect(bodies.some((b) => b.input.decisions.some((d) => d.votes.for > 0))).toBe(true);
    expect(bodies.every((b) => b.input.minutes.includes('会议纪要'))).toBe(true);
  });

  it('has the things a spot check looks for: late filing, late entry, an inquorate meeting, corrections, 述职', async () => {
    expect(withFlag('filing-late')).toHaveLength(1);
    expect(withFlag('late-recording').map((e) => e.kind)).toEqual(['meeting']);
    const inquorate = withFlag('inquorate');
    expect(inquorate).toHaveLength(1);
    const meetingSeqs = new Set(timeline.filter((e) => e.kind === 'meeting').map((e) => e.seq));
    const corrections = timeline.filter((e) => e.kind === 'ledger.correction' && meetingSeqs.has(e.targetSeq!));
    expect(corrections).toHaveLength(2);
    const place = await h.call('entries.get', { bookId, seq: corrections.at(-1)!.targetSeq! });
    const attendance = await h.call('entries.get', { bookId, seq: corrections[0]!.targetSeq! });
    expect([...place.corrections, ...attendance.corrections].map((c) => c.fieldLabel)).toEqual(
      expect.arrayContaining(['会议地点', '实到', '缺席']),
    );
    expect(timeline.filter((e) => e.title.startsWith('述职：')).length).toBeGreaterThanOrEqual(2);
  });

  it('records every roster change with the supervising office’s approval', async () => {
    const roster = await h.call('members.list', { bookId });
    const active = roster.filter((m) => m.active);
    expect(active.length % 2).toBe(1);
    expect(active.length).toBeGreaterThanOrEqual(5);
    expect(active.length).toBeLessThanOrEqual(9);
    expect(active.filter((m) => m.role === 'leader')).toHaveLength(1);
    // The two members who did not meet the conditions (demo-showcase.ts) have left again.
    expect(active.every((m) => m.person.isCpcMember && m.person.partyJoinDate)).toBe(true);
    expect(roster.filter((m) => !m.person.isCpcMember || m.person.underDiscipline).every((m) => !m.active)).toBe(true);
    const approvals = roster.flatMap((m) => m.history.map((x) => x.approval?.docNo));
    expect(approvals.length).toBeGreaterThan(roster.length);
    for (const docNo of approvals) expect(docNo).toMatch(/^京科协党建〔\d{4}〕\d+号$/);
  });
});

describe('the generator', () => {
  it('gives the same calls for the same seed, and other calls for another', () => {
    expect([...generateDemoBook({ seed: 11 })]).toEqual(steps);
    expect(JSON.stringify([...generateDemoBook({ seed: 12 })])).not.toEqual(JSON.stringify(steps));
  });

  it('moves forward in time; a meeting is entered 0–2 days after it, except the one entered late', () => {
    for (let i = 1; i < steps.length; i++) expect(steps[i]!.at > steps[i - 1]!.at, steps[i]!.at).toBe(true);
    const delays = steps
      .filter((s) => s.method === 'meetings.seal')
      .map((s) => {
        const startAt = (s.input.meeting as { startAt: string }).startAt;
        return (Date.parse(`${s.at.slice(0, 10)}T00:00Z`) - Date.parse(`${startAt.slice(0, 10)}T00:00Z`)) / 86_400_000;
      });
    expect(delays.filter((d) => d > 2)).toEqual([6]);
    expect(delays.every((d) => d >= 0)).toBe(true);
  });

  it('makes a book of 100,000 entries in one pass', () => {
    let last: DemoStep | undefined;
    let count = 0;
    for (const step of generateDemoBook({ entries: 100_000, seed: 3 })) {
      last = step;
      count++;
    }
    expect(last!.size).toBeGreaterThanOrEqual(100_000);
    expect(count).toBeLessThan(last!.size);
  });
});
