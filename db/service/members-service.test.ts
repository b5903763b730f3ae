import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FIVE, member, openHarness, ORG, type Harness } from './test/service-harness';

let h: Harness;
beforeEach(() => {
  h = openHarness('2025-03-20T10:00');
});
afterEach(() => h.cleanup());

const flagsOf = async (bookId: string) => (await h.call('entries.list', { bookId, limit: 500 })).items;

describe('composition checks warn, are sealed, and never block', () => {
  it('a valid set-up carries no warnings; members joining together are checked once, as a roster', async () => {
    const { bookId } = await h.call('books.create', {
      organisation: ORG,
      profile: { id: 'beijing-work-group' },
      members: FIVE,
    });
    expect((await flagsOf(bookId)).flatMap((i) => i.flags)).toEqual([]);
  });

  it('an even-sized group without a deputy is recorded, with the warnings on the set-up entry only', async () => {
    const four = [member('甲', 'leader'), member('乙', 'member'), member('丙', 'member'), member('丁', 'member')];
    const { bookId } = await h.call('books.create', {
      organisation: ORG,
      profile: { id: 'beijing-work-group' },
      members: four,
    });
    const items = await flagsOf(bookId);
    const setup = items.find((i) => i.kind === 'org.setup')!;
    expect(setup.flags.length).toBeGreaterThanOrEqual(2);
    expect(setup.flags.map((f) => f.message).join()).toMatch(/奇数|单数/);
    expect(items.filter((i) => i.kind === 'member.join').flatMap((i) => i.flags)).toEqual([]);
  });

  it('a member leaving that makes the group even is sealed with the warning', async () => {
    const { bookId } = await h.call('books.create', {
      organisation: ORG,
      profile: { id: 'beijing-work-group' },
      members: FIVE,
    });
    const [, , third] = await h.call('members.list', { bookId });
    const r = await h.call('members.leave', {
      bookId,
      memberId: third!.memberId,
      leftOn: '2025-03-01',
      reason: '工作调动',
      approval: { docNo: '京科协党建〔2025〕3号', date: '2025-02-28' },
    });
    expect(r.flags.map((f) => f.message).join()).toMatch(/奇数|单数/);
    const roster = await h.call('members.list', { bookId });
    expect(roster.filter((m) => m.active)).toHaveLength(4);
    const org = await h.call('org.get', { bookId });
    expect(org.memberCount).toBe(4);
    expect(org.composition.length).toBeGreaterThan(0);
  });

  it('role changes apply from their date', async () => {
    const { bookId } = await h.call('books.create', {
      organisation: ORG,
      profile: { id: 'beijing-work-group' },
      members: FIVE,
    });
    const roster = await h.call('members.list', { bookId });
    const wang = roster.find((m) => m.person.name === '王强')!;
    await h.call('members.changeRole', {
      bookId,
      memberId: wang.memberId,
      role: 'deputy',
      changedOn: '2025-03-10',
      reason: '工作需要',
      approval: { docNo: '京科协党建〔2025〕5号', date: '2025-03-08' },
    });
    const before = await h.call('members.list', { bookId, on: '2025-03-09' });
    const after = await h.call('members.list', { bookId, on: '2025-03-10' });
    expect(before.find((m) => m.memberId === wang.memberId)!.roleLabel).toBe('成员');
    expect(after.find((m) => m.memberId === wang.memberId)!.roleLabel).toBe('副组长');
  });
});
