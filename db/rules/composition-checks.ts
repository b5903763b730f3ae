/**
 * Composition of the body against the profile (000 第二章, 002 第五条). Warnings only: the
 * record of who actually serves is never blocked by a rule it breaks (DOMAIN.md: check, warn,
 * never block the record); the warning is what the liaison and the supervising office see.
 */
import type { MemberRole, RuleProfile } from './profile-schema';
import type { RuleWarning } from './outcome';

export interface CompositionMember {
  id: string;
  name: string;
  role: MemberRole;
  isCpcMember: boolean;
  /** Serving a party or administrative disciplinary sanction (党纪、政纪处分期间). */
  underDiscipline?: boolean;
}

export interface CompositionInput {
  /** Current members of the body (after every approved change). */
  members: readonly CompositionMember[];
  profile: RuleProfile;
}

function describeRange(min: number, max: number | null): string {
  if (max === null) return `至少${min}名`;
  return min === max ? `${min}名` : `${min}–${max}名`;
}

export function checkComposition({ members, profile }: CompositionInput): RuleWarning[] {
  const rules = profile.composition;
  const labels = profile.roleLabels;
  const organ = profile.organLabel;
  const warnings: RuleWarning[] = [];
  const leaders = members.filter((m) => m.role === 'leader');
  const deputies = members.filter((m) => m.role === 'deputy');
  const total = members.length;

  if (total === 0) {
    return [{ code: 'no-members', message: `${organ}尚未登记成员` }];
  }
  if (leaders.length < rules.leaders.min) {
    warnings.push({
      code: 'no-leader',
      message: `${organ}没有${labels.leader}（应设${describeRange(rules.leaders.min, rules.leaders.max)}）`,
    });
  } else if (rules.leaders.max !== null && leaders.length > rules.leaders.max) {
    warnings.push({
      code: 'multiple-leaders',
      message: `${organ}有${leaders.length}名${labels.leader}（${leaders.map((m) => m.name).join('、')}），应为${describeRange(rules.leaders.min, rules.leaders.max)}`,
    });
  }
  if (rules.deputies) {
    const { min, max } = rules.deputies;
    if (deputies.length < min || (max !== null && deputies.length > max)) {
      warnings.push({
        code: 'deputies-out-of-range',
        message: `${organ}有${deputies.length}名${labels.deputy}，规则要求${describeRange(min, max)}`,
      });
    }
  }
  if (rules.oddTotal && total % 2 === 0) {
    warnings.push({ code: 'even-total', message: `${organ}现有成员${total}人，规则要求成员数为奇数` });
  }
  if (rules.maxSize !== null && total > rules.maxSize) {
    warnings.push({ code: 'over-max-size', message: `${organ}现有成员${total}人，超过规则规定的${rules.maxSize}人` });
  }
  for (const m of members) {
    if (!m.isCpcMember && rules.allCpcMembers) {
      warnings.push({
        code: 'non-cpc-member',
        memberId: m.id,
        message: `${labels[m.role]}“${m.name}”不是中共党员，规则要求${organ}成员须为中共党员`,
      });
    } else if (!m.isCpcMember && m.role === 'leader' && rules.leaderMustBeCpc) {
      warnings.push({
        code: 'leader-not-cpc',
        memberId: m.id,
        message: `${labels.leader}“${m.name}”不是中共党员，规则要求${labels.leader}由中共党员担任`,
      });
    }
    if (m.underDiscipline && rules.noneUnderDiscipline) {
      warnings.push({
        code: 'member-under-discipline',
        memberId: m.id,
        message: `“${m.name}”正处于党纪或政纪处分期间，原则上不得担任${organ}成员`,
      });
    }
  }
  return warnings;
}
