/**
 * The built-in rule profiles and `resolveProfile`. Each value cites its source text in
 * /work/shared/seeds (000 Beijing, 002 Suzhou, 001 Qinghai); where a source is silent, the
 * value is the permissive one (no warning) and the comment says so.
 */
import type { ElectionRules, ProfileId, RuleProfile } from './profile-schema';
import { PROFILE_IDS, PROFILE_PARAMETER_LABELS, ruleProfileSchema } from './profile-schema';
import type { Threshold } from './thresholds';
import { describeIssue } from './zod-messages';

export type { ElectionRules, MeetingRules, MemberRole, ProfileId, RuleProfile } from './profile-schema';
export { MEMBER_ROLES, PROFILE_IDS, PROFILE_PARAMETER_LABELS, ruleProfileSchema } from './profile-schema';

const HALF_OR_MORE: Threshold = { num: 1, den: 2, strict: false };
/** 少数服从多数 read as: strictly more than half (a tie is not a majority). */
const MORE_THAN_HALF: Threshold = { num: 1, den: 2, strict: true };

/**
 * Party election rules of 001 (templates 4–9, 青海省科技社团党委) and of the
 * 《中国共产党基层组织选举工作条例》 that template 7 invokes.
 * - presentThreshold: template 7 (补选请示) 「有选举权的党员必须超过…有选举权的党员人数80%」;
 *   templates 6 and 9 (选举结果) write 「五分之四以上」. Default strict (超过), configurable.
 * - electedThreshold: 「被选举人获得的赞成票超过实到会有选举权的人数的一半，始得当选」 (条例);
 *   templates 6/9 only say 「根据得票情况 / 根据选举办法」, i.e. defer to the 条例.
 * - competitiveMargin: template 4 「差额不低于20%」「差额不小于应选人数的20%」:
 *   (candidates − seats) ≥ seats·1/5, i.e. candidates ≥ ceil(seats·1.2).
 * - by-elections: template 7 「采取候选人等额选举办法」.
 */
export const PARTY_ELECTION_RULES: ElectionRules = {
  presentThreshold: { num: 4, den: 5, strict: true },
  electedThreshold: MORE_THAN_HALF,
  competitiveMargin: { num: 1, den: 5, strict: false },
  competitiveRequiredForGeneral: true,
  uncontestedByElectionAllowed: true,
  secretBallot: true,
  source:
    '《青海省科技社团党组织工作指南》模板4、6、7、9（差额不低于20%；有选举权党员到会超过80%/五分之四以上；补选等额；无记名投票）；《中国共产党基层组织选举工作条例》',
};

const BEIJING: RuleProfile = {
  id: 'beijing-work-group',
  label: '北京·党建工作小组',
  organLabel: '党建工作小组',
  meetingLabel: '党建工作小组会',
  roleLabels: { leader: '组长', deputy: '副组长', member: '成员' },
  sources: ['《北京市科学技术协会社会组织党建工作小组工作规则（试行）》（2020年6月30日）'],
  customised: [],
  meetings: {
    meetingsPerYear: 2,
    perHalfYear: false,
    correspondenceAllowed: true,
    separateFromBoard: true,
    source:
      '《北京市科协社会组织党建工作小组工作规则（试行）》第四章：党建工作小组会每年不少于2次；如遇重大或急办事项可通过通讯形式临时召开；必须单独召开，不可与理事会、常务理事会等会议合并召开',
  },
  committee: {
    quorum: { num: 2, den: 3, strict: true },
    // 「须实到会1/2以上成员通过」: base is those PRESENT, and 以上 includes the half itself,
    // so 3 of 6 present voting for passes. Literal reading; the lead may tighten via overrides.
    decision: HALF_OR_MORE,
    decisionBase: 'present',
    source:
      '《北京市科协社会组织党建工作小组工作规则（试行）》第四章：出席人员要超过应到会人数的2/3方为有效；会议需作出表决时，须实到会1/2以上成员通过，方为有效；列席人员不具有表决权',
  },
  assembly: null,
  filing: {
    workingDays: 3,
    filedWith: '党建委办公室',
    // The clock starts when the minutes are formed (形成会议纪要后), usually the meeting day.
    source:
      '《北京市科协社会组织党建工作小组工作规则（试行）》第四章：以会议纪要的形式提交理事会（常务理事会）研究，并在形成会议纪要后3个工作日内报送党建委办公室备案',
  },
  composition: {
    leaders: { min: 1, max: 1 },
    deputies: { min: 1, max: 2 },
    maxSize: null,
    oddTotal: true,
    allCpcMembers: true,
    leaderMustBeCpc: true,
    noneUnderDiscipline: true,
    source:
      '《北京市科协社会组织党建工作小组工作规则（试行）》第二章：组长1名，副组长1－2名，成员数为奇数；成员政治面貌须为中共党员；在党纪、政纪处分期间的人员，原则上不得担任党建工作小组成员',
  },
  election: null,
  chairs: {
    regular: ['leader'],
    delegates: ['deputy'],
    source:
      '《北京市科协社会组织党建工作小组工作规则（试行）》第四章：组长召集并主持；组长不能参加会议的，可以委托副组长召集并主持',
  },
  attendees: {
    allowed: true,
    source: '《北京市科协社会组织党建工作小组工作规则（试行）》第四章：相关人员可列席；列席人员不具有表决权',
  },
  absence: {
    leaveNoteRequired: true,
    writtenOpinionAllowed: false,
    source: '《北京市科协社会组织党建工作小组工作规则（试行）》第四章：因故不能出席的成员，须向组长提交请假说明',
  },
  yearlyReports: {
    leaderReport: true,
    annualSummary: false,
    source: '《北京市科协社会组织党建工作小组工作规则（试行）》第五章：组长每年向党建委和党建工作小组进行述职',
  },
};

