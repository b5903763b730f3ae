/** Roster changes: each is a sealed entry carrying the approval (批复) and the composition warnings. */
import { ServiceError, type MemberJoin, type MemberLeave, type MemberRoleChange, type MemberView, type RuleFlag } from '../contract';
import type { EntryInput } from '../ledger';
import { foldState, isActiveOn, viewMember, type BookState } from './book-state';
import { makeBody } from './entry-body';
import { checkMemberDetails, type MemberDetails } from '../rules';
import { compositionFlags } from './rule-checks';
import { notFound, sealResult, type ServiceContext } from './service-context';

/**
 * The entry for one member joining, with the composition warnings of the roster after it.
 * At set-up (`checkComposition: false`) the members join together, so only the whole roster is
 * checked, once, on the organisation's set-up entry.
 */
export function joinEntry(ctx: ServiceContext, state: BookState, join: MemberJoin, checkComposition = true): { entry: EntryInput; memberId: string; flags: RuleFlag[] } {
  const memberId = ctx.newId();
  const input = { memberId, ...join };
  const after = foldState([]);
  after.organisation = state.organisation;
  after.profile = state.profile;
  after.members = new Map(state.members);
  after.members.set(memberId, {
    memberId, person: join.person, joinedOn: join.joinedOn, joinRole: join.role, roleChanges: [], history: [],
  });
  const flags = checkComposition ? compositionFlags(after, join.joinedOn) : [];
  return { entry: { kind: 'member.join', body: makeBody(input, {}, flags) }, memberId, flags };
}

export function listMembers(ctx: ServiceContext, bookId: string, on?: string): MemberView[] {
  const date = on ?? ctx.today();
  const state = ctx.projection(bookId).state();
  return [...state.members.values()].map((m) => viewMember(m, date));
}

export function joinMember(ctx: ServiceContext, bookId: string, join: MemberJoin) {
  const state = ctx.projection(bookId).state();
  const dup = [...state.members.values()].find(
    (m) => m.person.name === join.person.name && m.person.birthDate === join.person.birthDate && isActiveOn(m, join.joinedOn),
  );
  if (dup) throw new ServiceError('member-exists', `成员“${join.person.name}”（${join.person.birthDate}）已在名册中`, 'person.name');
  const { entry, memberId, flags } = joinEntry(ctx, state, join);
  const [sealed] = ctx.seal(bookId, [entry]);
  return { ...sealResult(sealed!, flags), memberId };
}

export function leaveMember(ctx: ServiceContext, bookId: string, leave: MemberLeave) {
  const state = ctx.projection(bookId).state();
  const m = state.members.get(leave.memberId);
  if (!m) throw notFound('成员', leave.memberId, 'memberId');
  if (m.leftOn !== undefined) throw new ServiceError('member-left', `“${m.person.name}”已于 ${m.leftOn} 离任`, 'memberId');
  if (leave.leftOn < m.joinedOn) throw new ServiceError('invalid-date', `离任日期不能早于加入日期 ${m.joinedOn}`, 'leftOn');
  const after = structuredCloneState(state);
  after.members.get(leave.memberId)!.leftOn = leave.leftOn;
  const flags = compositionFlags(after, leave.leftOn);
  const [sealed] = ctx.seal(bookId, [{ kind: 'member.leave', body: makeBody(leave, {}, flags) }]);
  return sealResult(sealed!, flags);
}

export function changeRole(ctx: ServiceContext, bookId: string, change: MemberRoleChange) {
  const state = ctx.projection(bookId).state();
  const m = state.members.get(change.memberId);
  if (!m) throw notFound('成员', change.memberId, 'memberId');
  if (!isActiveOn(m, change.changedOn)) {
    throw new ServiceError('member-inactive', `“${m.person.name}”在 ${change.changedOn} 不在任，不能变更职务`, 'changedOn');
  }
  const after = structuredCloneState(state);
  after.members.get(change.memberId)!.roleChanges.push({ role: change.role, on: change.changedOn, seq: Number.MAX_SAFE_INTEGER });
  const flags = compositionFlags(after, change.changedOn);
  const [sealed] = ctx.seal(bookId, [{ kind: 'member.role', body: makeBody(change, {}, flags) }]);
  return sealResult(sealed!, flags);
}

function structuredCloneState(state: BookState): BookState {
  return { organisation: state.organisation, profile: state.profile, members: structuredClone(state.members) };
}


/** Warnings about one member's 备案表 details (a 中共党员 without 入党时间 …), for the join form before it is saved. */
export function checkMember(person: MemberDetails): { warnings: RuleFlag[] } {
  return { warnings: checkMemberDetails(person) };
}
