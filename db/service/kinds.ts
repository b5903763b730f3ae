/** Entry kinds the service seals, with their Chinese labels. Ledger kinds start with `ledger.`. */
export const KIND_LABELS: Record<string, string> = {
  'ledger.genesis': '记录本启用',
  'ledger.key-rotation': '密钥更换',
  'ledger.correction': '更正',
  'org.setup': '组织设立',
  'org.update': '组织信息变更',
  'profile.change': '规则方案变更',
  'member.join': '成员加入',
  'member.leave': '成员离任',
  'member.role': '职务变更',
  meeting: '会议记录',
  activity: '活动记录',
  work: '工作记录',
  // The liaison's own book (issue 10).
  'liaison.setup': '联络员信息',
  'spot-check': '抽查记录',
  'receipt.received': '收到抽查回执',
  rectification: '整改情况',
};

/** Kinds no correction may touch: a receipt is the liaison's signed words, kept verbatim. */
export const UNCORRECTABLE_KINDS: ReadonlySet<string> = new Set(['receipt.received']);

export const CORRECTION_KIND = 'ledger.correction';

export function labelKind(kind: string): string {
  return KIND_LABELS[kind] ?? kind;
}
