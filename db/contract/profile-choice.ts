/** Which rule profile the organisation follows; the rules themselves live in db/rules. */
import { z } from 'zod';

export const PROFILE_IDS = ['beijing-work-group', 'suzhou-leading-group', 'qinghai-branch', 'custom'] as const;
export const profileChoice = z.object({
  id: z.enum(PROFILE_IDS, { message: '规则方案无效' }),
  /** Parameters that override the chosen profile (custom profiles); checked by db/rules. */
  overrides: z.record(z.string(), z.unknown()).optional(),
});
export type ProfileChoice = z.infer<typeof profileChoice>;
