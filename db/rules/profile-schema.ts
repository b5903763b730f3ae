/**
 * The shape of a rule profile: every number a rule depends on, as data.
 *
 * The organisation picks a profile (DOMAIN.md: "Where they disagree, the book follows the rule
 * profile that the organisation picks, never a hard-coded one"). Rule functions read only this
 * object. Wording that depends on a parameter (e.g. 超过应到人数的2/3) is generated from the
 * parameter by describe* functions, never stored, so an override can never leave a stale text;
 * `source` fields hold the citation of the original rule only.
 */
import { z } from 'zod';
import { thresholdSchema } from './thresholds';

export const PROFILE_IDS = ['beijing-work-group', 'suzhou-leading-group', 'qinghai-branch', 'custom'] as const;
export type ProfileId = (typeof PROFILE_IDS)[number];

/** Generic roles; each profile names them (组长/副组长/成员 or 书记/副书记/委员). */
export const MEMBER_ROLES = ['leader', 'deputy', 'member'] as const;
export type MemberRole = (typeof MEMBER_ROLES)[number];

const text = z.string({ error: '必须是文字' }).trim().min(1, { error: '不能为空' });
const count = z.int({ error: '必须是整数' }).min(0, { error: '不能为负数' });

const rangeSchema = z
  .object({ min: count, max: count.nullable() })
  .refine((r) => r.max === null || r.min <= r.max, { error: '下限不能大于上限' });

const electionSchema = z.strictObject({
  /** Voting members present vs voting members expected (001: 超过…80% / 五分之四以上). */
  presentThreshold: thresholdSchema,
  /** A candidate's votes vs voting members PRESENT (超过实到会有选举权的人数的一半). */
  electedThreshold: thresholdSchema,
  /** (candidates − seats) vs seats in a competitive ballot (差额不少于应选人数的20%). */
  competitiveMargin: thresholdSchema,
  /** A regular (换届) committee election must be competitive (差额). */
  competitiveRequiredForGeneral: z.boolean(),
  /** By-elections may be uncontested (等额补选). */
  uncontestedByElectionAllowed: z.boolean(),
  secretBallot: z.boolean(),
  source: text,
});

const meetingRulesSchema = z.strictObject({
  /** 应到会: every member of the body (列席 never counted). */
  quorum: thresholdSchema,
  /** Votes FOR measured against `decisionBase`. */
  decision: thresholdSchema,
  decisionBase: z.enum(['present', 'expected']),
  source: text,
});

export const ruleProfileSchema = z.strictObject({
  id: z.enum(PROFILE_IDS, { error: '未知的规则配置' }),
  /** e.g. 北京·党建工作小组 */
  label: text,
  /** The body whose meetings are recorded, e.g. 党建工作小组. */
  organLabel: text,
  /** Its meeting, e.g. 党建工作小组会. */
  meetingLabel: text,
  roleLabels: z.strictObject({ leader: text, deputy: text, member: text }),
  /** Citations of the documents the profile follows. */
  sources: z.array(text),
  /** Paths of parameters changed from the base profile by resolveProfile (empty for built-ins). */
  customised: z.array(z.string()),
  meetings: z.strictObject({
    meetingsPerYear: count,
    /** Rule says "every half year": at least one meeting in each half of the year. */
    perHalfYear: z.boolean(),
    /** Urgent matters may be decided at a meeting held by correspondence (通讯形式). */
    correspondenceAllowed: z.boolean(),
    /** The group's meeting must not be merged with board or other meetings (单独召开). */
    separateFromBoard: z.boolean(),
    source: text,
  }),
  /** The body's own meetings (小组会 / 支委会). */
  committee: meetingRulesSchema,
  /** Members' assembly (党员大会), where the profile has one; null: not a rule of this profile. */
  assembly: meetingRulesSchema.nullable(),
  filing: z.strictObject({
    /** Working days after the minutes are formed; null: no filing deadline. */
    workingDays: z.int({ error: '必须是整数' }).min(1, { error: '至少1个工作日' }).nullable(),
    /** Who receives the filing, e.g. 党建委办公室. */
    filedWith: z.string(),
    source: z.string(),
  }),
  composition: z.strictObject({
    leaders: rangeSchema,
    /** null: the profile says nothing about deputies. */
    deputies: rangeSchema.nullable(),
    maxSize: count.nullable(),
    oddTotal: z.boolean(),
    allCpcMembers: z.boolean(),
    leaderMustBeCpc: z.boolean(),
    noneUnderDiscipline: z.boolean(),
    source: text,
  }),
  /** null: the body is appointed, not elected, under this profile. */
  election: electionSchema.nullable(),
  chairs: z.strictObject({
    regular: z.array(z.enum(MEMBER_ROLES)).min(1, { error: '至少指定一种主持人' }),
    /** Roles the leader may delegate chairing to. */
    delegates: z.array(z.enum(MEMBER_ROLES)),
    source: text,
  }),
  attendees: z.strictObject({ allowed: z.boolean(), source: text }),
  absence: z.strictObject({
    /** A leave note to the leader is a rule (not just the book's "缺席及原因" field). */
    leaveNoteRequired: z.boolean(),
    writtenOpinionAllowed: z.boolean(),
    source: text,
  }),
  yearlyReports: z.strictObject({
    /** The leader's yearly report (述职). */
    leaderReport: z.boolean(),
    /** A written yearly summary of party work to the supervising body. */
    annualSummary: z.boolean(),
    source: text,
  }),
});

