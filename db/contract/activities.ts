/** Activities (主题党日, 学习, 党课, 志愿服务, 调研 …) and work items (请示报告, 述职 …). */
import { z } from 'zod';
import { dutyList } from './duties';
import {
  attachmentList,
  dateString,
  line,
  memberId,
  optionalLine,
  prose,
  requiredProse,
  seqNumber,
  yearNumber,
} from './common';

export const ACTIVITY_TYPES = {
  'theme-day': '主题党日',
  study: '学习',
  'party-lecture': '党课',
  volunteer: '志愿服务',
  research: '调研',
  other: '其他活动',
} as const;
export type ActivityType = keyof typeof ACTIVITY_TYPES;
export const activityType = z.enum(Object.keys(ACTIVITY_TYPES) as [ActivityType, ...ActivityType[]], {
  message: '活动类型无效',
});

export const activityInput = z
  .object({
    type: activityType,
    title: line(200),
    date: dateString,
    endDate: dateString.optional(),
    place: line(200),
    organizer: line(100),
    participantIds: z.array(memberId).max(1_000).default([]),
    otherParticipants: prose(2_000).default(''),
    content: requiredProse(),
    outcome: prose().default(''),
    attachments: attachmentList,
    duties: dutyList,
  })
  .refine((a) => !a.endDate || a.endDate >= a.date, { message: '结束日期不能早于开始日期', path: ['endDate'] });
export type ActivityInput = z.infer<typeof activityInput>;

export const WORK_ITEM_TYPES = {
  report: '请示报告',
  'annual-report': '述职',
  'annual-summary': '年度党建工作书面总结',
  ideology: '意识形态研判 / 舆情应对预案',
  'major-matter': '“三重一大”事项',
  're-election': '换届',
  filing: '会议纪要备案',
  other: '其他工作',
} as const;
export type WorkItemType = keyof typeof WORK_ITEM_TYPES;

/** 意识形态研判: what the event is (the editor's 事项类别). */
export const EVENT_KINDS = {
  'major-conference': '重大会议',
  'international-exchange': '国际交流活动',
  other: '其他',
} as const;
/** “三重一大”: which kind of matter (the editor's 事项类别). */
export const MAJOR_CATEGORIES = {
  'major-decision': '重大事项决策',
  'large-expense': '大额资金使用',
  'large-donation': '大额捐赠',
  'key-appointment': '重要人事任免',
} as const;

const base = { title: line(200), date: dateString, attachments: attachmentList, duties: dutyList };

export const workItemInput = z.discriminatedUnion(
  'type',
  [
    z.object({
      type: z.literal('report'),
      ...base,
      to: line(100),
      matter: requiredProse(),
      reply: prose().default(''),
    }),
    z.object({
      type: z.literal('annual-report'),
      ...base,
      year: yearNumber,
      reporterId: memberId,
      work: requiredProse(),
      problems: requiredProse(),
      plan: requiredProse(),
    }),
    z.object({
      type: z.literal('annual-summary'),
      ...base,
      year: yearNumber,
      work: requiredProse(),
      problems: requiredProse(),
      plan: requiredProse(),
    }),
    z.object({
      type: z.literal('ideology'),
      ...base,
      event: line(200),
      eventKind: z.enum(['major-conference', 'international-exchange', 'other'], { message: '事项类别无效' }),
      assessment: requiredProse(),
      plan: requiredProse(),
    }),
    z.object({
      type: z.literal('major-matter'),
      ...base,
      category: z.enum(['major-decision', 'large-expense', 'large-donation', 'key-appointment'], {
        message: '事项类别无效',
      }),
      amountYuan: z.number().min(0).max(1e12).optional(),
      deliberation: requiredProse(),
      outcome: requiredProse(),
      meetingSeq: seqNumber.optional(),
    }),
    z.object({
      type: z.literal('re-election'),
      ...base,
      newTermStart: dateString,
      newTermEnd: dateString,
      content: requiredProse(),
      approvalDocNo: optionalLine(100),
    }),
    z.object({
      type: z.literal('filing'),
      ...base,
      meetingSeq: seqNumber,
      to: line(100),
      note: prose(2_000).default(''),
    }),
    z.object({ type: z.literal('other'), ...base, content: requiredProse() }),
  ],
  { message: '工作类型无效' },
);
export type WorkItemInput = z.infer<typeof workItemInput>;
