/**
 * The rules of a profile in Chinese sentences, generated from its parameters (so an override
 * shows as it is, never as the source text said): the full lines for the settings screen and
 * the printed book, one summary line for the wizard's choice, and the parameters a 自定义
 * profile lets the organisation set (with their wording and bounds).
 */
import type { MeetingRules, RuleProfile } from './profile-schema';
import { describeRequirement, describeThreshold, type Threshold } from './thresholds';

/** One parameter a 自定义 profile may set, as the settings show it; `key` is its override path. */
export type CustomRuleParameter =
  | { key: string; kind: 'count'; label: string; unit: string; min: number; max: number; value: number }
  | { key: string; kind: 'threshold'; label: string; base: string; value: Threshold }
  | {
      key: string;
      kind: 'days';
      label: string;
      unit: string;
      min: number;
      max: number;
      value: number | null;
      emptyMeans: string;
    };

const DECISION_BASE = { present: '实到人数', expected: '应到人数' } as const;

/** The parameters of `profile` a 自定义 profile exposes, with `profile`'s values. */
export function customRuleParameters(profile: RuleProfile): CustomRuleParameter[] {
  return [
    {
      key: 'meetings.meetingsPerYear',
      kind: 'count',
      label: '每年至少召开会议',
      unit: '次',
      min: 0,
      max: 24,
      value: profile.meetings.meetingsPerYear,
    },
    {
      key: 'committee.quorum',
      kind: 'threshold',
      label: '到会人数',
      base: '应到人数',
      value: profile.committee.quorum,
    },
    {
      key: 'committee.decision',
      kind: 'threshold',
      label: '决议通过',
      base: DECISION_BASE[profile.committee.decisionBase],
      value: profile.committee.decision,
    },
    {
      key: 'filing.workingDays',
      kind: 'days',
      label: '纪要备案期限',
      unit: '个工作日',
      min: 1,
      max: 60,
      value: profile.filing.workingDays,
      emptyMeans: '不设备案期限',
    },
  ];
}

/**
 * One line for choosing between profiles: meetings, quorum, decision, composition, election, filing;
 * the thresholds in the very words of the rule lines (`describeRequirement` after 须, 须经…同意).
 */
export function summarizeProfile(profile: RuleProfile): string {
  const { meetings, committee, composition: c, election, filing } = profile;
  const parts = [
    meetings.perHalfYear
      ? `每半年至少召开 1 次${profile.meetingLabel}`
      : `每年至少召开 ${meetings.meetingsPerYear} 次${profile.meetingLabel}`,
    `到会须${describeRequirement(committee.quorum, '应到人数')}`,
    `决议须经${describeThreshold(committee.decision, DECISION_BASE[committee.decisionBase])}同意`,
  ];
  if (c.maxSize !== null) parts.push(`成员不超过 ${c.maxSize} 人${c.oddTotal ? '且为奇数' : ''}`);
  else if (c.oddTotal) parts.push('成员数为奇数');
  if (election) {
    parts.push(
      `选举到会须${describeRequirement(election.presentThreshold, '应到会有选举权人数')}，差额须${describeRequirement(election.competitiveMargin, '应选人数')}`,
    );
  }
  parts.push(
    filing.workingDays === null
      ? '纪要不设备案期限'
      : `纪要 ${filing.workingDays} 个工作日内报${filing.filedWith || '上级党组织'}备案`,
  );
  return `${parts.join('；')}。`;
}

function describeMeetingRules(name: string, rules: MeetingRules): string {
  const quorum = describeRequirement(rules.quorum, '应到人数');
  const decision = describeThreshold(rules.decision, rules.decisionBase === 'present' ? '实到人数' : '应到人数');
  return `${name}：到会人数须${quorum}方为有效；表决须经${decision}同意方为通过（弃权不计为同意，列席人员不计入人数、无表决权）。`;
}

export function describeProfile(profile: RuleProfile): string[] {
  const { meetings, composition: c, roleLabels: r, filing, election } = profile;
  const lines: string[] = [];
  lines.push(
    meetings.perHalfYear
      ? `${profile.meetingLabel}每半年至少召开一次（每年至少${meetings.meetingsPerYear}次）。`
      : `${profile.meetingLabel}每年不少于${meetings.meetingsPerYear}次。`,
  );
  if (meetings.correspondenceAllowed) lines.push('如遇重大或急办事项可通过通讯形式临时召开。');
  if (meetings.separateFromBoard) lines.push(`${profile.meetingLabel}必须单独召开，不得与理事会等会议合并召开。`);
  lines.push(describeMeetingRules(profile.meetingLabel, profile.committee));
  if (profile.assembly) lines.push(describeMeetingRules('党员大会', profile.assembly));
  lines.push(
    filing.workingDays === null
      ? '未规定会议纪要的备案时限。'
      : `会议纪要应在形成后${filing.workingDays}个工作日内报送${filing.filedWith || '上级党组织'}备案（工作日按国家法定节假日及调休安排计算）。`,
  );

  const makeup: string[] = [];
  const leaders = c.leaders.max === c.leaders.min ? `${c.leaders.min}名` : `${c.leaders.min}名以上`;
  makeup.push(`设${r.leader}${leaders}`);
  if (c.deputies) {
    const { min, max } = c.deputies;
    makeup.push(
      max === null
        ? min === 0
          ? `可设${r.deputy}`
          : `${r.deputy}至少${min}名`
        : `${r.deputy}${min === max ? min : `${min}－${max}`}名`,
    );
  }
  if (c.maxSize !== null) makeup.push(`成员一般不超过${c.maxSize}人`);
  if (c.oddTotal) makeup.push('成员数为奇数');
  if (c.allCpcMembers) makeup.push('成员须为中共党员');
  else if (c.leaderMustBeCpc) makeup.push(`${r.leader}须为中共党员`);
  if (c.noneUnderDiscipline) makeup.push('党纪、政纪处分期间的人员原则上不得担任成员');
  lines.push(`组成：${makeup.join('，')}。`);

  const chairs = profile.chairs.regular.map((x) => r[x]).join('或');
  const delegates = profile.chairs.delegates.map((x) => r[x]).join('或');
  lines.push(`会议由${chairs}召集并主持${delegates ? `，可委托${delegates}主持` : ''}。`);
  lines.push(profile.attendees.allowed ? '相关人员可列席，列席人员不具有表决权。' : '不安排列席。');
  if (profile.absence.leaveNoteRequired) {
    lines.push(`因故不能出席的成员须事先请假${profile.absence.writtenOpinionAllowed ? '，可书面表达意见' : ''}。`);
  }
  if (election) {
    lines.push(
      `选举：有选举权的党员到会须${describeRequirement(election.presentThreshold, '应到会有选举权人数')}；` +
        `委员${election.competitiveRequiredForGeneral ? '实行差额选举' : '可差额选举'}，差额须${describeRequirement(election.competitiveMargin, '应选人数')}；` +
        `被选举人赞成票须${describeRequirement(election.electedThreshold, '实到会有选举权人数')}始得当选` +
        `${election.uncontestedByElectionAllowed ? '；补选可等额选举' : ''}${election.secretBallot ? '；采用无记名投票' : ''}。`,
    );
  }
  if (profile.yearlyReports.leaderReport) lines.push(`${r.leader}每年进行述职。`);
  if (profile.yearlyReports.annualSummary) lines.push('每年提交一次书面工作总结。');
  return lines;
}
