/**
 * Checks of one member's 备案表 details, before the join is sealed. Warnings only (DOMAIN.md:
 * check, warn, never block the record): a detail missing from the form is still a record.
 */
import type { RuleWarning } from './outcome';

export interface MemberDetails {
  name?: string | undefined;
  isCpcMember?: boolean | undefined;
  /** 入党时间 */
  partyJoinDate?: string | undefined;
}

export function checkMemberDetails(person: MemberDetails): RuleWarning[] {
  const warnings: RuleWarning[] = [];
  if (person.isCpcMember === true && !person.partyJoinDate) {
    const who = person.name ? `${person.name}是中共党员` : '该成员是中共党员';
    warnings.push({
      code: 'party-join-date-missing',
      message: `${who}，但未填写入党时间：备案表应写明入党时间。可以先保存，以后以更正补上。`,
    });
  }
  return warnings;
}