const SUZHOU: RuleProfile = {
  id: 'suzhou-leading-group',
  label: '苏州·党建工作领导小组',
  organLabel: '党建工作领导小组',
  meetingLabel: '领导小组会议',
  roleLabels: { leader: '组长', deputy: '副组长', member: '成员' },
  sources: ['《苏州市科技社团党建工作领导小组工作规则（试行）》（苏科社党委〔2020〕3号）'],
  customised: [],
  meetings: {
    meetingsPerYear: 2,
    perHalfYear: true,
    correspondenceAllowed: false,
    separateFromBoard: false,
    source:
      '《苏州市科技社团党建工作领导小组工作规则（试行）》第十七条：小组会议原则上每半年召开一次，如遇重要事项或情况随时召开',
  },
  committee: {
    quorum: HALF_OR_MORE,
    // 第七条「按照少数服从多数原则，由成员集体讨论决定」: a decision of the members at the
    // meeting, so the base is those present; a majority is strictly more than half (a 3–3 tie
    // is not a majority), and an abstention is not a vote for.
    decision: MORE_THAN_HALF,
    decisionBase: 'present',
    source:
      '《苏州市科技社团党建工作领导小组工作规则（试行）》第七条：按照少数服从多数原则，由成员集体讨论决定；第十八条：应当有半数以上成员到会方可召开',
  },
  assembly: null,
  filing: {
    workingDays: null,
    filedWith: '',
    source:
      '《苏州市科技社团党建工作领导小组工作规则（试行）》第二十条：做好小组会议记录，由小组组长签发（未规定备案时限）',
  },
  composition: {
    leaders: { min: 1, max: 1 },
    deputies: null, // 002 does not mention deputies.
    maxSize: 7,
    oddTotal: true,
    allCpcMembers: false, // 002 does not say so for members; only for the leader.
    leaderMustBeCpc: true,
    noneUnderDiscipline: false,
    source:
      '《苏州市科技社团党建工作领导小组工作规则（试行）》第五条：一般不超过7人，应为单数；组长原则上由中共党员的理事长担任',
  },
  election: null,
  chairs: {
    regular: ['leader'],
    delegates: ['deputy', 'member'],
    source:
      '《苏州市科技社团党建工作领导小组工作规则（试行）》第十七条：会议由组长召集主持，组长因故不能主持会议时，可委托其他成员主持',
  },
  attendees: {
    allowed: true,
    source:
      '《苏州市科技社团党建工作领导小组工作规则（试行）》第十五条：可邀请非中共党员的理事长列席；第十九条：可以根据议题指定有关人员列席会议',
  },
  absence: {
    leaveNoteRequired: true,
    writtenOpinionAllowed: true,
    source:
      '《苏州市科技社团党建工作领导小组工作规则（试行）》第十八条：成员因故不能参加会议的应当在会前请假，对会议议题的重要意见可以用书面形式表达',
  },
  yearlyReports: {
    leaderReport: false,
    annualSummary: true,
    source:
      '《苏州市科技社团党建工作领导小组工作规则（试行）》第九条：学会进行年终工作总结时，在报告业务工作开展情况的同时，要报告党建工作',
  },
};

