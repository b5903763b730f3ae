/**
 * Chinese names the UI shows for codes of the contract. Entry kinds are the service's
 * (`meeting`, `activity`, `work`, `member.join|leave|role`, `org.setup|update`,
 * `profile.change`, `ledger.genesis|key-rotation|correction`); the service also sends
 * `kindLabel`, which wins wherever it is available — these are for filters and fallbacks.
 * `entries.list` matches a kind filter `k` on `k` itself and on `k.*`.
 */
import type { DraftKind } from '../drafts';

/** Timeline filter groups: one option may stand for several service kinds. */
export const KIND_FILTERS: { value: string; label: string; kinds: string[] }[] = [
  { value: 'meeting', label: '会议记录', kinds: ['meeting'] },
  { value: 'activity', label: '活动记录', kinds: ['activity'] },
  { value: 'work', label: '工作记录', kinds: ['work'] },
  { value: 'member', label: '成员调整', kinds: ['member'] },
  { value: 'org', label: '组织与规则方案', kinds: ['org', 'profile'] },
  { value: 'correction', label: '更正', kinds: ['ledger.correction'] },
  { value: 'ledger', label: '启用与密钥更换', kinds: ['ledger.genesis', 'ledger.key-rotation'] },
];

/** The service's pseudo flag for entries that have been corrected (entries.list `flag`). */
export const CORRECTED_FLAG = { code: 'corrected', message: '已更正的记录' };

export const DRAFT_KIND_LABELS: Record<DraftKind, string> = {
  meeting: '会议记录',
  activity: '活动记录',
  work: '工作记录',
};

export const NEW_ENTRY_TITLES: Record<DraftKind, string> = {
  meeting: '新建会议记录',
  activity: '新建活动记录',
  work: '新建工作记录',
};

/**
 * Rule flags (what the profile's rules found: quorum not met, filing late …) are red; flags
 * the ledger sets about the record itself (e.g. the clock went back) are orange.
 */
export function flagColor(code: string): 'red' | 'orange' {
  return code.startsWith('ledger') || code.startsWith('clock') ? 'orange' : 'red';
}
