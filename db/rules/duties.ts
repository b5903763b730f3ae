/**
 * Which of the nine duties (000 第三章; db/contract/duties.ts) an entry shows, suggested from its
 * kind and content by fixed keyword rules. A suggestion is never a tag: the clerk confirms it in
 * the editor (or adds it later as a correction), and only confirmed tags count in the ledger.
 * Deterministic: the same entry always gets the same suggestions, in the table's order.
 */
import { DUTIES, DUTY_IDS, type DutyId } from '../contract/duties';

export interface DutySuggestionInput {
  kind: 'meeting' | 'activity' | 'work' | (string & {});
  /** The activity or work item type (志愿服务, 请示报告 …); a meeting's type. */
  type?: string;
  /** Everything the clerk wrote: title, topics, decisions, content, outcome … */
  text: string;
}

export interface DutySuggestion {
  duty: DutyId;
  label: string;
  /** Why, in Chinese: the type or the words that matched. */
  reason: string;
}

/** A kind and type that always shows a duty (a 请示报告 work item is duty 9 by definition). */
const BY_TYPE: readonly { kind: string; type: string; duty: DutyId; reason: string }[] = [
  { kind: 'activity', type: 'volunteer', duty: 'volunteer', reason: '活动类型为志愿服务' },
  { kind: 'work', type: 'report', duty: 'reporting', reason: '工作类型为请示报告' },
  { kind: 'work', type: 'ideology', duty: 'ideology', reason: '工作类型为意识形态研判 / 舆情应对预案' },
  { kind: 'work', type: 're-election', duty: 're-election', reason: '工作类型为换届' },
  { kind: 'work', type: 'major-matter', duty: 'major-funds', reason: '工作类型为“三重一大”事项' },
];

/** Words in the text that show a duty. Kept short and specific: a suggestion the clerk must often undo is noise. */
export const DUTY_KEYWORDS: Readonly<Record<DutyId, readonly string[]>> = {
  'political-guarantee': [
    '路线方针政策',
    '方针政策',
    '全会精神',
    '二十大',
    '党的创新理论',
    '年度工作计划',
    '党建工作计划',
    '政治方向',
    '全市重点工作',
  ],
  're-election': ['换届', '选举', '负责人人选', '理事长人选', '候选人'],
  integration: ['学术', '科普', '智库', '创新簇', '国际合作', '学术会议', '科技服务', '党建+业务', '融合'],
  governance: [
    '治理',
    '章程',
    '专门委员会',
    '专委会',
    '个人会员',
    '会员发展',
    '青年人才',
    '青年科技人才',
    '秘书处建设',
  ],
  'major-funds': ['三重一大', '大额', '经费', '捐赠', '监事会', '预算', '资金使用'],
  'united-front': ['党外', '统一战线', '统战', '民主党派', '无党派'],
  ideology: ['意识形态', '舆情', '宣传阵地', '科学家精神', '科研诚信', '学风', '网站', '公众号', '研判'],
  volunteer: ['志愿服务', '志愿者', '科技志愿', '志愿服务队'],
  reporting: ['请示', '重大事项报告', '报告重大事项', '向党建委报告', '请示报告'],
};

export function suggestDuties(input: DutySuggestionInput): DutySuggestion[] {
  const reasons = new Map<DutyId, string>();
  for (const rule of BY_TYPE) {
    if (rule.kind === input.kind && rule.type === input.type) reasons.set(rule.duty, rule.reason);
  }
  const text = input.text.normalize('NFKC');
  for (const duty of DUTY_IDS) {
    if (reasons.has(duty)) continue;
    const words = DUTY_KEYWORDS[duty].filter((w) => text.includes(w));
    if (words.length > 0) reasons.set(duty, `内容提到“${words.slice(0, 3).join('”“')}”`);
  }
  return DUTY_IDS.filter((d) => reasons.has(d)).map((duty) => ({
    duty,
    label: DUTIES[duty],
    reason: reasons.get(duty)!,
  }));
}

/** The text of an entry's input the suggestions read: every string in it, in order (ids and dates too, harmlessly). */
export function textOf(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const v of value) textOf(v, out);
  else if (value !== null && typeof value === 'object') for (const v of Object.values(value)) textOf(v, out);
  return out;
}