export type RuleProfile = z.infer<typeof ruleProfileSchema>;
export type ElectionRules = z.infer<typeof electionSchema>;
export type MeetingRules = z.infer<typeof meetingRulesSchema>;

/** Chinese labels of the parameters, by path, for settings screens and error messages. */
export const PROFILE_PARAMETER_LABELS: Readonly<Record<string, string>> = {
  label: '规则名称',
  meetings: '会议次数与方式',
  committee: '会议规则',
  assembly: '党员大会规则',
  filing: '会议纪要备案',
  composition: '组成要求',
  election: '选举规则',
  chairs: '主持人',
  attendees: '列席',
  absence: '请假',
  yearlyReports: '年度述职与总结',
  organLabel: '组织名称',
  meetingLabel: '会议名称',
  roleLabels: '职务名称',
  'meetings.meetingsPerYear': '每年最少会议次数',
  'meetings.perHalfYear': '每半年至少召开一次',
  'meetings.correspondenceAllowed': '紧急事项可通讯形式召开',
  'meetings.separateFromBoard': '须单独召开（不与理事会等会议合并）',
  'committee.quorum': '会议有效人数（以应到人数为基数）',
  'committee.decision': '表决通过人数',
  'committee.decisionBase': '表决基数（实到或应到）',
  'assembly.quorum': '党员大会有效人数',
  'assembly.decision': '党员大会表决通过人数',
  'assembly.decisionBase': '党员大会表决基数',
  'filing.workingDays': '会议纪要备案时限（工作日）',
  'filing.filedWith': '备案机关',
  'composition.leaders': '组长（书记）人数',
  'composition.deputies': '副组长（副书记）人数',
  'composition.maxSize': '成员人数上限',
  'composition.oddTotal': '成员总数须为奇数',
  'composition.allCpcMembers': '成员须为中共党员',
  'composition.leaderMustBeCpc': '组长（书记）须为中共党员',
  'composition.noneUnderDiscipline': '处分期间人员不得担任成员',
  'election.presentThreshold': '选举时有选举权党员到会人数',
  'election.electedThreshold': '当选所需赞成票',
  'election.competitiveMargin': '差额比例',
  'election.competitiveRequiredForGeneral': '换届选举须差额',
  'election.uncontestedByElectionAllowed': '补选可等额',
  'election.secretBallot': '无记名投票',
  'chairs.regular': '主持人',
  'chairs.delegates': '可受委托主持',
  'attendees.allowed': '可安排列席',
  'absence.leaveNoteRequired': '缺席须提交请假说明',
  'absence.writtenOpinionAllowed': '缺席可书面表达意见',
  'yearlyReports.leaderReport': '组长（书记）年度述职',
  'yearlyReports.annualSummary': '年度书面工作总结',
};
