/**
 * The nine duties of a party-building work group (000 第三章), the frame of the yearly
 * evaluation: advanced practice in 5 or more → 优秀党建工作小组, in all 9 → 标杆党建工作小组
 * (000 第二部分). Entries may be tagged with the duties they show (`duties`, optional, so
 * entries sealed before it stay valid).
 */
import { z } from 'zod';

export const DUTIES = {
  'political-guarantee': '三保证一调动',
  're-election': '换届与选人',
  integration: '党建与业务融合',
  governance: '治理结构',
  'major-funds': '大额经费与捐赠',
  'united-front': '统一战线',
  ideology: '意识形态',
  volunteer: '志愿服务',
  reporting: '请示报告',
} as const;
export type DutyId = keyof typeof DUTIES;
export const DUTY_IDS = Object.keys(DUTIES) as DutyId[];

/** What each duty covers, in the words of DOMAIN.md (000 第三章), for hints and the ledger. */
export const DUTY_SCOPES: Record<DutyId, string> = {
  'political-guarantee':
    '保证党的路线方针政策贯彻落实，年度计划体现全市重点工作，保证学术工作正确政治方向，调动会员积极性',
  're-election': '研究学会换届工作，选好配强学会负责人',
  integration: '推动学术、创新簇、科普、智库、国际合作等工作，党建与业务深度融合',
  governance: '完善治理结构，加强专门委员会、个人会员和青年人才工作',
  'major-funds': '大额经费使用与大额捐赠（“三重一大”）集体研究，指导监事会工作',
  'united-front': '做好党外科学家的政治引领和团结工作',
  ideology: '意识形态工作、宣传阵地管理、弘扬科学家精神、科研诚信',
  volunteer: '组建由组长或成员带领的科技志愿服务队，开展志愿服务',
  reporting: '及时向党建工作委员会请示报告重大事项',
};

/** The evaluation's thresholds (000): 优秀 at 5 duties, 标杆 at all 9. */
export const DUTY_EXCELLENT_AT = 5;
export const DUTY_BENCHMARK_AT = DUTY_IDS.length;

export const dutyId = z.enum(DUTY_IDS as [DutyId, ...DutyId[]], { message: '职责无效' });
/** The duties an entry shows, as the clerk confirmed them; unique, at most all nine. */
export const dutyList = z
  .array(dutyId)
  .max(DUTY_IDS.length)
  .refine((d) => new Set(d).size === d.length, { message: '职责不能重复' })
  .optional();

/** The kinds of entry that can show a duty. */
export const DUTY_KINDS = ['meeting', 'activity', 'work'] as const;
