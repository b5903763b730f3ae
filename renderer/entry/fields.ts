/**
 * JSON-pointer helpers for sealed bodies: which leaf fields an entry has (for the correction
 * dialog), what value sits at a pointer, and how to show a value in Chinese.
 */
import { profileName } from '../app/labels';
import { comparePaths } from './field-order';
import { labelFor, MEETING_MODES, MEETING_TYPES, ACTIVITY_TYPES, WORK_ITEM_TYPES, MEMBER_ROLES, ORG_FORMS } from '../../db/contract';

export type Leaf = string | number | boolean | null;
export type PathSegment = string | number;

/** Keys of ledger bodies (enrolment, key rotation, correction) that the contract's labels lack. */
const EXTRA_LABELS: Record<string, string> = {
  publicKey: '公钥', keyId: '密钥指纹', previousKeyId: '原密钥指纹', book: '记录本编号', target: '更正对象',
  signature: '签名', signatures: '签名', id: '编号', overrides: '自定义参数', organisation: '组织信息',
  createdAt: '创建时间', statement: '声明',
};

/** Keys whose generic label is wrong inside a person's details (the 备案表 says 姓名, 职称). */
const PERSON_LABELS: Record<string, string> = { name: '姓名', title: '职称' };

/** Chinese label of a path inside a body, e.g. `议题 › 第 1 项 › 讨论情况`. */
export function labelPath(path: readonly PathSegment[]): string {
  return path.map((seg, i) => {
    if (typeof seg !== 'string') return labelFor([seg]);
    if (path[i - 1] === 'person' && PERSON_LABELS[seg]) return PERSON_LABELS[seg];
    return EXTRA_LABELS[seg] ?? labelFor([seg]);
  }).join(' › ');
}

export interface LeafField {
  pointer: string;
  path: PathSegment[];
  label: string;
  value: Leaf;
}

function escapeSegment(s: PathSegment): string {
  return String(s).replace(/~/g, '~0').replace(/\//g, '~1');
}

export function toPointer(path: PathSegment[]): string {
  return path.map((s) => `/${escapeSegment(s)}`).join('');
}

export function parsePointer(pointer: string): string[] {
  if (!pointer) return [];
  return pointer.split('/').slice(1).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

export function getAt(root: unknown, pointer: string | PathSegment[]): unknown {
  const path = typeof pointer === 'string' ? parsePointer(pointer) : pointer;
  let node: unknown = root;
  for (const seg of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[String(seg)];
  }
  return node;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The part of a sealed body the recorder typed: `body.input` when present, else the body. */
export function inputBase(original: unknown): PathSegment[] {
  return isRecord(original) && isRecord(original.input) ? ['input'] : [];
}

/** Keys never offered for correction: attachment bytes are content-addressed, not typed. */
const NOT_CORRECTABLE = new Set(['attachments', 'hash', 'size', 'mediaType']);

/** Parts of a sealed body that are not typed content: shown elsewhere (flags) or not at all. */
const NOT_SHOWN_AT_TOP = new Set(['v', 'computed', 'flags']);

/** Every leaf (text, number, yes/no, empty) under the input part of `original`, in order. */
export function leafFields(original: unknown): LeafField[] {
  return collectLeaves(original, inputBase(original));
}

/**
 * What an entry view lists: the typed input of a domain entry, or for ledger entries
 * (enrolment, key rotation) the body itself minus its bookkeeping.
 */
export function displayFields(original: unknown): LeafField[] {
  const base = inputBase(original);
  if (base.length > 0) return collectLeaves(original, base);
  return collectLeaves(original, []).filter((f) => !(typeof f.path[0] === 'string' && NOT_SHOWN_AT_TOP.has(f.path[0])));
}

function collectLeaves(original: unknown, base: PathSegment[]): LeafField[] {
  const out: LeafField[] = [];
  const walk = (node: unknown, rel: PathSegment[]) => {
    if (rel.length > 10) return;
    const last = rel[rel.length - 1];
    if (typeof last === 'string' && NOT_CORRECTABLE.has(last)) return;
    if (Array.isArray(node)) {
      node.forEach((child, i) => walk(child, [...rel, i]));
    } else if (isRecord(node)) {
      for (const [k, v] of Object.entries(node)) walk(v, [...rel, k]);
    } else if (node === null || ['string', 'number', 'boolean'].includes(typeof node)) {
      out.push({ pointer: toPointer([...base, ...rel]), path: rel, label: labelPath(rel), value: node as Leaf });
    }
  };
  walk(getAt(original, base), []);
  return out.sort((x, y) => comparePaths(x.path, y.path));
}

/** Keys whose values are member ids (shown as names; corrected by picking a member). */
export function isMemberIdPath(path: PathSegment[]): boolean {
  const last = path[path.length - 1];
  const parent = path[path.length - 2];
  if (typeof last === 'string') return ['chairId', 'reporterId', 'memberId'].includes(last);
  return parent === 'presentIds' || parent === 'participantIds';
}

const ENUMS: Record<string, Record<string, string>> = {
  mode: MEETING_MODES,
  role: MEMBER_ROLES,
  form: ORG_FORMS,
};

/** Chinese text for a value at `path` (enums translated, member ids named, booleans as 是/否). */
export function formatValue(value: unknown, path: PathSegment[], names: Map<string, string>, family?: string): string {
  if (value === null || value === undefined || value === '') return '（未填写）';
  if (typeof value === 'boolean') return value ? '是' : '否';
  const key = [...path].reverse().find((p): p is string => typeof p === 'string');
  if (typeof value === 'string') {
    if (isMemberIdPath(path)) return names.get(value) ?? `（成员 ${value.slice(0, 8)}）`;
    if (key === 'type') {
      const table: Record<string, string> =
        family === 'activity' ? ACTIVITY_TYPES : family === 'work' ? WORK_ITEM_TYPES : family === 'meeting' ? MEETING_TYPES : {};
      return table[value] ?? value;
    }
    if (key && ENUMS[key]?.[value]) return ENUMS[key][value] as string;
    if (key === 'id' && path.includes('profile')) return profileName(value);
    if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value)) return value.replace('T', ' ');
    return value;
  }
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) {
    if (value.length === 0) return '（无）';
    return value.map((v, i) => formatValue(v, [...path, i], names, family)).join('、');
  }
  return JSON.stringify(value);
}
