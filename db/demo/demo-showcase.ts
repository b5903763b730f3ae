/**
 * The entries a newcomer's demo book shows on purpose, beside the ordinary year: a change of
 * the organisation record and of the rule profile, a 副组长 replaced and the new one sealed
 * without 入党时间 (corrected later: the correction of a field left empty), members who do
 * not meet the group's conditions (not a CPC member, under a sanction) and their departure,
 * and a handover in which the new 组长 is sealed before the old one leaves. Each roster step
 * carries the service's composition warnings, so every rule flag of the profile appears.
 */
import type { MemberRole, PersonDetails } from '../contract';
import { addDays, at, chineseDate } from './demo-dates';
import type { DemoBookState } from './demo-book-state';
import type { RosterMember } from './demo-roster';
import { BOOK, memberRef, seqRef, type DemoStep } from './demo-step';

/** The key under which the seq of the member sealed without 入党时间 is kept. */
const MISSING_DATE_KEY = 'seq:join-without-party-date';

export function buildContactChange(book: DemoBookState, recordAt: string): DemoStep {
  const previous = book.organisation.contactPerson;
  book.organisation = { ...book.organisation, contactPerson: book.people.staff() };
  return book.step(
    'org.update',
    {
      bookId: BOOK,
      organisation: book.organisation,
      reason: `学会秘书处人员调整，联系人由${previous}变更为${book.organisation.contactPerson}`,
    },
    recordAt,
  );
}

/** The group sets itself a stricter rule than the minimum: a meeting every quarter. */
export function buildProfileChange(book: DemoBookState, recordAt: string): DemoStep {
  return book.step(
    'profile.change',
    {
      bookId: BOOK,
      profile: { id: 'beijing-work-group', overrides: { 'meetings.meetingsPerYear': 4 } },
      reason: '经党建工作小组会议研究，本小组自行规定每季度至少召开一次党建工作小组会（严于规则每年不少于2次的要求）',
    },
    recordAt,
  );
}

function leaveStep(
  book: DemoBookState,
  m: RosterMember,
  date: string,
  reason: string,
  approval: { docNo: string; date: string },
  recordAt: string,
): DemoStep {
  book.roster.leave(m, date);
  return book.step(
    'members.leave',
    { bookId: BOOK, memberId: memberRef(m.key), leftOn: date, reason, approval },
    recordAt,
  );
}

function joinStep(
  book: DemoBookState,
  person: PersonDetails,
  role: MemberRole,
  date: string,
  note: string,
  approval: { docNo: string; date: string },
  recordAt: string,
  extra: Partial<DemoStep> = {},
): DemoStep {
  const key = book.roster.newKey();
  book.roster.add(key, person, role, date);
  return book.step('members.join', { bookId: BOOK, person, role, joinedOn: date, approval, note }, recordAt, {
    saveAs: `member:${key}`,
    ...extra,
  });
}

/** The 副组长 leaves (for a week the group has none, and four members). */
export function buildDeputyLeaves(book: DemoBookState, date: string): DemoStep[] {
  const deputy = book.roster.withRole(date, 'deputy')[0];
  if (!deputy) return [];
  const approval = book.approval(addDays(date, -5));
  return [leaveStep(book, deputy, date, '工作调动，不再担任学会秘书长', approval, at(date, 10 * 60))];
}

/** The new 副组长, sealed without 入党时间 (the 备案表 was incomplete that day). */
export function buildDeputyJoins(book: DemoBookState, date: string): DemoStep[] {
  const approval = book.approval(addDays(date, -4));
  const { partyJoinDate: _left, ...person } = book.people.member(date, '秘书长');
  return [
    joinStep(book, person, 'deputy', date, '接任副组长', approval, at(date, 10 * 60), { saveSeqAs: MISSING_DATE_KEY }),
  ];
}

/** 入党时间 added by correction once the member's party record was checked. */
export function buildPartyDateCorrection(book: DemoBookState, date: string): DemoStep[] {
  const joined = book.roster.activeOn(date).find((m) => m.person.isCpcMember && m.person.partyJoinDate === undefined);
  if (!joined) return [];
  const partyJoinDate = addDays(joined.person.birthDate, 365 * 24 + 120);
  joined.person = { ...joined.person, partyJoinDate };
  return [
    book.step(
      'entries.correct',
      {
        bookId: BOOK,
        seq: seqRef(MISSING_DATE_KEY.slice('seq:'.length)),
        field: '/input/person/partyJoinDate',
        value: partyJoinDate,
        reason: `补填入党时间：成员加入时未填写，经核对本人党员档案为${chineseDate(partyJoinDate)}`,
        by: book.recorder,
      },
      at(date, 15 * 60),
    ),
  ];
}

/** Two members proposed by the board who do not meet the conditions (000 第二章); the 批复 is recorded as it came. */
export function buildDoubtfulJoins(book: DemoBookState, date: string): DemoStep[] {
  const approval = book.approval(addDays(date, -6));
  const notCpc: PersonDetails = { ...book.people.member(date, '理事'), isCpcMember: false };
  delete notCpc.partyJoinDate;
  const sanctioned: PersonDetails = { ...book.people.member(date, '常务理事'), underDiscipline: true };
  return [
    joinStep(
      book,
      notCpc,
      'member',
      date,
      '理事会推荐增补（政治面貌：群众），待党建委审核',
      approval,
      at(date, 10 * 60 + 6),
    ),
    joinStep(
      book,
      sanctioned,
      'member',
      date,
      '理事会推荐增补（处分期未满），待党建委审核',
      approval,
      at(date, 10 * 60 + 12),
    ),
  ];
}

/** …and their departure once the supervising office has reviewed the group. */
export function buildDoubtfulLeave(book: DemoBookState, date: string): DemoStep[] {
  const doubtful = book.roster.activeOn(date).filter((m) => !m.person.isCpcMember || m.person.underDiscipline);
  const approval = book.approval(addDays(date, -3));
  return doubtful.map((m, i) =>
    leaveStep(
      book,
      m,
      date,
      '经党建委审核，不符合党建工作小组成员条件，予以调整',
      approval,
      at(date, 10 * 60 + 6 * (i + 1)),
    ),
  );
}

/** The new 组长 is sealed first (for a moment the group has two), then the old one leaves. */
export function buildLeaderHandover(book: DemoBookState, date: string): DemoStep[] {
  const old = book.roster.withRole(date, 'leader')[0];
  if (!old) return [];
  const approval = book.approval(addDays(date, -5));
  const person = book.people.member(date, '理事长');
  return [
    joinStep(book, person, 'leader', date, '新任理事长，接任组长', approval, at(date, 10 * 60 + 6)),
    leaveStep(book, old, date, '不再担任学会理事长，组长职务由新任理事长接任', approval, at(date, 10 * 60 + 12)),
  ];
}
