/**
 * Roster changes: each is a sealed entry carrying the approval (批复) and the composition
 * warnings of the roster after it. `checkJoin`/`checkLeave`/`checkRoleChange` (behind
 * `entries.check`) are the very checks sealing runs: a duplicate member, an unknown member or
 * an impossible date blocks; a composition the profile does not allow is sealed as a flag.
 */
import type {
  EntryCheck,
  MemberJoin,
  MemberLeave,
  MemberRole,
  MemberRoleChange,
  MemberView,
  PersonDetails,
  RuleFlag,
} from '../contract';
import type { EntryInput } from '../ledger';
import { foldState, isActiveOn, viewMember, type BookState } from './book-state';
import { CheckBuilder, refuseBlocked } from './check-parts';
import { makeBody } from './entry-body';
import { checkMemberDetails, type MemberDetails } from '../rules';
import { compositionFlags } from './rule-checks';
import { sealResult, type ServiceContext } from './service-context';

/** What the join check looks at; a dialog's draft may lack any of it. */
export interface JoinCheck {
  person: {
    name?: string | undefined;
    birthDate?: string | undefined;
    isCpcMember?: boolean | undefined;
    underDiscipline?: boolean | undefined;
  };
  role?: MemberRole | undefined;
  joinedOn?: string | undefined;
}
export interface LeaveCheck {
  memberId: string;
  leftOn?: string | undefined;
}
export interface RoleCheck {
  memberId: string;
  role?: MemberRole | undefined;
  changedOn?: string | undefined;
}

/** The roster with one more member, as the composition rules see it. */
function withJoined(
  state: BookState,
  memberId: string,
  join: JoinCheck & { role: MemberRole; joinedOn: string },
): BookState {
  const after = foldState([]);
  after.organisation = state.organisation;
  after.profile = state.profile;
  after.members = new Map(state.members);
  const person = { name: '新成员', isCpcMember: true, underDiscipline: false, ...join.person } as PersonDetails;
  after.members.set(memberId, {
    memberId,
    person,
    joinedOn: join.joinedOn,
    joinRole: join.role,
    roleChanges: [],
    history: [],
  });
  return after;
}

function composition(c: CheckBuilder, after: BookState, on: string): CheckBuilder {
  const flags = compositionFlags(after, on);
  flags.forEach((f) => c.flag(f.code, f.message));
  if (flags.length === 0) c.pass('变更后的组成符合规则方案的要求。');
  return c;
}

export function checkJoin(ctx: ServiceContext, bookId: string, join: JoinCheck, now: Date): EntryCheck {
  const state = ctx.projection(bookId).state();
  const c = new CheckBuilder('member.join', now);
  const { name, birthDate } = join.person;
  const dup =
    join.joinedOn === undefined
      ? undefined
      : [...state.members.values()].find(
          (m) => m.person.name === name && m.person.birthDate === birthDate && isActiveOn(m, join.joinedOn!),
        );
  if (dup) c.block('member-exists', 'person.name', `成员“${name}”（${birthDate}）已在名册中`);
  if (join.role !== undefined && join.joinedOn !== undefined) {
    composition(
      c,
      withJoined(state, 'checking-new-member', { ...join, role: join.role, joinedOn: join.joinedOn }),
      join.joinedOn,
    );
  }
  return c.result();
}

/**
 * The entry for one member joining, with the composition warnings of the roster after it.
 * At set-up (`checkComposition: false`) the members join together, so only the whole roster is
 * checked, once, on the organisation's set-up entry.
 */
export function joinEntry(
  ctx: ServiceContext,
  state: BookState,
  join: MemberJoin,
  checkComposition = true,
): { entry: EntryInput; memberId: string; flags: RuleFlag[] } {
  const memberId = ctx.newId();
  const input = { memberId, ...join };
  const flags = checkComposition ? compositionFlags(withJoined(state, memberId, join), join.joinedOn) : [];
  return { entry: { kind: 'member.join', body: makeBody(input, {}, flags) }, memberId, flags };
}

