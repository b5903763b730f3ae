/** A sealed meeting (seq 7) with one correction, and a fake service answering for it. */
import type { EntryDetail, MeetingEvaluation } from '../../db/contract';
import { ORG, ROSTER, fakeApi, status } from '../test/kit';

export const input = {
  type: 'group-meeting',
  number: 3,
  mode: 'onsite',
  startAt: '2025-03-18T09:30',
  endAt: '2025-03-18T11:00',
  place: '学会302会议室',
  chairId: 'm1',
  recorder: '赵六',
  presentIds: ['m1', 'm2'],
  absent: [{ memberId: 'm3', leaveNote: '出差在外，已向组长书面请假' }],
  guests: [{ name: '周八', unit: '学会秘书处' }],
  topics: [{ title: '学习贯彻全会精神', discussion: '逐段学习并交流体会', dissent: '' }],
  decisions: [{ text: '通过年度党建工作计划', votes: { for: 2, against: 0, abstain: 0 } }],
  minutes: '会议由张三主持。\n与会成员一致同意年度计划。',
  heldSeparately: true,
  attachments: [],
};

export const evaluation: MeetingEvaluation = {
  profileId: 'beijing-work-group',
  expected: ROSTER.map((m) => ({ memberId: m.memberId, name: m.person.name })),
  presentCount: 2,
  quorum: { met: false, required: 3, message: '实到 2 人，未超过应到 3 人的2/3' },
  decisions: [{ passed: true, required: 2, message: '同意 2 票，达到实到人数的1/2以上' }],
  filing: {
    deadline: '2025-03-21',
    status: 'pending',
    message: '会议纪要应在形成后3个工作日内报送党建委办公室备案（截止日期为2025年3月21日）；尚未备案。',
  },
  flags: [{ code: 'quorum-not-met', message: '到会人数未达到规定' }],
  errors: [],
};

export const detail: EntryDetail = {
  summary: {
    seq: 7,
    kind: 'meeting',
    kindLabel: '小组会议',
    title: '第3次党建工作小组会议',
    date: '2025-03-18',
    recordedAt: '2025-03-18T03:10:00.000Z',
    flags: evaluation.flags,
    memberIds: ['m1', 'm2', 'm3'],
    correctedBy: [9],
  },
  hash: 'a'.repeat(64),
  prev: 'b'.repeat(64),
  author: 'SHA256:key',
  original: { v: 1, input, computed: evaluation, flags: evaluation.flags },
  corrections: [
    {
      seq: 9,
      field: '/input/place',
      fieldLabel: '地点',
      previous: '学会302会议室',
      value: '学会501会议室',
      reason: '会议室临时调整，记录有误',
      by: '赵六',
      recordedAt: '2025-03-19T01:00:00.000Z',
    },
  ],
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

const sealed = (
  seq: number,
  kind: string,
  kindLabel: string,
  title: string,
  date: string,
  input: unknown,
  computed: unknown = {},
): EntryDetail => ({
  ...detail,
  summary: {
    seq,
    kind,
    kindLabel,
    title,
    date,
    recordedAt: `${date}T02:02:00.000Z`,
    flags: [],
    memberIds: [],
    correctedBy: [],
  },
  original: { v: 1, input, computed, flags: [] },
  current: { v: 1, input, computed, flags: [] },
  corrections: [],
});

/** 七一主题党日 (seq 8), its 活动内容 corrected by seq 10. */
export const activityDetail: EntryDetail = {
  ...sealed(8, 'activity', '活动记录', '七一主题党日', '2025-07-01', {
    type: 'theme-day',
    title: '七一主题党日',
    date: '2025-07-01',
    place: '革命纪念馆',
    organizer: '张三',
    participantIds: ['m1', 'm2'],
    otherParticipants: '',
    content: '重温入党誓词',
    outcome: '',
    attachments: [],
  }),
  corrections: [
    {
      seq: 10,
      field: '/input/content',
      fieldLabel: '内容',
      previous: '重温入党誓词',
      value: '重温入党誓词，参观展览',
      reason: '漏记活动内容',
      by: '赵六',
      recordedAt: '2025-07-02T01:00:00.000Z',
    },
  ],
};
activityDetail.summary.correctedBy = [10];

/** The 更正 (seq 10) of the activity's 活动内容. */
export const correctionDetail: EntryDetail = {
  ...detail,
  summary: {
    ...detail.summary,
    seq: 10,
    kind: 'ledger.correction',
    kindLabel: '更正',
    title: '更正第 8 条',
    flags: [],
    correctedBy: [],
    targetSeq: 8,
  },
  original: {
    target: 8,
    targetHash: 'd'.repeat(64),
    field: '/input/content',
    value: '重温入党誓词，参观展览',
    reason: '漏记活动内容',
    by: '赵六',
  },
  corrections: [],
  current: null,
};

/** 会议纪要备案 of the meeting seq 7 (seq 11) and the leader's 述职 (seq 12). */
export const filingDetail = sealed(
  11,
  'work',
  '工作记录',
  '第3次会议纪要备案',
  '2025-03-20',
  {
    type: 'filing',
    title: '第3次会议纪要备案',
    date: '2025-03-20',
    meetingSeq: 7,
    to: '科技社团党委',
    note: '',
    attachments: [],
  },
  { meetingDate: '2025-03-18', deadline: '2025-03-21', status: 'on-time', message: '已按期备案' },
);
export const annualReportDetail = sealed(12, 'work', '工作记录', '2024年度述职', '2025-01-15', {
  type: 'annual-report',
  title: '2024年度述职',
  date: '2025-01-15',
  year: 2024,
  reporterId: 'm1',
  work: '召开小组会议4次',
  problems: '学习不够深入',
  plan: '加强理论学习',
  attachments: [],
});

/** 王志强 joins (seq 13) with the office's approval; his 入党时间 was left empty. */
export const joinDetail = sealed(13, 'member.join', '成员加入', '王志强加入', '2026-03-05', {
  memberId: 'm9',
  person: {
    name: '王志强',
    gender: '男',
    ethnicity: '汉族',
    birthDate: '1975-06-01',
    isCpcMember: true,
    title: '研究员',
    underDiscipline: false,
  },
  role: 'member',
  joinedOn: '2026-03-05',
  approval: { docNo: '京科协党建〔2026〕3号', date: '2026-03-01' },
});

/** A fake service answering `entries.get` for every entry above by its seq. */
export function bookApi(readOnly = false) {
  const bySeq = new Map(
    [detail, activityDetail, correctionDetail, filingDetail, annualReportDetail, joinDetail].map((d) => [
      d.summary.seq,
      d,
    ]),
  );
  return entryApi(readOnly, { 'entries.get': (input: { seq: number }) => bySeq.get(input.seq) });
}
