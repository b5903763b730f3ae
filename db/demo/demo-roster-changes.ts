/**
 * Changes to the group: founding roster, a member replaced, the group enlarged or reduced,
 * a new leader. Each change is approved by the supervising office first (批复), and every
 * step of one change carries that approval. The total stays odd (000 第二章) once the
 * change is complete; in between, the service's composition warnings are the honest record.
 */
import type { MemberJoin, MemberRole } from '../contract';
import { addDays, at } from './demo-dates';
import type { DemoBookState } from './demo-book-state';
import type { RosterMember } from './demo-roster';
import { BOOK, memberRef, type DemoStep } from './demo-step';

export type RosterChange = 'replace' | 'enlarge' | 'reduce' | 'new-leader';

const LEAVE_REASONS = [
  '工作调动，不再担任学会职务',
  '年龄原因，本人申请不再担任党建工作小组成员',
  '退休',
  '因健康原因辞去党建工作小组成员职务',
];
const NEW_POSTS = ['常务理事', '理事', '副秘书长', '专业委员会主任委员'];

/** The five founders: 组长 1, 副组长 1, 成员 3 (000 第二章: 组长1名，副组长1－2名，成员数为奇数). */
export function foundingMembers(
  book: DemoBookState,
  joinedOn: string,
  approval: { docNo: string; date: string },
): { members: MemberJoin[]; keys: string[] } {
  const posts: [MemberRole, string][] = [
    ['leader', '理事长'],
    ['deputy', '秘书长'],
    ['member', '副理事长'],
    ['member', '常务理事'],
    ['member', '常务理事'],
  ];
  const keys: string[] = [];
  const members = posts.map(([role, post]) => {
    const key = book.roster.newKey();
    const person = book.people.member(joinedOn, post);
    book.roster.add(key, person, role, joinedOn);
    keys.push(key);
    return { person, role, joinedOn, approval, note: '党建工作小组成立时的成员' };
  });
  return { members, keys };
}

/** Whether `change` keeps the group between 5 and 9 with a leader and a deputy on `date`. */
export function changeFits(book: DemoBookState, change: RosterChange, date: string): boolean {
  const size = book.roster.activeOn(date).length;
  if (change === 'enlarge') return size <= 7;
  if (change === 'reduce') return size >= 7 && book.roster.withRole(date, 'member').length >= 2;
  if (change === 'new-leader') return book.roster.withRole(date, 'deputy').length >= 1;
  return book.roster.withRole(date, 'member').length >= 1;
}

export function buildRosterChange(book: DemoBookState, change: RosterChange, date: string): DemoStep[] {
  const approval = book.approval(addDays(date, -book.random.int(3, 8)));
  let minute = 10 * 60;
  const next = () => at(date, (minute += 6));
  const { roster, random } = book;
  const steps: DemoStep[] = [];
  const leave = (m: RosterMember, reason: string) => {
    roster.leave(m, date);
    steps.push(
      book.step('members.leave', { bookId: BOOK, memberId: memberRef(m.key), leftOn: date, reason, approval }, next()),
    );
  };
  const join = (role: MemberRole, note: string) => {
    const key = roster.newKey();
    const person = book.people.member(date, random.pick(NEW_POSTS));
    roster.add(key, person, role, date);
    steps.push(
      book.step('members.join', { bookId: BOOK, person, role, joinedOn: date, approval, note }, next(), {
        saveAs: `member:${key}`,
      }),
    );
  };
  const members = roster.withRole(date, 'member');
  if (change === 'replace') {
    leave(random.pick(members), random.pick(LEAVE_REASONS));
    join('member', '接替离任成员');
  } else if (change === 'enlarge') {
    join('member', '党建工作小组增补成员');
    join('member', '党建工作小组增补成员');
    // A larger group takes its second deputy (副组长1－2名) from the members.
    if (roster.withRole(date, 'deputy').length < 2 && members.length > 0) {
      const promoted = random.pick(members);
      roster.changeRole(promoted, 'deputy', date);
      steps.push(
        book.step(
          'members.changeRole',
          {
            bookId: BOOK,
            memberId: memberRef(promoted.key),
            role: 'deputy',
            changedOn: date,
            reason: '党建工作小组增补成员后增设一名副组长',
            approval,
          },
          next(),
        ),
      );
    }
  } else if (change === 'reduce') {
    for (const m of random.sample(members, 2)) leave(m, random.pick(LEAVE_REASONS));
  } else {
    const leader = roster.withRole(date, 'leader')[0]!;
    const deputy = roster.withRole(date, 'deputy')[0]!;
    leave(leader, '到龄退休，不再担任组长');
    roster.changeRole(deputy, 'leader', date);
    steps.push(
      book.step(
        'members.changeRole',
        {
          bookId: BOOK,
          memberId: memberRef(deputy.key),
          role: 'leader',
          changedOn: date,
          reason: '原组长离任，经理事会推荐，由副组长接任组长',
          approval,
        },
        next(),
      ),
    );
    join('deputy', '接任副组长');
  }
  return steps;
}