export function listMembers(ctx: ServiceContext, bookId: string, on?: string): MemberView[] {
  const date = on ?? ctx.today();
  const state = ctx.projection(bookId).state();
  return [...state.members.values()].map((m) => viewMember(m, date));
}

export function joinMember(ctx: ServiceContext, bookId: string, join: MemberJoin) {
  const check = checkJoin(ctx, bookId, join, ctx.clock());
  refuseBlocked(check);
  const memberId = ctx.newId();
  // The flags are the check's: the same roster, the same rules.
  const [sealed] = ctx.seal(bookId, [{ kind: 'member.join', body: makeBody({ memberId, ...join }, {}, check.flags) }]);
  return { ...sealResult(sealed!, check.flags), memberId };
}

export function checkLeave(ctx: ServiceContext, bookId: string, leave: LeaveCheck, now: Date): EntryCheck {
  const state = ctx.projection(bookId).state();
  const c = new CheckBuilder('member.leave', now);
  const m = state.members.get(leave.memberId);
  if (!m) return c.block('not-found', 'memberId', `找不到成员：${leave.memberId}`).result();
  if (m.leftOn !== undefined) c.block('member-left', 'memberId', `“${m.person.name}”已于 ${m.leftOn} 离任`);
  else if (leave.leftOn !== undefined && leave.leftOn < m.joinedOn)
    c.block('invalid-date', 'leftOn', `离任日期不能早于加入日期 ${m.joinedOn}`);
  if (leave.leftOn !== undefined && c.blocking.length === 0) {
    const after = cloneState(state);
    after.members.get(leave.memberId)!.leftOn = leave.leftOn;
    composition(c, after, leave.leftOn);
  }
  return c.result();
}

export function leaveMember(ctx: ServiceContext, bookId: string, leave: MemberLeave) {
  const check = checkLeave(ctx, bookId, leave, ctx.clock());
  refuseBlocked(check);
  const [sealed] = ctx.seal(bookId, [{ kind: 'member.leave', body: makeBody(leave, {}, check.flags) }]);
  return sealResult(sealed!, check.flags);
}

export function checkRoleChange(ctx: ServiceContext, bookId: string, change: RoleCheck, now: Date): EntryCheck {
  const state = ctx.projection(bookId).state();
  const c = new CheckBuilder('member.role', now);
  const m = state.members.get(change.memberId);
  if (!m) return c.block('not-found', 'memberId', `找不到成员：${change.memberId}`).result();
  if (change.changedOn === undefined) return c.result();
  if (!isActiveOn(m, change.changedOn)) {
    return c
      .block('member-inactive', 'changedOn', `“${m.person.name}”在 ${change.changedOn} 不在任，不能变更职务`)
      .result();
  }
  if (change.role !== undefined) {
    const after = cloneState(state);
    after.members
      .get(change.memberId)!
      .roleChanges.push({ role: change.role, on: change.changedOn, seq: Number.MAX_SAFE_INTEGER });
    composition(c, after, change.changedOn);
  }
  return c.result();
}

export function changeRole(ctx: ServiceContext, bookId: string, change: MemberRoleChange) {
  const check = checkRoleChange(ctx, bookId, change, ctx.clock());
  refuseBlocked(check);
  const [sealed] = ctx.seal(bookId, [{ kind: 'member.role', body: makeBody(change, {}, check.flags) }]);
  return sealResult(sealed!, check.flags);
}

function cloneState(state: BookState): BookState {
  return { organisation: state.organisation, profile: state.profile, members: structuredClone(state.members) };
}

/** Warnings about one member's 备案表 details (a 中共党员 without 入党时间 …), for the join form before it is saved. */
export function checkMember(person: MemberDetails): { warnings: RuleFlag[] } {
  return { warnings: checkMemberDetails(person) };
}
