/**
 * What the screen shows before sealing IS what the seal does: for each case the check
 * (`entries.check`) is called, then the same input is sealed at the same clock, and
 * - the flags shown before equal the flags sealed (in the result AND in the sealed body),
 * - a meeting's rule results shown before equal those sealed,
 * - a blocking problem means the seal is refused with the same code, field and message, and
 *   nothing is sealed.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EntryCheck, EntryCheckKind, MeetingDraft } from '../contract';
import { FIVE, member, openHarness, ORG, type Harness } from './test/service-harness';
import { meetingInput } from './test/meeting-fixtures';

const NOW = '2025-03-20T10:00';
const APPROVAL = { docNo: '京科协党建〔2025〕3号', date: '2025-03-01' };

interface Book {
  bookId: string;
  ids: string[];
  meetingSeq: number;
}

interface Case {
  name: string;
  kind: EntryCheckKind;
  profile?: string;
  input: (b: Book) => Record<string, unknown>;
  /** Codes of the flags the check shows and the seal records, in order. */
  flags: string[];
  /** Code (and field) of the first blocking problem: the seal must refuse with it. */
  blocks?: { code: string; field: string; message?: RegExp };
  /** Something the case is about, beyond the codes. */
  also?: (check: EntryCheck) => void;
}

const WRAPPER: Record<EntryCheckKind, string> = {
  meeting: 'meeting',
  activity: 'activity',
  work: 'item',
  'member.join': 'join',
  'member.leave': 'leave',
  'member.role': 'change',
};
const SEAL: Record<
  EntryCheckKind,
  'meetings.seal' | 'activities.seal' | 'work.seal' | 'members.join' | 'members.leave' | 'members.changeRole'
> = {
  meeting: 'meetings.seal',
  activity: 'activities.seal',
  work: 'work.seal',
  'member.join': 'members.join',
  'member.leave': 'members.leave',
  'member.role': 'members.changeRole',
};
/** Member changes are the method's input itself; the others are wrapped. */
const sealInput = (kind: EntryCheckKind, bookId: string, input: Record<string, unknown>) =>
  kind.startsWith('member.') ? { bookId, ...input } : { bookId, [WRAPPER[kind]]: input };

const activity = (over: Record<string, unknown> = {}) => ({
  type: 'study',
  title: '学习全会精神',
  date: '2025-03-19',
  place: '学会会议室',
  organizer: '党建工作小组',
  participantIds: [] as string[],
  content: '集体学习',
  ...over,
});
const work = (over: Record<string, unknown>) => ({ title: '工作', date: '2025-03-19', ...over });
const election = (over: Record<string, unknown> = {}) => ({
  body: '支部委员会',
  votingExpected: 5,
  votingPresent: 5,
  ballotsCast: 5,
  seats: 3,
  competitive: true,
  byElection: false,
  candidates: [5, 4, 3, 1].map((votes, i) => ({ name: `候选人${i + 1}`, votes })),
  ...over,
});
const assembly = (b: Book, over: Partial<MeetingDraft> = {}, present = b.ids) => ({
  ...meetingInput(b.ids, { present }),
  type: 'members-assembly',
  ...over,
});

