/**
 * Quorum, decisions and chairing of a meeting, by profile.
 *
 * Counting convention: `expected` and `present` are MEMBERS of the body only (应到/实到).
 * 列席 attendees are never counted in either and never vote (000: 列席人员不具有表决权); build
 * the counts with `countAttendance`, which refuses a 列席 person who is a member.
 */
import type { MeetingRules, MemberRole, RuleProfile } from './profile-schema';
import type { Outcome, RuleWarning } from './outcome';
import { fail, findInvalidCount, succeed } from './outcome';
import { describeThreshold, meetsThreshold, minimumToMeet } from './thresholds';

/** Which meeting: the body's own (小组会/支委会) or the members' assembly (党员大会). */
export type MeetingBody = 'committee' | 'assembly';

export interface QuorumInput {
  expected: number;
  present: number;
  profile: RuleProfile;
  body?: MeetingBody;
}

export interface QuorumEvaluation {
  met: boolean;
  /** The minimum number present that satisfies the rule. */
  required: number;
  /** The rule in words, e.g. 超过应到人数的2/3. */
  rule: string;
  message: string;
}

export interface Votes {
  for: number;
  against: number;
  abstain: number;
}

export interface DecisionInput {
  present: number;
  /** Needed only when the profile counts votes against those expected (党员大会). */
  expected?: number;
  votes: Votes;
  profile: RuleProfile;
  body?: MeetingBody;
}

export interface DecisionEvaluation {
  passed: boolean;
  /** The minimum number of votes FOR that passes. */
  required: number;
  rule: string;
  /** Present members who cast no vote (neither for, against nor abstain). */
  notVoting: number;
  message: string;
}

function selectRules(profile: RuleProfile, body: MeetingBody): Outcome<MeetingRules> {
  if (body === 'committee') return succeed(profile.committee);
  if (profile.assembly) return succeed(profile.assembly);
  return fail({ code: 'rule-not-applicable', message: `“${profile.label}”未规定党员大会的会议规则` });
}

export function evaluateQuorum(input: QuorumInput): Outcome<QuorumEvaluation> {
  const { expected, present, profile, body = 'committee' } = input;
  const invalid = findInvalidCount({ 应到人数: expected, 实到人数: present });
  if (invalid) return fail(invalid);
  if (expected === 0)
    return fail({ code: 'no-expected-members', message: '应到人数为0，无法判断会议是否有效，请先登记成员' });
  if (present > expected) {
    return fail({
      code: 'present-exceeds-expected',
      message: `实到${present}人多于应到${expected}人。列席人员不计入实到人数，请核对`,
    });
  }
  const rules = selectRules(profile, body);
  if (!rules.ok) return rules;
  const t = rules.value.quorum;
  const required = minimumToMeet(expected, t);
  const met = meetsThreshold(present, expected, t);
  const rule = describeThreshold(t, '应到人数');
  const head = `应到${expected}人，实到${present}人；规则要求${rule}（至少${required}人）`;
  return succeed({
    met,
    required,
    rule,
    message: met ? `${head}，会议有效。` : `${head}，到会人数不足，会议无效，不能作出决定。`,
  });
}

export function evaluateDecision(input: DecisionInput): Outcome<DecisionEvaluation> {
  const { present, expected, votes, profile, body = 'committee' } = input;
  const invalid = findInvalidCount({
    实到人数: present,
    同意票: votes.for,
    反对票: votes.against,
    弃权票: votes.abstain,
    ...(expected === undefined ? {} : { 应到人数: expected }),
  });
  if (invalid) return fail(invalid);
  const cast = votes.for + votes.against + votes.abstain;
  if (cast > present) {
    return fail({
      code: 'votes-exceed-present',
      message: `同意${votes.for}、反对${votes.against}、弃权${votes.abstain}，合计${cast}票，多于实到${present}人。列席人员没有表决权，请核对表决结果`,
    });
  }
  const rules = selectRules(profile, body);
  if (!rules.ok) return rules;
  const { decision, decisionBase } = rules.value;
  let base = present;
  if (decisionBase === 'expected') {
    if (expected === undefined) {
      return fail({ code: 'expected-required', message: '该会议以应到人数为表决基数，请提供应到人数' });
    }
    if (present > expected) {
      return fail({ code: 'present-exceeds-expected', message: `实到${present}人多于应到${expected}人，请核对` });
    }
    base = expected;
  }
  const rule = describeThreshold(decision, decisionBase === 'present' ? '实到人数' : '应到人数');
  const required = minimumToMeet(base, decision);
  const passed = cast > 0 && meetsThreshold(votes.for, base, decision);
  const notVoting = present - cast;
  const tally = `同意${votes.for}票，反对${votes.against}票，弃权${votes.abstain}票${notVoting > 0 ? `，未表决${notVoting}人` : ''}`;
  return succeed({
    passed,
    required,
    rule,
    notVoting,
    message: `${tally}；须经${rule}同意（至少${required}票），${passed ? '表决通过' : '表决未通过'}。`,
  });
}

/**
 * Is the chair allowed by the profile? `chairRole` null means the chair is not a member.
 * `delegated`: the leader delegated chairing (委托). A warning, never a block.
 */
export function checkChair(chairRole: MemberRole | null, profile: RuleProfile, delegated = false): RuleWarning | null {
  if (chairRole !== null && profile.chairs.regular.includes(chairRole)) return null;
  if (chairRole !== null && profile.chairs.delegates.includes(chairRole)) {
    return delegated
      ? null
      : {
          code: 'chair-delegation-missing',
          message: `由${profile.roleLabels[chairRole]}主持会议，须经${profile.roleLabels.leader}委托，请注明委托情况`,
        };
  }
  const who = chairRole === null ? '非成员' : profile.roleLabels[chairRole];
  const allowed = [...profile.chairs.regular, ...profile.chairs.delegates].map((r) => profile.roleLabels[r]).join('或');
  return {
    code: 'chair-not-allowed',
    message: `本会议由${who}主持，与规则不符：应由${allowed}主持（${profile.chairs.source}）`,
  };
}
