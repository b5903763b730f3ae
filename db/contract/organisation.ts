/** The organisation and its rule profile: what the first pages of the paper book hold. */
import { z } from 'zod';
import { approval, dateString, line, optionalLine } from './common';

export const ORG_FORMS = {
  'work-group': '党建工作小组',
  'leading-group': '党建工作领导小组',
  committee: '党委',
  'general-branch': '党总支',
  branch: '党支部',
} as const;
export type OrgForm = keyof typeof ORG_FORMS;
export const orgForm = z.enum(Object.keys(ORG_FORMS) as [OrgForm, ...OrgForm[]], {
  message: '组织形式应为：党建工作小组、党建工作领导小组、党委、党总支或党支部',
});

export const organisation = z
  .object({
    societyName: line(100),
    orgName: line(100),
    form: orgForm,
    termStart: dateString,
    termEnd: dateString,
    supervisingOffice: line(100),
    contactPerson: line(50),
    recorder: line(50),
    /** 成立批复 */
    approval: approval.optional(),
    note: optionalLine(500),
  })
  .refine((o) => o.termEnd > o.termStart, { message: '任期结束日期应晚于开始日期', path: ['termEnd'] });
export type Organisation = z.infer<typeof organisation>;
