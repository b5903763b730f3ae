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

const RULE_PARAMS: Record<string, string> = {
  'meetings.meetingsPerYear': '每年至少召开会议次数',
  'committee.quorum': '到会人数',
  'committee.decision': '决议通过',
  'filing.workingDays': '纪要备案期限（工作日）',
};

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function threshold(v: unknown): string | undefined {
  if (!isRecord(v) || typeof v.num !== 'number' || typeof v.den !== 'number') return undefined;
  return v.strict === true ? `超过 ${v.num}/${v.den}` : `${v.num}/${v.den} 以上`;
}

function ruleParams(v: unknown): string {
  if (!isRecord(v) || Object.keys(v).length === 0) return '（无）';
  return Object.entries(v)
    .map(([key, value]) => {
      const shown =
        threshold(value) ??
        (value === null ? '不设' : typeof value === 'object' ? JSON.stringify(value) : plain(value));
      return `${RULE_PARAMS[key] ?? key}：${shown}`;
    })
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
