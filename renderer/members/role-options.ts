/** Which roles fit which form of organisation (work groups have 组长; branches have 书记). */
import { MEMBER_ROLES, type MemberRole, type OrgForm } from '../../db/contract';

const GROUP_ROLES: MemberRole[] = ['leader', 'deputy', 'member'];
const BRANCH_ROLES: MemberRole[] = [
  'secretary',
  'deputy-secretary',
  'organisation',
  'propaganda',
  'discipline',
  'committee-member',
];

export function rolesFor(form: OrgForm | undefined): MemberRole[] {
  if (form === 'work-group' || form === 'leading-group') return GROUP_ROLES;
  if (form) return BRANCH_ROLES;
  return [...GROUP_ROLES, ...BRANCH_ROLES];
}

export function roleOptions(form: OrgForm | undefined) {
  return rolesFor(form).map((r) => ({ value: r, label: MEMBER_ROLES[r] }));
}

/** The person who leads: 组长 in a group, 书记 in a branch. */
export function isLeaderRole(role: string): boolean {
  return role === 'leader' || role === 'secretary';
}

export function leaderRoleFor(form: OrgForm | undefined): MemberRole {
  return form === 'work-group' || form === 'leading-group' || !form ? 'leader' : 'secretary';
}
