/**
 * Every service call against bad input: wrong types, missing fields, unknown ids, dates out of
 * range, 10,000-character fields, hostile strings. Each gives a clear Chinese error and leaves
 * the book exactly as it was.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Contract } from '../contract';
import { FIVE, openHarness, ORG, member, type Harness } from './test/service-harness';
import { meetingInput } from './test/meeting-fixtures';

let h: Harness;
let bookId = '';
let ids: string[] = [];
let meetingSeq = 0;
const LONG = '党'.repeat(10_000);

beforeAll(async () => {
  h = openHarness('2025-03-20T10:00');
  bookId = (await h.call('books.create', { organisation: ORG, profile: { id: 'beijing-work-group' }, members: FIVE }))
    .bookId;
  ids = (await h.call('members.list', { bookId })).map((m) => m.memberId);
  meetingSeq = (await h.call('meetings.seal', { bookId, meeting: meetingInput(ids) })).seq;
});
afterAll(() => h.cleanup());

type Case = [name: string, method: keyof Contract, input: () => unknown, code: string, message: RegExp];

const meeting = (patch: Record<string, unknown>) => () => ({ bookId, meeting: { ...meetingInput(ids), ...patch } });
const join = (patch: Record<string, unknown>) => () => ({ bookId, ...member('新成员', 'member'), ...patch });

const CASES: Case[] = [
  [
    'create: no organisation',
    'books.create',
    () => ({ profile: { id: 'beijing-work-group' } }),
    'invalid-input',
    /组织|必须填写/,
  ],
  [
    'create: 10,000-character name',
    'books.create',
    () => ({ organisation: { ...ORG, orgName: LONG }, profile: { id: 'beijing-work-group' } }),
    'invalid-input',
    /党组织名称：不能超过 100 个字/,
  ],
  [
    'create: unknown profile',
    'books.create',
    () => ({ organisation: ORG, profile: { id: 'mars' } }),
    'invalid-input',
    /规则方案/,
  ],
  [
    'create: term ends before it starts',
    'books.create',
    () => ({ organisation: { ...ORG, termEnd: '2020-01-01' }, profile: { id: 'beijing-work-group' } }),
    'invalid-input',
    /任期结束/,
  ],
  [
    'create: bad custom override',
    'books.create',
    () => ({ organisation: ORG, profile: { id: 'custom', overrides: { 'committee.quorum.den': 0 } } }),
    'invalid-profile',
    /规则方案有误/,
  ],
  [
    'status: unknown book',
    'books.status',
    () => ({ bookId: '00000000-0000-0000-0000-000000000000' }),
    'book-not-found',
    /记录本|找不到/,
  ],
  [
    'join: wrong type for birth date',
    'members.join',
    join({ person: { ...member('甲', 'member').person, birthDate: 19700501 } }),
    'invalid-input',
    /出生日期/,
  ],
  [
    'join: impossible date',
    'members.join',
    join({ person: { ...member('甲', 'member').person, birthDate: '1970-02-30' } }),
    'invalid-input',
    /出生日期：不是有效日期/,
  ],
  ['join: year out of range', 'members.join', join({ joinedOn: '3025-01-01' }), 'invalid-input', /年份应在/],
  ['join: unknown role', 'members.join', join({ role: 'emperor' }), 'invalid-input', /职务/],
  ['join: missing approval', 'members.join', join({ approval: undefined }), 'invalid-input', /批复：必须填写/],
  [
    'join: NUL byte in name',
    'members.join',
    join({ person: { ...member('甲\u0000乙', 'member').person } }),
    'invalid-input',
    /控制字符/,
  ],
  [
    'join: bidi override in name',
    'members.join',
    join({ person: { ...member('张\u202e三', 'member').person } }),
    'invalid-input',
    /控制字符/,
  ],
  [
    'join: 10,000-character name',
    'members.join',
    join({ person: { ...member(LONG, 'member').person } }),
    'invalid-input',
    /名称：不能超过 50 个字/,
  ],
  [
    'leave: unknown member',
    'members.leave',
    () => ({
      bookId,
      memberId: 'nobody',
      leftOn: '2025-03-01',
      reason: '调动',
      approval: { docNo: '1号', date: '2025-03-01' },
    }),
    'not-found',
    /成员/,
  ],
  [
    'leave: before joining',
    'members.leave',
    () => ({
      bookId,
      memberId: ids[1],
      leftOn: '2020-03-01',
      reason: '调动',
      approval: { docNo: '1号', date: '2025-03-01' },
    }),
    'invalid-date',
    /离任日期不能早于加入日期/,
  ],
  [
    'role: unknown member',
    'members.changeRole',
    () => ({
      bookId,
      memberId: 'nobody',
      role: 'deputy',
      changedOn: '2025-03-01',
      reason: '调整',
      approval: { docNo: '1号', date: '2025-03-01' },
    }),
    'not-found',
    /成员/,
  ],
  ['meeting: number as text', 'meetings.seal', meeting({ number: '一' }), 'invalid-input', /会议次序/],
  ['meeting: month 13', 'meetings.seal', meeting({ startAt: '2025-13-01T09:00' }), 'invalid-input', /开始时间/],
  [
    'meeting: unknown member present',
    'meetings.seal',
    meeting({ presentIds: [...ids, 'ghost'] }),
    'not-found',
    /ghost/,
  ],
  ['meeting: no topics', 'meetings.seal', meeting({ topics: [] }), 'invalid-input', /议题：至少需要一项议题/],
  [
    'meeting: minutes over 20,000 characters',
    'meetings.seal',
    meeting({ minutes: LONG + LONG + LONG }),
    'invalid-input',
    /会议纪要：不能超过 20000 个字/,
  ],
  [
    'meeting: chair not present',
    'meetings.seal',
    () => ({ bookId, meeting: { ...meetingInput(ids, { present: ids.slice(0, 4) }), chairId: ids[4] } }),
    'rule-violation',
    /主持人/,
  ],
  [
    'meeting: end before start',
    'meetings.seal',
    meeting({ endAt: '2025-03-18T08:00' }),
    'invalid-input',
    /结束时间不能早于开始时间/,
  ],
  [
    'meeting: unknown book',
    'meetings.seal',
    () => ({ bookId: 'abcdef12', meeting: meetingInput(ids) }),
    'book-not-found',
    /记录本|找不到/,
  ],
  [
    'activity: unknown participant',
    'activities.seal',
    () => ({
      bookId,
      activity: {
        type: 'study',
        title: '学习',
        date: '2025-03-01',
        place: '会议室',
        organizer: '小组',
        participantIds: ['ghost'],
        content: '学习',
      },
    }),
    'not-found',
    /ghost/,
  ],
  [
    'activity: year 1900',
    'activities.seal',
    () => ({
      bookId,
      activity: {
        type: 'study',
        title: '学习',
        date: '1900-03-01',
        place: '会议室',
        organizer: '小组',
        content: '学习',
      },
    }),
    'invalid-input',
    /年份应在/,
  ],
  [
    'work: unknown type',
    'work.seal',
    () => ({ bookId, item: { type: 'party', title: 'x', date: '2025-03-01' } }),
    'invalid-input',
    /工作类型无效|类型/,
  ],
  [
    'work: filing for a non-meeting',
    'work.seal',
    () => ({ bookId, item: { type: 'filing', title: '备案', date: '2025-03-19', meetingSeq: 2, to: '党建委' } }),
    'not-found',
    /不是会议记录/,
  ],
  [
    'work: 述职 by unknown member',
    'work.seal',
    () => ({
      bookId,
      item: {
        type: 'annual-report',
        title: '述职',
        date: '2025-03-01',
        year: 2025,
        reporterId: 'ghost',
        work: 'a',
        problems: 'b',
        plan: 'c',
      },
    }),
    'not-found',
    /述职人/,
  ],
  [
    'correct: unknown entry',
    'entries.correct',
    () => ({ bookId, seq: 9999, field: '/input/place', value: 'x', reason: '笔误', by: '王记录' }),
    'not-found',
    /第 9999 条/,
  ],
  [
    'correct: computed result',
    'entries.correct',
    () => ({ bookId, seq: meetingSeq, field: '/computed/quorum/met', value: true, reason: '改结果', by: '王记录' }),
    'not-correctable',
    /规则判断结果/,
  ],
  [
    'correct: wrong type',
    'entries.correct',
    () => ({ bookId, seq: meetingSeq, field: '/input/number', value: '二', reason: '笔误', by: '王记录' }),
    'type-mismatch',
    /数字/,
  ],
  [
    'correct: missing field',
    'entries.correct',
    () => ({ bookId, seq: meetingSeq, field: '/input/nothing', value: 'x', reason: '笔误', by: '王记录' }),
    'field-not-found',
    /没有字段/,
  ],
  [
    'correct: makes the entry invalid',
    'entries.correct',
    () => ({ bookId, seq: meetingSeq, field: '/input/endAt', value: '2025-03-18T08:00', reason: '笔误', by: '王记录' }),
    'invalid-correction',
    /结束时间不能早于开始时间/,
  ],
  [
    'correct: genesis',
    'entries.correct',
    () => ({ bookId, seq: 1, field: '/name', value: 'x', reason: '笔误', by: '王记录' }),
    'not-correctable',
    /不能更正/,
  ],
  [
    'correct: no reason',
    'entries.correct',
    () => ({ bookId, seq: meetingSeq, field: '/input/place', value: 'x', by: '王记录' }),
    'invalid-input',
    /原因：必须填写/,
  ],
  [
    'attachment: not base64',
    'attachments.put',
    () => ({ bookId, fileName: 'a.pdf', mediaType: 'application/pdf', dataBase64: '!!!' }),
    'invalid-input',
    /编码无效/,
  ],
  [
    'attachment: empty',
    'attachments.put',
    () => ({ bookId, fileName: 'a.pdf', mediaType: 'application/pdf', dataBase64: '' }),
    'empty-file',
    /空文件/,
  ],
  ['calendar: garbage', 'calendar.import', () => ({ text: '{"year": "二〇二七"}' }), 'schedule-invalid', /./],
  ['get: seq zero', 'entries.get', () => ({ bookId, seq: 0 }), 'invalid-input', /记录序号：应为正整数/],
  ['list: limit too large', 'entries.list', () => ({ bookId, limit: 100_000 }), 'invalid-input', /数量/],
  ['list: year as text', 'entries.list', () => ({ bookId, year: '二〇二五' }), 'invalid-input', /年度/],
  [
    'verify: book id of the wrong shape',
    'books.verify',
    () => ({ bookId: '../../etc/passwd' }),
    'invalid-input',
    /记录本编号无效/,
  ],
  ['org: unknown book', 'org.get', () => ({ bookId: 'abcdef12' }), 'book-not-found', /记录本|找不到/],
  [
    'org update: form not allowed',
    'org.update',
    () => ({ bookId, organisation: { ...ORG, form: 'club' }, reason: '更名' }),
    'invalid-input',
    /组织形式/,
  ],
  ['org update: no reason', 'org.update', () => ({ bookId, organisation: ORG }), 'invalid-input', /原因：必须填写/],
  [
    'profile change: unknown profile',
    'profile.change',
    () => ({ bookId, profile: { id: 'x' }, reason: '调整' }),
    'invalid-input',
    /规则方案/,
  ],
  [
    'profile change: threshold above 1',
    'profile.change',
    () => ({
      bookId,
      profile: { id: 'custom', overrides: { 'committee.quorum': { num: 3, den: 2, strict: true } } },
      reason: '调整',
    }),
    'invalid-profile',
    /规则方案有误/,
  ],
  [
    'members: date of the wrong shape',
    'members.list',
    () => ({ bookId, on: '2025/03/01' }),
    'invalid-input',
    /日期格式/,
  ],
  [
    'check: votes as text',
    'entries.check',
    () => ({
      bookId,
      entry: { kind: 'meeting', meeting: { decisions: [{ votes: { for: '五', against: 0, abstain: 0 } }] } },
    }),
    'invalid-input',
    /同意票/,
  ],
  [
    'check: negative votes',
    'entries.check',
    () => ({
      bookId,
      entry: { kind: 'meeting', meeting: { decisions: [{ votes: { for: -1, against: 0, abstain: 0 } }] } },
    }),
    'invalid-input',
    /不能为负数/,
  ],
  ['attachment: unknown hash', 'attachments.get', () => ({ bookId, hash: 'a'.repeat(64) }), 'not-found', /附件/],
  [
    'attachment: hash of the wrong shape',
    'attachments.get',
    () => ({ bookId, hash: '../x' }),
    'invalid-input',
    /附件哈希|格式/,
  ],
  ['year ledger: year 1800', 'ledger.year', () => ({ bookId, year: 1800 }), 'invalid-input', /年度/],
];

describe('bad input is refused with a clear Chinese message and the book is unchanged', () => {
  it.each(CASES)('%s', async (_name, method, input, code, message) => {
    const before = await h.call('books.status', { bookId });
    const error = await h.call(method, input()).then(
      () => null,
      (e: unknown) => e as { code: string; message: string },
    );
    expect(error, 'call should have failed').not.toBeNull();
    expect(error!.code).toBe(code);
    expect(error!.message).toMatch(message);
    expect(error!.message).toMatch(/[\u4e00-\u9fff]/);
    const after = await h.call('books.status', { bookId });
    expect(after.size).toBe(before.size);
    expect(after.integrity.root).toBe(before.integrity.root);
  });

  it('stores hostile but legitimate text verbatim and still verifies', async () => {
    const hostile = `'; DROP TABLE entries; -- <script>alert(1)</script> ../../etc/passwd ${'${process.exit()}'} 𠀀😀`;
    const r = await h.call('activities.seal', {
      bookId,
      activity: {
        type: 'study',
        title: hostile.slice(0, 150),
        date: '2025-03-19',
        place: '会议室',
        organizer: '小组',
        content: hostile,
      },
    });
    const d = await h.call('entries.get', { bookId, seq: r.seq });
    expect((d.original as { input: { content: string } }).input.content).toBe(hostile.normalize('NFC'));
    expect((await h.call('books.verify', { bookId })).ok).toBe(true);
  });
});