const CASES: Case[] = [
  {
    name: 'meeting, clean: recorded two days after, quorate, passed',
    kind: 'meeting',
    input: (b) => meetingInput(b.ids),
    flags: [],
    also: (c) => {
      expect(c.blocking).toEqual([]);
      expect(c.passed.join()).toMatch(/记录及时.*2天后/);
      expect(c.passed.join()).toContain('出席情况完整：应到5人，实到5人');
      expect(c.evaluation?.quorum.met).toBe(true);
    },
  },
  {
    name: 'meeting recorded ten days after it was held',
    kind: 'meeting',
    input: (b) => meetingInput(b.ids, { startAt: '2025-03-10T09:30' }),
    flags: ['late-recording'],
    also: (c) => expect(c.flags[0]!.message).toMatch(/10天后.*才记录，超过3天/),
  },
  {
    name: 'meeting in the future',
    kind: 'meeting',
    input: (b) => meetingInput(b.ids, { startAt: '2025-03-21T09:30' }),
    flags: [],
    blocks: { code: 'future-date', field: 'startAt', message: /会议开始时间为2025年3月21日 09:30，晚于今天/ },
  },
  {
    name: 'meeting without a quorum (3 of 5, Beijing: more than 2/3)',
    kind: 'meeting',
    input: (b) => meetingInput(b.ids, { present: b.ids.slice(0, 3) }),
    flags: ['inquorate'],
    also: (c) => expect(c.evaluation?.decisions[0]?.passed).toBe(false),
  },
  {
    name: 'meeting with a failed vote (2 of 5 for)',
    kind: 'meeting',
    input: (b) => meetingInput(b.ids, { votes: [[2, 2, 1]] }),
    flags: [],
    also: (c) =>
      expect(c.evaluation?.decisions[0]).toMatchObject({
        passed: false,
        message: expect.stringContaining('表决未通过') as string,
      }),
  },
  {
    name: 'meeting: an absent member without a leave note',
    kind: 'meeting',
    input: (b) => meetingInput(b.ids, { present: b.ids.slice(0, 4), leaveNote: '' }),
    flags: [],
    blocks: { code: 'rule-violation', field: 'absent.0.leaveNote', message: /陈晨/ },
  },
  {
    name: 'meeting chaired by the deputy without delegation',
    kind: 'meeting',
    input: (b) => ({ ...meetingInput(b.ids), chairId: b.ids[1] }),
    flags: ['chair-delegation-missing'],
  },
  {
    name: 'meeting merged with the board, recorded late',
    kind: 'meeting',
    input: (b) => ({ ...meetingInput(b.ids, { startAt: '2025-03-12T09:30' }), heldSeparately: false }),
    flags: ['not-held-separately', 'late-recording'],
  },
  {
    name: 'assembly election: 10 expected / 9 present typed, 5 on the roster',
    kind: 'meeting',
    profile: 'qinghai-branch',
    input: (b) => assembly(b, { election: election({ votingExpected: 10, votingPresent: 9, ballotsCast: 9 }) }),
    flags: [],
    blocks: { code: 'election-expected-exceeds-roster', field: 'election.votingExpected', message: /只有5人/ },
    also: (c) => expect(c.blocking.map((p) => p.code)).toContain('election-present-exceeds-attendance'),
  },
  {
    name: 'assembly election: more voters present than recorded present',
    kind: 'meeting',
    profile: 'qinghai-branch',
    input: (b) => assembly(b, { election: election({ votingPresent: 5, ballotsCast: 5 }) }, b.ids.slice(0, 4)),
    flags: [],
    blocks: { code: 'election-present-exceeds-attendance', field: 'election.votingPresent' },
  },
  {
    name: 'assembly election: fewer voters than party members is sealed as a flag',
    kind: 'meeting',
    profile: 'qinghai-branch',
    input: (b) =>
      assembly(b, {
        election: election({
          votingExpected: 4,
          votingPresent: 4,
          ballotsCast: 4,
          candidates: [4, 4, 3, 1].map((votes, i) => ({ name: `候选人${i + 1}`, votes })),
        }),
      }),
    flags: ['election-counts-differ'],
  },
  {
    name: 'assembly election below 4/5 present',
    kind: 'meeting',
    profile: 'qinghai-branch',
    input: (b) =>
      assembly(
        b,
        {
          election: election({
            votingPresent: 4,
            ballotsCast: 4,
            candidates: [4, 3, 3, 1].map((votes, i) => ({ name: `候选人${i + 1}`, votes })),
          }),
        },
        b.ids.slice(0, 4),
      ),
    flags: ['election-invalid'],
    also: (c) => expect(c.evaluation?.election?.thresholdMet).toBe(false),
  },
  {
    name: 'activity, clean',
    kind: 'activity',
    input: (b) => activity({ participantIds: b.ids.slice(0, 3) }),
    flags: [],
    also: (c) => expect(c.passed.join()).toContain('参加成员均为活动当天在任的成员'),
  },
  {
    name: 'activity recorded 4 days after',
    kind: 'activity',
    input: () => activity({ date: '2025-03-16' }),
    flags: ['late-recording'],
    also: (c) => expect(c.flags[0]!.message).toBe('事项发生于2025年3月16日，4天后（2025年3月20日）才记录，超过3天。'),
  },
  {
    name: 'activity in the future',
    kind: 'activity',
    input: () => activity({ date: '2025-03-22' }),
    flags: [],
    blocks: { code: 'future-date', field: 'date', message: /活动日期为2025年3月22日，晚于今天（2025年3月20日）/ },
  },
  {
    name: 'activity with an unknown participant',
    kind: 'activity',
    input: () => activity({ participantIds: ['ghost'] }),
    flags: [],
    blocks: { code: 'not-found', field: 'participantIds.0', message: /ghost/ },
  },
  {
    name: 'work item recorded 19 days after',
    kind: 'work',
    input: () => work({ type: 'other', date: '2025-03-01', content: '整理档案' }),
    flags: ['late-recording'],
  },
  {
    name: 'work item in the future',
    kind: 'work',
    input: () => work({ type: 'other', date: '2025-04-01', content: '整理档案' }),
    flags: [],
    blocks: { code: 'future-date', field: 'date' },
  },
  {
    name: 'filing after the deadline (meeting of 03-03, filed 03-19)',
    kind: 'work',
    input: (b) => work({ type: 'filing', meetingSeq: b.meetingSeq, to: '市科协党建委办公室' }),
    flags: ['filing-late'],
  },
  {
    name: 'filing of an entry that is not a meeting',
    kind: 'work',
    input: () => work({ type: 'filing', meetingSeq: 2, to: '党建委' }),
    flags: [],
    blocks: { code: 'not-found', field: 'meetingSeq', message: /不是会议记录/ },
  },
  {
    name: '述职 by someone not on the roster',
    kind: 'work',
    input: () =>
      work({ type: 'annual-report', year: 2025, reporterId: 'ghost', work: '工作', problems: '问题', plan: '计划' }),
    flags: [],
    blocks: { code: 'not-found', field: 'reporterId' },
  },
  {
    name: 're-election whose term ends before it starts',
    kind: 'work',
    input: () => work({ type: 're-election', newTermStart: '2025-06-01', newTermEnd: '2025-05-01', content: '换届' }),
    flags: [],
    blocks: { code: 'invalid-date', field: 'newTermEnd' },
  },
  {
    name: 'a sixth member, not a party member, joins (Beijing)',
    kind: 'member.join',
    input: () => ({
      ...member('孙立', 'member', { isCpcMember: false, partyJoinDate: undefined }),
      joinedOn: '2025-03-18',
      approval: APPROVAL,
    }),
    flags: ['even-total', 'non-cpc-member'],
  },
  {
    name: 'a member already on the roster joins again (the flags still show)',
    kind: 'member.join',
    input: () => ({ ...member('王强', 'member'), approval: APPROVAL }),
    flags: ['even-total'],
    blocks: { code: 'member-exists', field: 'person.name' },
  },
  {
    name: 'a member leaves: the group becomes even',
    kind: 'member.leave',
    input: (b) => ({ memberId: b.ids[2], leftOn: '2025-03-18', reason: '工作调动', approval: APPROVAL }),
    flags: ['even-total'],
  },
  {
    name: 'a member leaves before joining',
    kind: 'member.leave',
    input: (b) => ({ memberId: b.ids[2], leftOn: '2020-03-18', reason: '工作调动', approval: APPROVAL }),
    flags: [],
    blocks: { code: 'invalid-date', field: 'leftOn' },
  },
  {
    name: 'a second leader',
    kind: 'member.role',
    input: (b) => ({
      memberId: b.ids[2],
      role: 'leader',
      changedOn: '2025-03-18',
      reason: '调整分工',
      approval: APPROVAL,
    }),
    flags: ['multiple-leaders'],
  },
  {
    name: 'a role change before the member joined',
    kind: 'member.role',
    input: (b) => ({
      memberId: b.ids[2],
      role: 'deputy',
      changedOn: '2020-01-01',
      reason: '调整分工',
      approval: APPROVAL,
    }),
    flags: [],
    blocks: { code: 'member-inactive', field: 'changedOn' },
  },
  {
    name: 'the only deputy becomes a member',
    kind: 'member.role',
    input: (b) => ({
      memberId: b.ids[1],
      role: 'member',
      changedOn: '2025-03-18',
      reason: '调整分工',
      approval: APPROVAL,
    }),
    flags: ['deputies-out-of-range'],
  },
];