const QINGHAI: RuleProfile = {
  id: 'qinghai-branch',
  label: '青海·党支部',
  organLabel: '党支部委员会',
  meetingLabel: '支委会',
  roleLabels: { leader: '书记', deputy: '副书记', member: '委员' },
  sources: ['青海省科技社团党建工作文件汇编（含换届选举模板）'],
  customised: [],
  meetings: {
    meetingsPerYear: 2,
    perHalfYear: true,
    correspondenceAllowed: false,
    separateFromBoard: false, // 001 asks the opposite: 原则与学会理事会同步召开.
    source:
      '《青海省科技社团党组织工作指南》第四部分（四）：原则上每半年召开一次，遇有重要情况可以随时召开；第五部分 2-3：原则与学会理事会同步召开',
  },
  committee: {
    quorum: HALF_OR_MORE,
    // 「集体领导、民主集中、个别酝酿、会议决定」: majority of the committee members present,
    // strictly more than half (as for Suzhou).
    decision: MORE_THAN_HALF,
    decisionBase: 'present',
    source:
      '《青海省科技社团党组织工作指南》第四部分（三）（四）：坚持集体领导、民主集中、个别酝酿、会议决定；半数以上委员到会方可召开。会议如实记录存档',
  },
  // 党员大会: 《中国共产党支部工作条例（试行）》第十一条「表决必须有半数以上有表决权的党员
  // 到会方可进行，赞成人数超过应到会有表决权的党员的半数为通过」: base is EXPECTED.
  assembly: {
    quorum: HALF_OR_MORE,
    decision: MORE_THAN_HALF,
    decisionBase: 'expected',
    source:
      '《中国共产党支部工作条例（试行）》第十一条：表决必须有半数以上有表决权的党员到会方可进行，赞成人数超过应到会有表决权的党员的半数为通过',
  },
  filing: {
    workingDays: null,
    filedWith: '',
    source: '《青海省科技社团党组织工作指南》：会议如实记录存档（未规定备案时限）',
  },
  composition: {
    leaders: { min: 1, max: 1 },
    deputies: { min: 0, max: null }, // 副书记 is optional (templates 3–6 list it where there is one).
    maxSize: null,
    oddTotal: false,
    allCpcMembers: true, // a party committee: its members are party members by definition.
    leaderMustBeCpc: true,
    // Members under 留党察看 lose the right to be elected (选举工作条例); warn.
    noneUnderDiscipline: true,
    source: '《青海省科技社团党组织工作指南》模板1–6：书记、副书记、纪检委员、宣传委员、组织委员',
  },
  election: PARTY_ELECTION_RULES,
  chairs: {
    regular: ['leader'],
    delegates: [], // 001 names only the secretary: 主持召集党组织委员会会议和党组织党员大会.
    source: '《青海省科技社团党组织工作指南》第四部分 书记职责：主持召集党组织委员会会议和党组织党员大会',
  },
  attendees: {
    allowed: true,
    source: '《青海省科技社团党组织工作指南》未对列席作规定；列席人员不计入到会人数，无表决权',
  },
  absence: {
    leaveNoteRequired: false,
    writtenOpinionAllowed: false,
    source: '《青海省科技社团党组织工作指南》未对请假作规定；记录本仍须写明缺席原因',
  },
  yearlyReports: {
    leaderReport: true,
    annualSummary: true,
    source:
      '《青海省科技社团党组织工作指南》第五部分 4：书记每年应向省科技社团党委进行一次书面述职；第四部分（五）：每年提交一次书面工作总结',
  },
};

/**
 * The starting point of a custom profile: Beijing's meeting rules (the strictest of the three)
 * plus the party election rules, so every check has a parameter to adjust.
 */
