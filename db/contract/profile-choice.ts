/** Which rule profile the organisation follows; the rules themselves live in db/rules. */
import { z } from 'zod';

export const PROFILE_IDS = ['beijing-work-group', 'suzhou-leading-group', 'qinghai-branch', 'custom'] as const;
/** The profiles' names as the UI and the record book show them. */
export const PROFILE_NAMES: Record<(typeof PROFILE_IDS)[number], string> = {
  'beijing-work-group': '北京·党建工作小组',
  'suzhou-leading-group': '苏州·党建工作领导小组',
  'qinghai-branch': '青海·党支部',
  custom: '自定义',
};
export const profileChoice = z.object({
  id: z.enum(PROFILE_IDS, { message: '规则方案无效' }),
  /** Parameters that override the chosen profile (custom profiles); checked by db/rules. */
  overrides: z.record(z.string(), z.unknown()).optional(),
});
export type ProfileChoice = z.infer<typeof profileChoice>;
