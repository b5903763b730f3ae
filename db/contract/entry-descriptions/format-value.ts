/**
 * A sealed value as the record book writes it, from its field's description: Chinese dates,
 * Beijing times, names for member ids (joined with 、), enum labels, 是/否. Never a code or a
 * schema path; a value of an unexpected shape (an entry from a newer app) reads as plain text.
 */
import { VOTE_LABELS } from './descriptions';
import { chineseDate, chineseDateTime } from './format';
import type { FieldDescription } from './types';
import type { NameOf } from './entry-fields';

export const EMPTY = '（未填写）';

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A threshold in the rule lines' words: `超过应到人数的2/3`, `实到人数的1/2以上`. */
function threshold(v: unknown, base: string): string | undefined {
  if (!isRecord(v) || typeof v.num !== 'number' || typeof v.den !== 'number') return undefined;
  if (v.num === v.den) return v.strict === true ? `超过${base}` : `达到${base}全部`;
  return v.strict === true ? `超过${base}的${v.num}/${v.den}` : `达到${base}的${v.num}/${v.den}以上`;
}

const DECISION_BASES: Record<string, string> = { present: '实到人数', expected: '应到人数' };

/**
 * The parameters a 自定义 profile sets, each as one sentence of the rules (`到会人数须超过应到
 * 人数的2/3`), never as a parameter name. `all` holds the other overrides (the decision's base).
 */
const RULE_PARAMS: Record<string, (value: unknown, all: Record<string, unknown>) => string | undefined> = {
  'meetings.meetingsPerYear': (v) => (typeof v === 'number' ? `每年至少召开会议 ${v} 次` : undefined),
  'committee.quorum': (v) => {
    const t = threshold(v, '应到人数');
    return t && `到会人数须${t}方为有效`;
  },
  'committee.decision': (v, all) => {
    const chosen = all['committee.decisionBase'];
    const base = (typeof chosen === 'string' ? DECISION_BASES[chosen] : undefined) ?? '实到人数';
    const t = threshold(v, base);
    return t && `决议须经${t.replace(/^达到/, '')}同意方为通过`;
  },
  'committee.decisionBase': (v) =>
    typeof v === 'string' && DECISION_BASES[v] ? `表决按${DECISION_BASES[v]}计算` : undefined,
  'filing.workingDays': (v) =>
    v === null ? '会议纪要不设备案期限' : typeof v === 'number' ? `会议纪要须在 ${v} 个工作日内备案` : undefined,
};

function ruleParams(v: unknown): string {
  if (!isRecord(v) || Object.keys(v).length === 0) return '（无）';
  return Object.entries(v)
    .map(([key, value]) => RULE_PARAMS[key]?.(value, v) ?? `${key}：${value === null ? '不设' : plain(value)}`)
    .join('；');
}

function plain(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

/** Text of `value` shown as `field` says; `undefined` field: plain text. */
export function formatValue(value: unknown, field: FieldDescription | undefined, nameOf: NameOf): string {
  if (value === undefined || value === null || value === '') return field?.show === 'people' ? '（无）' : EMPTY;
  if (!field) return plain(value);
  switch (field.show) {
    case 'date':
      return typeof value === 'string' ? chineseDate(value) : plain(value);
    case 'dateTime':
      return typeof value === 'string' ? chineseDateTime(value) : plain(value);
    case 'number':
      return typeof value === 'number' ? `${field.prefix ?? ''}${value}${field.unit ?? ''}` : plain(value);
    case 'boolean':
      if (typeof value !== 'boolean') return plain(value);
      return value ? (field.yes ?? '是') : (field.no ?? '否');
    case 'enum':
      return typeof value === 'string' ? (field.options[value] ?? value) : plain(value);
    case 'enumList':
      if (!Array.isArray(value)) return plain(value);
      return value.length === 0
        ? '（无）'
        : value.map((v) => (typeof v === 'string' ? (field.options[v] ?? v) : plain(v))).join('、');
    case 'person':
      return typeof value === 'string' ? nameOf(value) : plain(value);
    case 'people':
      if (!Array.isArray(value)) return plain(value);
      return value.length === 0
        ? '（无）'
        : value.map((id) => (typeof id === 'string' ? nameOf(id) : plain(id))).join('、');
    case 'approval':
      if (!isRecord(value)) return plain(value);
      return `${plain(value.docNo ?? '')}，${typeof value.date === 'string' ? chineseDate(value.date) : ''}`;
    case 'votes':
      if (!isRecord(value)) return plain(value);
      return (Object.keys(VOTE_LABELS) as (keyof typeof VOTE_LABELS)[])
        .map((k) => `${VOTE_LABELS[k]} ${plain(value[k] ?? 0)} 票`)
        .join('，');
    case 'entryRef':
      return typeof value === 'number' ? `第 ${value} 条记录` : plain(value);
    case 'ruleParams':
      return ruleParams(value);
    case 'attachments':
      return Array.isArray(value)
        ? value.map((a) => (isRecord(a) ? plain(a.name) : plain(a))).join('、') || '（无）'
        : plain(value);
    case 'list': {
      if (!Array.isArray(value)) return plain(value);
      if (value.length === 0) return '（无）';
      return value
        .map((item: unknown, i) => {
          const named =
            field.namedBy && isRecord(item) && typeof item[field.namedBy] === 'string'
              ? nameOf(item[field.namedBy] as string)
              : undefined;
          const parts = field.fields
            .filter((f) => f.path[0] !== field.namedBy)
            .map((f) => {
              const v: unknown = isRecord(item) ? item[f.path[0] ?? ''] : undefined;
              return v === undefined || v === '' ? null : `${f.label}：${formatValue(v, f, nameOf)}`;
            })
            .filter(Boolean)
            .join('，');
          return `${named ?? `${field.item} ${i + 1}`}${parts ? `（${parts}）` : ''}`;
        })
        .join('\n');
    }
    default:
      return plain(value);
  }
}