const CUSTOM: RuleProfile = {
  ...BEIJING,
  id: 'custom',
  label: '自定义规则',
  sources: ['自定义（以北京规则为起点，可调整每一项参数）'],
  election: PARTY_ELECTION_RULES,
};

/** Built-ins are shared by every caller: frozen so that no caller can change another's rules. */
function freezeDeep<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    Object.values(value).forEach(freezeDeep);
    Object.freeze(value);
  }
  return value;
}

export const BUILT_IN_PROFILES: Readonly<Record<ProfileId, RuleProfile>> = freezeDeep({
  'beijing-work-group': BEIJING,
  'suzhou-leading-group': SUZHOU,
  'qinghai-branch': QINGHAI,
  custom: CUSTOM,
});

export type ProfileResult = { ok: true; profile: RuleProfile } | { ok: false; errors: string[] };

type Plain = Record<string, unknown>;
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const isPlain = (v: unknown): v is Plain => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Keys that could reach an object's prototype while merging (JSON may carry them). */
function findForbiddenKey(value: unknown): string | null {
  if (!isPlain(value)) return null;
  for (const [key, child] of Object.entries(value)) {
    if (key.split('.').some((part) => FORBIDDEN_KEYS.has(part) || part === '')) return key;
    const inner = findForbiddenKey(child);
    if (inner !== null) return inner;
  }
  return null;
}

/** Turns `{ "committee.quorum": {...} }` into `{ committee: { quorum: {...} } }`; both forms allowed. */
function expandDottedKeys(overrides: Plain): Plain {
  const out: Plain = {};
  for (const [key, value] of Object.entries(overrides)) {
    const parts = key.split('.');
    let node = out;
    parts.forEach((part, i) => {
      if (i === parts.length - 1) {
        node[part] = isPlain(value) && isPlain(node[part]) ? mergeDeep(node[part], value) : value;
      } else {
        if (!isPlain(node[part])) node[part] = {};
        node = node[part] as Plain;
      }
    });
  }
  return out;
}

function mergeDeep(base: Plain, patch: Plain): Plain {
  const out: Plain = { ...base };
  for (const [key, value] of Object.entries(patch)) {
    const current = out[key];
    out[key] = isPlain(value) && isPlain(current) ? mergeDeep(current, value) : value;
  }
  return out;
}

/** Dotted paths of the leaves an override sets (for `customised`). */
function leafPaths(patch: Plain, prefix = ''): string[] {
  return Object.entries(patch).flatMap(([key, value]) =>
    isPlain(value) && !('num' in value) ? leafPaths(value, `${prefix}${key}.`) : [`${prefix}${key}`],
  );
}

/**
 * The profile `id` with `overrides` applied and validated. Overrides may be nested objects or
 * dotted paths (`{"committee.quorum": {"num":1,"den":2,"strict":false}}`). Overriding `election`
 * on a profile without one starts from the party election rules. `id` cannot be overridden.
 */
export function resolveProfile(id: string, overrides?: Record<string, unknown>): ProfileResult {
  if (!(PROFILE_IDS as readonly string[]).includes(id)) {
    return { ok: false, errors: [`未知的规则配置：${id}，可选：${PROFILE_IDS.join('、')}`] };
  }
  const base = BUILT_IN_PROFILES[id as ProfileId];
  if (!overrides || Object.keys(overrides).length === 0) return { ok: true, profile: base };

  const badKey = findForbiddenKey(overrides);
  if (badKey !== null) return { ok: false, errors: [`参数名称无效：${badKey}`] };
  const patch = expandDottedKeys(overrides);
  if ('id' in patch || 'customised' in patch) {
    return { ok: false, errors: ['不能通过参数修改规则配置的编号（id）或调整记录（customised）'] };
  }
  const start: Plain = { ...base };
  if (start.election === null && isPlain(patch.election)) start.election = PARTY_ELECTION_RULES;
  const merged = mergeDeep(start, patch);
  merged.customised = [...new Set([...base.customised, ...leafPaths(patch)])];

  const parsed = ruleProfileSchema.safeParse(merged);
  if (!parsed.success) {
    return { ok: false, errors: parsed.error.issues.map((issue) => describeIssue(issue, PROFILE_PARAMETER_LABELS)) };
  }
  return { ok: true, profile: parsed.data };
}
