/**
 * The draft from the records must stay a work item that can be sealed: a busy year is listed
 * shorter (with a note of what was left out) until it fits, and the figures still count all.
 */
import { describe, expect, it } from 'vitest';
import {
  TEXT_LIMITS,
  workItemInput,
  type EntryDetail,
  type EntrySummary,
  type MeetingEvaluation,
  type MeetingInput,
} from '../contract';
import type { BookReads } from './book-reads';
import { draftFromRecords } from './record-drafts';

const MEETINGS = 120;
const longText = '研究学会年度重点工作并形成决议'.repeat(30);

function summary(seq: number): EntrySummary {
  const day = `2025-${String(1 + (seq % 12)).padStart(2, '0')}-10`;
  return {
    seq,
    kind: 'meeting',
    kindLabel: '会议记录',
    title: `第${seq}次会议`,
    date: day,
    recordedAt: `${day}T08:00:00.000Z`,
    flags: [],
    memberIds: [],
    correctedBy: [],
  };
}

function meeting(seq: number): MeetingInput {
  const startAt = `${summary(seq).date}T09:00`;
  return {
    type: 'group-meeting',
    number: seq,
    mode: 'onsite',
    startAt,
    endAt: `${startAt.slice(0, 10)}T11:00`,
    place: '会议室',
    chairId: 'm1',
    chairDelegated: false,
    recorder: '记录人',
    presentIds: ['m1'],
    absent: [],
    guests: [],
    heldSeparately: true,
    attachments: [],
    minutes: '',
    topics: [{ title: longText.slice(0, 200), discussion: '', dissent: '' }],
    decisions: Array.from({ length: 5 }, () => ({
      text: longText.slice(0, 400),
      votes: { for: 1, against: 0, abstain: 0 },
    })),
  };
}

const evaluation = {
  expected: [{ memberId: 'm1', name: '甲' }],
  quorum: { met: true },
  decisions: [],
  election: undefined,
} as unknown as MeetingEvaluation;

const reads = {
  'org.get': () => ({
    organisation: { orgName: '某学会党建工作小组', societyName: '某学会' },
    profile: {},
    composition: [],
    memberCount: 1,
  }),
  'members.list': () => [{ memberId: 'm1', role: 'leader', roleLabel: '组长', active: true, person: { name: '甲' } }],
  'entries.list': ({ offset, limit }: { offset: number; limit: number }) => {
    const all = Array.from({ length: MEETINGS }, (_, i) => summary(i + 1));
    return { total: all.length, items: all.slice(offset, offset + limit) };
  },
  'entries.get': ({ seq }: { seq: number }) =>
    ({
      summary: summary(seq),
      corrections: [],
      current: { input: meeting(seq) },
      original: { input: meeting(seq), computed: evaluation },
    }) as unknown as EntryDetail,
  'entries.check': () => ({ evaluation }),
  'ledger.year': () => ({ year: 2025, meetingsHeld: MEETINGS, meetingsRequired: 2, items: [] }),
  'ledger.report': () => ({
    duties: {
      covered: 1,
      excellentAt: 5,
      benchmarkAt: 9,
      rating: 'none',
      message: '体现 1 项职责，评为优秀党建工作小组须体现 5 项以上',
      rows: [
        { duty: 'ideology', label: '加强思想政治引领', scope: '', seqs: [3, 7], suggestedSeqs: [] },
        { duty: 'volunteer', label: '组织志愿服务', scope: '', seqs: [], suggestedSeqs: [9] },
      ],
    },
  }),
} as unknown as BookReads;

describe('drafts from a busy year', () => {
  it('fit a work item: the lists are shortened with a note, the counts are whole', async () => {
    const d = await draftFromRecords(reads, 'b', 2025, 'shuzhi');
    expect(d.work.length).toBeLessThanOrEqual(TEXT_LIMITS.page);
    expect(d.work).toContain(`本年度共召开会议 ${MEETINGS} 次`);
    expect(d.work).toMatch(/……（另有 \d+ 项，见记录本）/);
    expect(d.sources).toHaveLength(MEETINGS);
    const { sources: _s, ...draft } = d;
    expect(workItemInput.safeParse({ ...draft, date: '2025-12-20', attachments: [] }).success).toBe(true);
  });

  it('name the duties the clerk tagged, with their entries, never the untagged suggestions', async () => {
    const d = await draftFromRecords(reads, 'b', 2025, 'shuzhi');
    expect(d.work).toContain('（五）九项职责履行情况');
    expect(d.work).toContain('1. 加强思想政治引领：见第 3、7 条记录');
    expect(d.work).toContain('共体现 1 项职责');
    expect(d.work).not.toContain('组织志愿服务');
  });

  it('list the year from its start, whatever order the timeline gives', async () => {
    const d = await draftFromRecords(reads, 'b', 2025, 'ledger-summary');
    const months = [...d.work.matchAll(/^\d+\. 2025年(\d+)月/gm)].map((m) => Number(m[1]));
    expect(months.length).toBeGreaterThan(0);
    expect(months).toEqual([...months].sort((a, b) => a - b));
  });
});
