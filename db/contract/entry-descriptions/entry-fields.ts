/**
 * Fields of a sealed entry by JSON pointer, named from its description: which field a
 * correction points at (议题 1 讨论情况, 请假说明（王五）, 批复文号), and which fields the recorder
 * can correct, including those left empty at sealing. Never a schema path.
 */
import { getAt, type PathSegment } from '../json-pointer';
import { VOTE_LABELS } from './descriptions';
import type { EntryDescription, FieldDescription } from './types';

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Names a member id (the roster of the entry's day); the caller decides the fallback. */
export type NameOf = (memberId: string) => string;

export interface LocatedField {
  /** How the value at the pointer is shown (an approval's 批复文号 is text, its date a date …). */
  field: FieldDescription;
  /** The label of exactly this value, e.g. 议题 1 讨论情况. */
  label: string;
}

function startsWith(rel: readonly PathSegment[], path: readonly string[]): boolean {
  return path.length <= rel.length && path.every((k, i) => rel[i] === k);
}

function itemName(
  list: Extract<FieldDescription, { show: 'list' }>,
  item: unknown,
  i: number,
  nameOf: NameOf,
): string | undefined {
  const id = list.namedBy ? getAt(item, [list.namedBy]) : undefined;
  return typeof id === 'string' ? nameOf(id) : undefined;
}

function sublabel(
  list: Extract<FieldDescription, { show: 'list' }>,
  item: unknown,
  i: number,
  label: string,
  nameOf: NameOf,
): string {
  const name = itemName(list, item, i, nameOf);
  return name !== undefined ? `${label}（${name}）` : `${list.item} ${i + 1} ${label}`;
}

/**
 * The field at `rel` (segments below the entry's input) and its label; `input` names list
 * items by their member. Undefined when the description has no such field.
 */
export function locateField(
  description: EntryDescription,
  rel: readonly PathSegment[],
  input: unknown,
  nameOf: NameOf,
): LocatedField | undefined {
  return locateIn(description.fields, rel, input, nameOf);
}

function locateIn(
  fields: readonly FieldDescription[],
  rel: readonly PathSegment[],
  input: unknown,
  nameOf: NameOf,
): LocatedField | undefined {
  const field = fields.find((f) => startsWith(rel, f.path));
  if (!field) return undefined;
  const rest = rel.slice(field.path.length);
  if (rest.length === 0) return { field, label: field.label };
  const [head, ...tail] = rest;
  switch (field.show) {
    case 'approval':
      if (tail.length === 0 && (head === 'docNo' || head === 'date')) {
        return {
          field: { path: [...field.path, head], label: field.parts[head], show: head === 'date' ? 'date' : 'text' },
          label: field.parts[head],
        };
      }
      return undefined;
    case 'votes':
      if (tail.length === 0 && typeof head === 'string' && Object.hasOwn(VOTE_LABELS, head)) {
        const label = `${VOTE_LABELS[head as keyof typeof VOTE_LABELS]}票`;
        return { field: { path: [...field.path, head], label, show: 'number', unit: '票' }, label };
      }
      return undefined;
    case 'people':
      return typeof head === 'number' && tail.length === 0
        ? { field: { path: field.path, label: field.label, show: 'person' }, label: field.label }
        : undefined;
    case 'list': {
      if (typeof head !== 'number') return undefined;
      const item = getAt(input, [...field.path, head]);
      if (tail.length === 0)
        return { field, label: itemName(field, item, head, nameOf) ?? `${field.item} ${head + 1}` };
      const inner = locateIn(field.fields, tail, item, nameOf);
      return inner && { field: inner.field, label: sublabel(field, item, head, inner.label, nameOf) };
    }
    default:
      return undefined;
  }
}

/** How a correctable value is typed in the correction dialog. */
export type CorrectionEditor =
  'text' | 'longText' | 'date' | 'dateTime' | 'number' | 'boolean' | 'enum' | 'enumList' | 'person' | 'people';

export interface CorrectableField extends LocatedField {
  /** Segments below the entry's input. */
  rel: PathSegment[];
  editor: CorrectionEditor;
}

const EDITORS: Partial<Record<FieldDescription['show'], CorrectionEditor>> = {
  text: 'text',
  longText: 'longText',
  date: 'date',
  dateTime: 'dateTime',
  number: 'number',
  entryRef: 'number',
  boolean: 'boolean',
  enum: 'enum',
  person: 'person',
  people: 'people',
  enumList: 'enumList',
};

/**
 * Every field the recorder can correct, in the description's order: each one-value field
 * (also one left empty at sealing, e.g. an optional 入党时间), each part of an approval and of
 * a vote, each field of each list item, and a list of people as a whole. Not: attachments
 * (content-addressed), technical fields, a member's identity, fields of an object that was
 * not sealed at all (an election the meeting did not hold), and `exclude`d prefixes (a
 * meeting's attendance, corrected with its own dialog).
 */
export function correctableFields(
  description: EntryDescription,
  input: unknown,
  nameOf: NameOf,
  exclude: readonly (readonly string[])[] = [],
): CorrectableField[] {
  const out: CorrectableField[] = [];
  const walk = (
    fields: readonly FieldDescription[],
    base: PathSegment[],
    node: unknown,
    name: (label: string) => string,
  ) => {
    for (const field of fields) {
      if (field.technical || field.fixed) continue;
      const rel = [...base, ...field.path];
      if (exclude.some((e) => startsWith(rel, e))) continue;
      if (field.path.length > 1 && !isRecord(getAt(node, field.path.slice(0, -1)))) continue;
      if (field.show === 'approval') {
        if (!isRecord(getAt(node, field.path))) continue;
        out.push({
          rel: [...rel, 'docNo'],
          label: name(field.parts.docNo),
          editor: 'text',
          field: { path: [...field.path, 'docNo'], label: field.parts.docNo, show: 'text' },
        });
        out.push({
          rel: [...rel, 'date'],
          label: name(field.parts.date),
          editor: 'date',
          field: { path: [...field.path, 'date'], label: field.parts.date, show: 'date' },
        });
      } else if (field.show === 'votes') {
        for (const key of Object.keys(VOTE_LABELS) as (keyof typeof VOTE_LABELS)[]) {
          const label = `${VOTE_LABELS[key]}票`;
          out.push({
            rel: [...rel, key],
            label: name(label),
            editor: 'number',
            field: { path: [...field.path, key], label, show: 'number', unit: '票' },
          });
        }
      } else if (field.show === 'list') {
        const items = getAt(node, field.path);
        if (!Array.isArray(items)) continue;
        items.forEach((item: unknown, i) => {
          walk(field.fields, [...rel, i], item, (label) => name(sublabel(field, item, i, label, nameOf)));
        });
      } else {
        const editor = EDITORS[field.show];
        if (editor) out.push({ rel, label: name(field.label), editor, field });
      }
    }
  };
  walk(description.fields, [], input, (label) => label);
  return out;
}

/**
 * The label of the field at `keys`, list items skipped (`['topics', 'discussion']` → 讨论情况):
 * for views that lay a kind out by hand, such as the meeting's, and still take its labels
 * from the description.
 */
export function labelOf(description: EntryDescription, keys: readonly string[]): string {
  let fields: readonly FieldDescription[] = description.fields;
  let rest = keys;
  for (;;) {
    const field = fields.find((f) => startsWith(rest, f.path));
    if (!field) return keys.join('.');
    rest = rest.slice(field.path.length);
    if (rest.length === 0) return field.label;
    if (field.show === 'approval' && (rest[0] === 'docNo' || rest[0] === 'date')) return field.parts[rest[0]];
    if (field.show === 'votes' && Object.hasOwn(VOTE_LABELS, rest[0] ?? ''))
      return VOTE_LABELS[rest[0] as keyof typeof VOTE_LABELS];
    if (field.show !== 'list') return keys.join('.');
    fields = field.fields;
  }
}
