/** Members of the party organisation: the 备案表 fields (001 templates 2/5/8) and their changes. */
import { z } from 'zod';
import { approval, dateString, line, memberId, optionalLine } from './common';

export const MEMBER_ROLES = {
  leader: '组长',
  deputy: '副组长',
  member: '成员',
  secretary: '书记',
  'deputy-secretary': '副书记',
  discipline: '纪检委员',
  propaganda: '宣传委员',
  organisation: '组织委员',
  'committee-member': '委员',
} as const;
export type MemberRole = keyof typeof MEMBER_ROLES;
export const memberRole = z.enum(Object.keys(MEMBER_ROLES) as [MemberRole, ...MemberRole[]], {
  message: '职务无效',
});

export const personDetails = z.object({
  name: line(50),
  gender: z.enum(['男', '女'], { message: '性别应为“男”或“女”' }),
  ethnicity: line(20),
  birthDate: dateString,
  /** 中共党员 */
  isCpcMember: z.boolean({ message: '请选择是否为中共党员' }),
  /** 入党时间 */
  partyJoinDate: dateString.optional(),
  title: optionalLine(50),
  education: optionalLine(50),
  /** 在学会任职 */
  societyPosts: optionalLine(200),
  workUnit: optionalLine(100),
  /** 受党纪或政务处分期间 */
  underDiscipline: z.boolean().default(false),
});
export type PersonDetails = z.infer<typeof personDetails>;

export const memberJoin = z.object({
  person: personDetails,
  role: memberRole,
  joinedOn: dateString,
  approval,
  note: optionalLine(500),
});
export type MemberJoin = z.infer<typeof memberJoin>;

export const memberLeave = z.object({
  memberId,
  leftOn: dateString,
  reason: line(500),
  approval,
});
export type MemberLeave = z.infer<typeof memberLeave>;

export const memberRoleChange = z.object({
  memberId,
  role: memberRole,
  changedOn: dateString,
  reason: line(500),
  approval,
});
export type MemberRoleChange = z.infer<typeof memberRoleChange>;

export const memberHistoryItem = z.object({
  seq: z.number(),
  kind: z.string(),
  date: z.string(),
  summary: z.string(),
  approval: approval.optional(),
});

export const memberView = z.object({
  memberId: z.string(),
  person: personDetails,
  role: memberRole,
  roleLabel: z.string(),
  joinedOn: z.string(),
  leftOn: z.string().optional(),
  active: z.boolean(),
  history: z.array(memberHistoryItem),
});
export type MemberView = z.infer<typeof memberView>;
