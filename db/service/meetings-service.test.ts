import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FIVE, member, openHarness, type Harness } from './test/service-harness';
import { ORG } from './test/service-harness';
import { meetingInput } from './test/meeting-fixtures';
import type { MeetingCheckInput } from '../contract';

let h: Harness;
afterEach(() => h.cleanup());

/** A meeting's rule results as the live panel and the confirmation read them: `entries.check`. */
async function evaluate(bookId: string, meeting: MeetingCheckInput) {
  const check = await h.call('entries.check', { bookId, entry: { kind: 'meeting', meeting } });
  expect(check.evaluation).toBeDefined();
  return check.evaluation!;
}

async function bookWith(profile: string, people = FIVE) {
  const status = await h.call('books.create', { organisation: ORG, profile: { id: profile }, members: people });
  const members = await h.call('members.list', { bookId: status.bookId });
  return { bookId: status.bookId, ids: members.map((m) => m.memberId) };
}

const SIX = [...FIVE, member('周洁', 'member', { gender: '女' })];

describe('quorum through the service, per profile', () => {
  beforeEach(() => {
    h = openHarness('2025-03-20T10:00');
  });

  // Beijing: present must be MORE than 2/3 of expected. Six expected: 4 is exactly 2/3.
  it.each([
    ['beijing-work-group', 6, 3, false],
    ['beijing-work-group', 6, 4, false],
    ['beijing-work-group', 6, 5, true],
    ['beijing-work-group', 5, 4, true],
    ['suzhou-leading-group', 6, 3, true],
    ['suzhou-leading-group', 6, 2, false],
    ['qinghai-branch', 6, 3, true],
    ['qinghai-branch', 5, 2, false],
  ] as const)('%s: %i expected, %i present → quorate %s', async (profile, size, present, met) => {
    const { bookId, ids } = await bookWith(profile, size === 6 ? SIX : FIVE);
    const m = meetingInput(ids, { present: ids.slice(0, present) });
    const ev = await evaluate(bookId, m);
    expect(ev.expected).toHaveLength(size);
    expect(ev.presentCount).toBe(present);
    expect(ev.quorum.met).toBe(met);
    expect(ev.flags.some((f) => f.code === 'inquorate')).toBe(!met);
  });

  it('列席 guests are never counted as expected or present', async () => {
    const { bookId, ids } = await bookWith('beijing-work-group', SIX);
    const guests = Array.from({ length: 10 }, (_, i) => ({ name: `列席人员${i + 1}`, unit: '市科协' }));
    const ev = await evaluate(bookId, meetingInput(ids, { present: ids.slice(0, 4), guests }));
    expect(ev.expected).toHaveLength(6);
    expect(ev.presentCount).toBe(4);
    expect(ev.quorum.met).toBe(false);
  });

  it('refuses to seal an absent member without a leave note, naming the member, and seals nothing', async () => {
    const { bookId, ids } = await bookWith('beijing-work-group');
    const before = (await h.call('books.status', { bookId })).size;
    const m = meetingInput(ids, { present: ids.slice(0, 4), leaveNote: '' });
    await expect(h.call('meetings.seal', { bookId, meeting: m })).rejects.toMatchObject({
      code: 'rule-violation',
      message: expect.stringContaining('陈晨'),
      field: 'absent.0.leaveNote',
    });
    expect((await h.call('books.status', { bookId })).size).toBe(before);
  });

  it('records an inquorate meeting as it happened, with a sealed flag, and its decisions invalid', async () => {
    const { bookId, ids } = await bookWith('beijing-work-group', SIX);
    const r = await h.call('meetings.seal', {
      bookId,
      meeting: meetingInput(ids, { present: ids.slice(0, 4), votes: [[4, 0, 0]] }),
    });
    expect(r.evaluation.quorum.met).toBe(false);
    expect(r.evaluation.decisions[0]).toMatchObject({
      passed: false,
      message: expect.stringContaining('未达到法定人数'),
    });
    expect(r.flags.map((f) => f.code)).toContain('inquorate');
    const detail = await h.call('entries.get', { bookId, seq: r.seq });
    expect((detail.original as { flags: { code: string }[] }).flags.map((f) => f.code)).toContain('inquorate');
  });

  it('votes with abstentions: Beijing passes at exactly half of those present, Suzhou needs more than half', async () => {
    for (const [profile, passed] of [
      ['beijing-work-group', true],
      ['suzhou-leading-group', false],
    ] as const) {
      const { bookId, ids } = await bookWith(profile, SIX);
      const ev = await evaluate(bookId, meetingInput(ids, { votes: [[3, 1, 2]] }));
      expect(ev.decisions[0]!.passed, profile).toBe(passed);
    }
  });

  it('live check reports an absent chair and a merged meeting before sealing', async () => {
    const { bookId, ids } = await bookWith('beijing-work-group');
    const m = { ...meetingInput(ids, { present: ids.slice(0, 4) }), chairId: ids[4], heldSeparately: false };
    const ev = await evaluate(bookId, m);
    expect(ev.errors).toContainEqual({
      code: 'rule-violation',
      field: 'chairId',
      message: expect.stringContaining('主持人'),
    });
    expect(ev.flags.map((f) => f.code)).toContain('not-held-separately');
  });

  it('the yearly written summary (Qinghai) is owed until it is recorded', async () => {
    const { bookId, ids } = await bookWith('qinghai-branch');
    const owes = async () =>
      (await h.call('ledger.year', { bookId, year: 2025 })).items.find((i) => i.code === 'annual-summary');
    expect((await owes())?.ok).toBe(false);
    await h.call('work.seal', {
      bookId,
      item: {
        type: 'annual-summary',
        title: '2025年度党建工作总结',
        date: '2025-03-20',
        year: 2025,
        work: '全年召开支委会。',
        problems: '学习不够深入。',
        plan: '加强学习。',
      },
    });
    expect((await owes())?.ok).toBe(true);
    expect(ids.length).toBe(5);
  });

  it('does not count a members’ assembly as one of the group’s own meetings in the yearly ledger', async () => {
    const { bookId, ids } = await bookWith('qinghai-branch');
    await h.call('meetings.seal', { bookId, meeting: { ...meetingInput(ids), type: 'members-assembly' } });
    await h.call('meetings.seal', { bookId, meeting: meetingInput(ids, { number: 2 }) });
    const year = await h.call('ledger.year', { bookId, year: 2025 });
    expect(year.meetingsHeld).toBe(1);
  });

  it('refuses votes that exceed those present', async () => {
    const { bookId, ids } = await bookWith('beijing-work-group');
    await expect(
      h.call('meetings.seal', { bookId, meeting: meetingInput(ids, { votes: [[5, 1, 0]] }) }),
    ).rejects.toMatchObject({
      field: 'decisions.0.votes',
    });
  });

  it('computes the filing deadline in Chinese working days across the Spring Festival', async () => {
    h.setNow('2025-01-24T18:00');
    const { bookId, ids } = await bookWith('beijing-work-group');
    const r = await h.call('meetings.seal', { bookId, meeting: meetingInput(ids, { startAt: '2025-01-24T09:00' }) });
    // 2025-01-26 (Sun) is a 调休 working day; 01-28..02-04 are the holiday.
    expect(r.evaluation.filing.deadline).toBe('2025-02-05');
  });

  it('flags a meeting recorded days after it was held, and refuses one in the future', async () => {
    h.setNow('2025-03-28T10:00');
    const { bookId, ids } = await bookWith('beijing-work-group');
    const late = await h.call('meetings.seal', { bookId, meeting: meetingInput(ids, { startAt: '2025-03-18T09:30' }) });
    expect(late.flags.map((f) => f.code)).toContain('late-recording');
    await expect(
      h.call('meetings.seal', { bookId, meeting: meetingInput(ids, { startAt: '2025-04-18T09:30' }) }),
    ).rejects.toMatchObject({
      code: 'future-date',
      field: 'startAt',
    });
  });

  it('elections: the 4/5 presence rule and the 20% competitive margin (Qinghai)', async () => {
    const { bookId, ids } = await bookWith('qinghai-branch');
    const election = (present: number, candidates: number) => ({
      body: '支部委员会',
      votingExpected: 50,
      votingPresent: present,
      ballotsCast: present,
      seats: 5,
      competitive: true,
      byElection: false,
      candidates: [1, 3, 5, 11, 16, present - 10, present - 12]
        .slice(0, candidates)
        .map((d, i) => ({ name: `候选人${i + 1}`, votes: present - d })),
    });
    const ev = async (p: number, c: number) =>
      (await evaluate(bookId, { ...meetingInput(ids), election: election(p, c) })).election!;
    expect((await ev(41, 6)).thresholdMet).toBe(true);
    expect((await ev(40, 6)).thresholdMet).toBe(false); // exactly 4/5 is not "more than"
    expect((await ev(41, 5)).marginMet).toBe(false);
    expect((await ev(41, 6)).elected).toHaveLength(5);
  });
});

describe('who chairs', () => {
  beforeEach(() => {
    h = openHarness('2025-03-20T10:00');
  });

  it('a deputy chairing is flagged unless the leader delegated it (Beijing)', async () => {
    const { bookId, ids } = await bookWith('beijing-work-group');
    const deputyChairs = { ...meetingInput(ids), chairId: ids[1]! };
    const without = await evaluate(bookId, deputyChairs);
    expect(without.flags.map((f) => f.code)).toContain('chair-delegation-missing');
    const delegated = await evaluate(bookId, { ...deputyChairs, chairDelegated: true });
    expect(delegated.flags.map((f) => f.code)).not.toContain('chair-delegation-missing');
    const member = await evaluate(bookId, { ...meetingInput(ids), chairId: ids[2]!, chairDelegated: true });
    expect(member.flags.map((f) => f.code)).toContain('chair-not-allowed');
  });
});
