/** A sealed meeting (seq 7) with one correction, and a fake service answering for it. */
import type { EntryDetail, MeetingEvaluation } from '../../db/contract';
import { ORG, ROSTER, fakeApi, status } from '../test/kit';

export const input = {
  type: 'group-meeting', number: 3, mode: 'onsite', startAt: '2025-03-18T09:30', endAt: '2025-03-18T11:00',
  place: '学会302会议室', chairId: 'm1', recorder: '赵六', presentIds: ['m1', 'm2'],
  absent: [{ memberId: 'm3', leaveNote: '出差在外，已向组长书面请假' }],
  guests: [{ name: '周八', unit: '学会秘书处' }],
  topics: [{ title: '学习贯彻全会精神', discussion: '逐段学习并交流体会', dissent: '' }],
  decisions: [{ text: '通过年度党建工作计划', votes: { for: 2, against: 0, abstain: 0 } }],
  minutes: '会议由张三主持。\n与会成员一致同意年度计划。',
  heldSeparately: true, attachments: [],
};

export const evaluation: MeetingEvaluation = {
  profileId: 'beijing-work-group',
  expected: ROSTER.map((m) => ({ memberId: m.memberId, name: m.person.name })),
  presentCount: 2,
  quorum: { met: false, required: 3, message: '实到 2 人，未超过应到 3 人的2/3' },
  decisions: [{ passed: true, required: 2, message: '同意 2 票，达到实到人数的1/2以上' }],
  filing: { deadline: '2025-03-21', status: 'pending', message: '会议纪要应在形成后3个工作日内报送党建委办公室备案（截止日期为2025年3月21日）；尚未备案。' },
  flags: [{ code: 'quorum-not-met', message: '到会人数未达到规定' }],
  errors: [],
};

export const detail: EntryDetail = {
  summary: {
    seq: 7, kind: 'meeting', kindLabel: '小组会议', title: '第3次党建工作小组会议', date: '2025-03-18',
    recordedAt: '2025-03-18T03:10:00.000Z', flags: evaluation.flags, memberIds: ['m1', 'm2', 'm3'], correctedBy: [9],
  },
  hash: 'a'.repeat(64), prev: 'b'.repeat(64), author: 'SHA256:key',
  original: { v: 1, input, computed: evaluation, flags: evaluation.flags },
  corrections: [{
    seq: 9, field: '/input/place', fieldLabel: '地点', previous: '学会302会议室', value: '学会501会议室',
    reason: '会议室临时调整，记录有误', by: '赵六', recordedAt: '2025-03-19T01:00:00.000Z',
  }],
  current: { v: 1, input: { ...input, place: '学会501会议室' }, computed: evaluation, flags: evaluation.flags },
  ledgerFlags: [],
};

/** `answers` replace the defaults (e.g. a failing entries.correct). */
export function entryApi(readOnly = false, answers: Parameters<typeof fakeApi>[0] = {}) {
  return fakeApi({
    'books.status': () => status({ readOnly }),
    'entries.get': () => detail,
    'members.list': () => ROSTER,
    'org.get': () => ORG,
    'entries.correct': () => ({ seq: 13, hash: 'c'.repeat(64), recordedAt: '2025-03-20T01:00:00.000Z', flags: [] }),
    ...answers,
  });
}
