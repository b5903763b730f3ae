/**
 * The bridge between the book's state and the pure rules in db/rules: picks the profile,
 * maps the roster's roles onto the rules' generic leader/deputy/member, and turns rule
 * warnings into sealed flags.
 */
import { ServiceError, type MemberRole, type ProfileChoice, type ProfileView, type RuleFlag } from '../contract';
import { checkComposition, describeProfile, resolveProfile, type RuleProfile } from '../rules';
import { activeMembersOn, roleOn, type BookState } from './book-state';

type GenericRole = 'leader' | 'deputy' | 'member';

/** 组长/书记 lead; 副组长/副书记 deputise; everyone else is a member. */
export function genericRole(role: MemberRole): GenericRole {
  if (role === 'leader' || role === 'secretary') return 'leader';
  if (role === 'deputy' || role === 'deputy-secretary') return 'deputy';
  return 'member';
}

export function requireProfile(choice: ProfileChoice): RuleProfile {
  const r = resolveProfile(choice.id, choice.overrides);
  if (!r.ok) throw new ServiceError('invalid-profile', `规则方案有误：${r.errors.join('；')}`, 'profile');
  return r.profile;
}

export function profileOf(state: BookState): RuleProfile {
  return requireProfile(state.profile);
}

export function profileView(choice: ProfileChoice): ProfileView {
  const profile = requireProfile(choice);
  return { id: profile.id, label: profile.label, rules: describeProfile(profile), params: profile };
}

export function compositionFlags(state: BookState, on: string): RuleFlag[] {
  const profile = profileOf(state);
  const members = activeMembersOn(state, on).map((m) => ({
    id: m.memberId,
    name: m.person.name,
    role: genericRole(roleOn(m, on)),
    isCpcMember: m.person.isCpcMember,
    underDiscipline: m.person.underDiscipline,
  }));
  return checkComposition({ members, profile }).map((w) => ({ code: w.code, message: w.message }));
}