let h: Harness;
beforeEach(() => {
  h = openHarness('2025-03-03T12:00');
});
afterEach(() => h.cleanup());

async function openBook(profile: string): Promise<Book> {
  const { bookId } = await h.call('books.create', { organisation: ORG, profile: { id: profile }, members: FIVE });
  const ids = (await h.call('members.list', { bookId })).map((m) => m.memberId);
  // A meeting held and sealed on 03-03, for the filing cases.
  const { seq } = await h.call('meetings.seal', {
    bookId,
    meeting: meetingInput(ids, { startAt: '2025-03-03T09:30', number: 9 }),
  });
  h.setNow(NOW);
  return { bookId, ids, meetingSeq: seq };
}

describe('the checks shown before sealing are the checks sealed', () => {
  it.each(CASES.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const b = await openBook(c.profile ?? 'beijing-work-group');
    const input = c.input(b);
    const check = await h.call('entries.check', {
      bookId: b.bookId,
      entry: { kind: c.kind, [WRAPPER[c.kind]]: input },
    });
    expect(check.kind).toBe(c.kind);
    expect(check.flags.map((f) => f.code)).toEqual(c.flags);
    c.also?.(check);
    const before = (await h.call('books.status', { bookId: b.bookId })).size;

    if (c.blocks) {
      expect(check.blocking[0]).toMatchObject({ code: c.blocks.code, field: c.blocks.field });
      if (c.blocks.message) expect(check.blocking[0]!.message).toMatch(c.blocks.message);
      const first = check.blocking[0]!;
      const refused = h.call(SEAL[c.kind], sealInput(c.kind, b.bookId, input));
      await expect(refused).rejects.toMatchObject({ code: first.code, field: first.field, message: first.message });
      expect((await h.call('books.status', { bookId: b.bookId })).size).toBe(before);
      return;
    }

    expect(check.blocking).toEqual([]);
    const sealed = await h.call(SEAL[c.kind], sealInput(c.kind, b.bookId, input));
    expect(sealed.flags).toEqual(check.flags);
    const entry = await h.call('entries.get', { bookId: b.bookId, seq: sealed.seq });
    expect((entry.original as { flags: unknown }).flags).toEqual(check.flags);
    expect(entry.summary.flags).toEqual(check.flags);
    if (c.kind === 'meeting') {
      expect((entry.original as { computed: unknown }).computed).toEqual(check.evaluation);
    }
  });

  it('every kind is covered, and so is every outcome', () => {
    const kinds = new Set(CASES.map((c) => c.kind));
    expect([...kinds].sort()).toEqual(Object.keys(WRAPPER).sort());
    for (const kind of kinds) {
      expect(
        CASES.some((c) => c.kind === kind && c.blocks),
        `${kind}: a blocking case`,
      ).toBe(true);
      expect(
        CASES.some((c) => c.kind === kind && !c.blocks && c.flags.length > 0),
        `${kind}: a flagged case`,
      ).toBe(true);
    }
  });
});

