import { describe, expect, it } from 'vitest';
import { meetingInput as meetingSchema, type EntryDetail, type MeetingEvaluation } from '../contract';
import { meetingInput } from '../service/test/meeting-fixtures';
import { spotFacts, type FactSources } from './spot-facts';

/** The facts beside the checklist, alone: each problem the app knows is stated, in Chinese, as a problem. */

const evaluation: MeetingEvaluation = {
  profileId: 'beijing-work-group',
  expected: [
    { memberId: 'a', name: '王一' },
    { memberId: 'b', name: '李二' },
    { memberId: 'c', name: '张三' },
  ],
  presentCount: 2,
  quorum: { met: false, required: 3, message: '应到3人，实到2人；会议无效。' },
  decisions: [{ passed: false, required: 2, message: '同意1票；表决未通过。' }],
  filing: { deadline: '2025-03-21', status: 'late', message: '逾期' },
  flags: [],
  errors: [],
};

function sources(over: Partial<EntryDetail> = {}, rest: Partial<FactSources> = {}): FactSources {
  const input = meetingSchema.parse(meetingInput(['a', 'b', 'c'], { present: ['a', 'b'], leaveNote: '  ' }));
  const body = { v: 1, input, computed: evaluation, flags: [] };
  return {
    detail: {
      summary: {
        seq: 7,
        kind: 'meeting',
        kindLabel: '会议记录',
        title: '第1次会议',
        date: '2025-03-18',
        recordedAt: '2025-03-30T02:00:00.000Z',
        flags: [{ code: 'late-recording', message: '会议后 12 天才记录' }],
        memberIds: [],
        correctedBy: [],
      },
      hash: 'ab'.repeat(32),
      prev: '00'.repeat(32),
      author: 'SHA256:x',
      original: body,
      corrections: [],
      current: body,
      ledgerFlags: ['clock-behind'],
      ...over,
    },
    filing: {
      status: 'late',
      deadline: '2025-03-21',
      filedDate: '2025-03-25',
      filedSeq: 9,
      daysLate: 4,
      message: '会议纪要应在3个工作日内备案（截止2025年3月21日）；2025年3月25日备案，逾期。',
    },
    attachments: [{ hash: 'cd'.repeat(32), name: '签到表.pdf', state: 'missing' }],
    ...rest,
  };
}

const byLabel = (facts: ReturnType<typeof spotFacts>, label: string) => facts.filter((f) => f.label.startsWith(label));

describe('spotFacts', () => {
  it('states an inquorate meeting, a failed vote, a late filing, a missing leave note, late recording, the clock and a missing attachment as problems', () => {
    const facts = spotFacts(sources());
    expect(byLabel(facts, '到会人数')).toEqual([
      { label: '到会人数', value: evaluation.quorum.message, state: 'problem' },
    ]);
    expect(byLabel(facts, '表决结果')[0]).toMatchObject({ state: 'problem', value: '同意1票；表决未通过。' });
    expect(byLabel(facts, '纪要备案')[0]).toMatchObject({ state: 'problem', value: expect.stringContaining('逾期') });
    expect(byLabel(facts, '请假说明')).toEqual([
      { label: '请假说明（张三）', value: '缺席且没有请假说明', state: 'problem' },
    ]);
    expect(byLabel(facts, '记录及时性')[0]).toMatchObject({ state: 'problem', value: '会议后 12 天才记录' });
    expect(byLabel(facts, '时钟')[0]!.state).toBe('problem');
    expect(byLabel(facts, '附件')[0]).toMatchObject({ label: '附件（签到表.pdf）', state: 'problem' });
  });

  it('reads an entry in order as ok, and names each correction once with its reason', () => {
    const ok = sources(
      {
        ledgerFlags: [],
        summary: { ...sources().detail.summary, flags: [] },
        corrections: ['presentIds', 'absent'].map((field) => ({
          seq: 12,
          field: `/input/${field}`,
          fieldLabel: field === 'presentIds' ? '实到' : '缺席',
          previous: null,
          value: null,
          reason: '经核对签到表更正',
          by: '王记录',
          recordedAt: '2025-04-01T02:00:00.000Z',
        })),
      },
      { attachments: [{ hash: 'cd'.repeat(32), name: '', state: 'ok' }] },
    );
    const facts = spotFacts(ok);
    expect(byLabel(facts, '记录及时性')[0]!.state).toBe('ok');
    expect(byLabel(facts, '时钟')[0]!.state).toBe('ok');
    expect(byLabel(facts, '更正')).toEqual([
      { label: '更正（第 12 条）', value: '更正了实到、缺席；理由：经核对签到表更正（更正人：王记录）', state: 'info' },
    ]);
    expect(byLabel(facts, '附件')[0]).toMatchObject({ state: 'ok', value: expect.stringContaining('哈希一致') });
  });

  it('says so when the sealed body cannot be read, never guessing', () => {
    const facts = spotFacts(sources({ current: { v: 1, input: { nonsense: true }, flags: [] } }));
    expect(facts[0]).toMatchObject({ label: '记录内容', state: 'problem' });
    expect(byLabel(facts, '到会人数')).toEqual([]);
  });
});
