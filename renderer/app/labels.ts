/**
 * Chinese names the UI shows for codes of the contract. Entry kinds are the service's
 * (`meeting`, `activity`, `work`, `member.join|leave|role`, `org.setup|update`,
 * `profile.change`, `ledger.genesis|key-rotation|correction`); the service also sends
 * `kindLabel`, which wins wherever it is available — these are for filters and fallbacks.
 * `entries.list` matches a kind filter `k` on `k` itself and on `k.*`.
 */
import type { DraftKind } from '../drafts';
import { PROFILE_NAMES } from '../../db/contract';

export const PROFILE_CHOICES = [
  {
    id: 'beijing-work-group',
    name: PROFILE_NAMES['beijing-work-group'],
    rule: '每年至少召开 2 次小组会；到会超过应到人数 2/3 方为有效；决议须实到会 1/2 以上成员同意；纪要 3 个工作日内报主管党组织备案。',
  },
  {
    id: 'suzhou-leading-group',
    name: PROFILE_NAMES['suzhou-leading-group'],
    rule: '原则上每半年召开 1 次会议；半数以上成员到会；少数服从多数；成员不超过 7 人且为单数；纪要由组长签发、专人保管。',
  },
  {
    id: 'qinghai-branch',
    name: PROFILE_NAMES['qinghai-branch'],
    rule: '原则上每半年召开 1 次支委会；半数以上委员到会；少数服从多数；选举须有选举权的党员超过 4/5 到会，差额不少于 20%。',
  },
  {
    id: 'custom',
    name: PROFILE_NAMES['custom'],
    rule: '以北京方案为起点，自行设定每年会议次数、到会与表决比例（超过或以上）和纪要备案期限，记录时逐条检查并提示。',
  },
] as const;
export type ProfileId = (typeof PROFILE_CHOICES)[number]['id'];

export function profileName(id: string): string {
  return PROFILE_CHOICES.find((p) => p.id === id)?.name ?? id;
}

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