describe('the check reads the seal clock', () => {
  it('a draft checked today shows the late-recording flag it will have when sealed today', async () => {
    const b = await openBook('beijing-work-group');
    const draft = { date: '2025-03-18' };
    const early = await h.call('entries.check', { bookId: b.bookId, entry: { kind: 'activity', activity: draft } });
    expect(early.flags).toEqual([]);
    h.setNow('2025-03-25T10:00');
    const later = await h.call('entries.check', { bookId: b.bookId, entry: { kind: 'activity', activity: draft } });
    expect(later.flags.map((f) => f.code)).toEqual(['late-recording']);
  });

  it('an incomplete draft is checked for what it has, without inventing problems', async () => {
    const b = await openBook('beijing-work-group');
    const empty = await h.call('entries.check', { bookId: b.bookId, entry: { kind: 'work', item: {} } });
    expect(empty).toMatchObject({ blocking: [], flags: [] });
    const join = await h.call('entries.check', {
      bookId: b.bookId,
      entry: { kind: 'member.join', join: { person: {} } },
    });
    expect(join).toMatchObject({ blocking: [], flags: [] });
  });

  it('refuses an unknown kind with a Chinese message', async () => {
    const b = await openBook('beijing-work-group');
    await expect(h.call('entries.check', { bookId: b.bookId, entry: { kind: 'org.update' } })).rejects.toMatchObject({
      code: 'invalid-input',
      message: expect.stringContaining('记录类别无效') as string,
    });
  });
});
