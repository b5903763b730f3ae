/**
 * Every rule flag a sealed entry can carry (a warning recorded with the entry, never a block),
 * with its Chinese name and whether a profile can raise it at all. The rules in this folder
 * and the service's sealing produce exactly these codes (db/demo's test checks the sources
 * against this list, and that the demo book shows each one its profile can raise).
 */
import type { RuleProfile } from './profile-schema';

export interface RuleFlagSpec {
  label: string;
  /** False when `profile` never raises the flag (the rule it checks is not part of the profile). */
  applies: (profile: RuleProfile) => boolean;
}

const always = () => true;

export const RULE_FLAGS = {
  'late-recording': { label: '事后超过3天才记录', applies: always },
  'filing-late': { label: '会议纪要备案逾期', applies: (p) => p.filing.workingDays !== null },
  'calendar-missing': { label: '缺少该年的节假日安排', applies: (p) => p.filing.workingDays !== null },
  inquorate: { label: '未达到法定人数', applies: always },
  'chair-not-allowed': { label: '主持人与规则不符', applies: always },
  'chair-delegation-missing': { label: '未注明主持委托', applies: (p) => p.chairs.delegates.length > 0 },
  'not-held-separately': { label: '未单独召开', applies: (p) => p.meetings.separateFromBoard },
  'correspondence-not-allowed': { label: '不允许以通讯形式召开', applies: (p) => !p.meetings.correspondenceAllowed },
  'election-invalid': { label: '选举无效', applies: (p) => p.election !== null },
  'election-counts-differ': { label: '选举人数与出席情况不一致', applies: (p) => p.election !== null },
  'no-members': { label: '尚未登记成员', applies: always },
  'no-leader': { label: '没有负责人', applies: (p) => p.composition.leaders.min > 0 },
  'multiple-leaders': { label: '负责人人数超过规定', applies: (p) => p.composition.leaders.max !== null },
  'deputies-out-of-range': { label: '副职人数不符', applies: (p) => p.composition.deputies !== null },
  'even-total': { label: '成员数不是奇数', applies: (p) => p.composition.oddTotal },
  'over-max-size': { label: '成员数超过上限', applies: (p) => p.composition.maxSize !== null },
  'non-cpc-member': { label: '成员不是中共党员', applies: (p) => p.composition.allCpcMembers },
  // Checked only when not every member must be a CPC member (else non-cpc-member says it).
  'leader-not-cpc': {
    label: '负责人不是中共党员',
    applies: (p) => p.composition.leaderMustBeCpc && !p.composition.allCpcMembers,
  },
  'member-under-discipline': { label: '成员处于处分期间', applies: (p) => p.composition.noneUnderDiscipline },
} satisfies Record<string, RuleFlagSpec>;

export type RuleFlagCode = keyof typeof RULE_FLAGS;
export const RULE_FLAG_CODES = Object.keys(RULE_FLAGS) as RuleFlagCode[];

/** The flags `profile` can raise, in the list's order. */
export function flagsRaisedBy(profile: RuleProfile): RuleFlagCode[] {
  return RULE_FLAG_CODES.filter((code) => RULE_FLAGS[code].applies(profile));
}
