/**
 * A meeting as the recorder types it. Attendance is by member id from the roster;
 * 列席 attendees are free names (never counted, never voting). Everything the
 * rules decide (expected members, quorum, pass/fail, filing deadline, flags) is
 * computed by the service and sealed with the entry, never typed by the user.
 */
import { z } from 'zod';
import { dutyList } from './duties';
import { attachmentList, count, dateTimeString, line, memberId, optionalLine, prose } from './common';

export const MEETING_TYPES = {
  'group-meeting': '党建工作小组会议',
  'members-assembly': '党员大会',
} as const;
export const meetingType = z.enum(['group-meeting', 'members-assembly'], { message: '会议类型无效' });

export const MEETING_MODES = { onsite: '现场会议', correspondence: '通讯形式' } as const;
export const meetingMode = z.enum(['onsite', 'correspondence'], { message: '会议形式应为现场或通讯形式' });

export const absence = z.object({
  memberId,
  /** 请假说明: required; the service refuses a blank one naming the member. */
  leaveNote: prose(500).default(''),
});

export const guest = z.object({ name: line(50), unit: optionalLine(100) });

export const topic = z.object({
  title: line(200),
  /** 讨论情况 */
  discussion: prose(),
  /** 不同意见（有言必录） */
  dissent: prose(5_000).default(''),
});

export const votes = z.object({ for: count, against: count, abstain: count });
export const decision = z.object({ text: line(500), votes });

export const candidate = z.object({ name: line(50), memberId: memberId.optional(), votes: count });
export const election = z
  .object({
    /** What is elected, e.g. 支部委员会 */
    body: line(100),
    votingExpected: count,
    votingPresent: count,
    ballotsCast: count,
    seats: count.pipe(z.number().min(1, { message: '应选名额至少为 1' })),
    /** 差额选举 (competitive) or 等额 (uncontested, by-elections) */
    competitive: z.boolean(),
    byElection: z.boolean().default(false),
    candidates: z.array(candidate).min(1, { message: '至少需要一名候选人' }).max(200),
  })
  .refine((e) => e.votingPresent <= e.votingExpected, {
    message: '实到有选举权人数不能多于应到人数',
    path: ['votingPresent'],
  })
  .refine((e) => e.ballotsCast <= e.votingPresent, {
    message: '收回选票数不能多于实到有选举权人数',
    path: ['ballotsCast'],
  });

export const meetingInput = z
  .object({
    type: meetingType.default('group-meeting'),
    /** 第×次 (in the current term) */
    number: z.number().int({ message: '应为整数' }).min(1, { message: '应为正整数' }).max(10_000),
    title: optionalLine(200),
    mode: meetingMode,
    startAt: dateTimeString,
    endAt: dateTimeString,
    place: optionalLine(200),
    chairId: memberId,
    /** 受组长（书记）委托主持: a deputy may chair only so (Beijing 000, Suzhou 002). */
    chairDelegated: z.boolean().default(false),
    recorder: line(50),
    presentIds: z.array(memberId).max(1_000),
    absent: z.array(absence).max(1_000).default([]),
    guests: z.array(guest).max(200).default([]),
    topics: z.array(topic).min(1, { message: '至少需要一项议题' }).max(100),
    decisions: z.array(decision).max(100).default([]),
    minutes: prose(),
    /** 单独召开，未与理事会等会议合并 */
    heldSeparately: z.boolean({ message: '请确认会议是否单独召开' }),
    election: election.optional(),
    attachments: attachmentList,
    /** 体现的九项职责（书记员确认）；可不填 */
    duties: dutyList,
  })
  .refine((m) => m.endAt >= m.startAt, { message: '结束时间不能早于开始时间', path: ['endAt'] })
  .refine((m) => m.mode !== 'onsite' || Boolean(m.place), { message: '现场会议需要填写地点', path: ['place'] });
export type MeetingInput = z.infer<typeof meetingInput>;
export type MeetingDraft = z.input<typeof meetingInput>;

/** What the service decides, sealed with the entry. */
export const ruleFlag = z.object({ code: z.string(), message: z.string() });
export type RuleFlag = z.infer<typeof ruleFlag>;

export const meetingEvaluation = z.object({
  profileId: z.string(),
  expected: z.array(z.object({ memberId: z.string(), name: z.string() })),
  presentCount: z.number(),
  quorum: z.object({ met: z.boolean(), required: z.number(), message: z.string() }),
  decisions: z.array(z.object({ passed: z.boolean(), required: z.number(), message: z.string() })),
  filing: z.object({ deadline: z.string().nullable(), status: z.string(), message: z.string() }),
  election: z
    .object({ thresholdMet: z.boolean(), marginMet: z.boolean(), elected: z.array(z.string()), message: z.string() })
    .optional(),
  flags: z.array(ruleFlag),
  /** Problems that block sealing (e.g. absent member without a leave note). */
  errors: z.array(z.object({ field: z.string(), message: z.string(), code: z.string().optional() })),
});
export type MeetingEvaluation = z.infer<typeof meetingEvaluation>;
