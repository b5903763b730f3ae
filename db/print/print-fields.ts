/**
 * One sealed entry's values as printed: each formatted from its field's description (the
 * same formatter the screen uses), the original always readable, and every correction of it
 * beside it as a struck original with the new value, the reason, who and when.
 */
import {
  VOTE_LABELS,
  beijingTime,
  formatValue,
  getAt,
  locateField,
  parsePointer,
  toPointer,
  type CorrectionView,
  type EntryDescription,
  type FieldDescription,
  type ListField,
  type NameOf,
  type PathSegment,
} from '../contract';
import { esc, row } from './print-html';

export interface EntryReading {
  kind: string;
  /** The entry's sealed input (for ledger kinds, its body). */
  input: unknown;
  /** Segments from the sealed body to the input (corrections point from the body). */
  base: PathSegment[];
  description: EntryDescription;
  /** Corrections up to the print's checkpoint, in seq order. */
  corrections: CorrectionView[];
  nameOf: NameOf;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function pointerOf(r: EntryReading, rel: readonly PathSegment[]): string {
  return toPointer([...r.base, ...rel]);
}

/** The label and formatted value of a correction's field, by the corrected entry's description. */
export function correctionLabel(r: EntryReading, c: CorrectionView): { label: string; value: string } {
  const rel = parsePointer(c.field).slice(r.base.length);
  const located = locateField(r.description, rel, r.input, r.nameOf);
  return { label: located?.label ?? c.fieldLabel, value: formatValue(c.value, located?.field, r.nameOf) };
}

function note(r: EntryReading, c: CorrectionView, withLabel: boolean): string {
  const { label, value } = correctionLabel(r, c);
  return (
    `<span class="corr"><b>更正</b>${withLabel ? `“${esc(label)}”` : ''}为：<span class="pre">${esc(value)}</span>` +
    `<br><span class="muted">理由：${esc(c.reason)}；更正人：${esc(c.by || '（未填写）')}；${esc(beijingTime(c.recordedAt))}（第 ${c.seq} 条）</span></span>`
  );
}

/**
 * The value at `rel` (below the input), shown as `field` says, with corrections of exactly
 * this value (original struck) and of parts of it (named) beside it.
 */
export function valueHtml(
  r: EntryReading,
  rel: readonly PathSegment[],
  field: FieldDescription | undefined,
  format?: (v: unknown) => string,
): string {
  const pointer = pointerOf(r, rel);
  const original = getAt(r.input, rel);
  const text = format ? format(original) : formatValue(original, field, r.nameOf);
  const own = r.corrections.filter((c) => c.field === pointer);
  const parts = r.corrections.filter((c) => c.field.startsWith(`${pointer}/`));
  const shown = own.length > 0 ? `<del class="pre">${esc(text)}</del>` : `<span class="pre">${esc(text)}</span>`;
  return shown + own.map((c) => note(r, c, false)).join('') + parts.map((c) => note(r, c, true)).join('');
}

function listTable(r: EntryReading, field: ListField, base: readonly PathSegment[]): string {
  const items = getAt(r.input, [...base, ...field.path]);
  if (!Array.isArray(items) || items.length === 0)
    return `<span>（无）</span>${wholeListNotes(r, [...base, ...field.path])}`;
  interface Column {
    title: string;
    path: string[];
    field: FieldDescription;
    num: boolean;
  }
  const columns = field.fields.flatMap((sub): Column[] =>
    sub.show === 'votes'
      ? (Object.keys(VOTE_LABELS) as (keyof typeof VOTE_LABELS)[]).map((k) => ({
          title: VOTE_LABELS[k],
          path: [...sub.path, k],
          field: { path: [...sub.path, k], label: VOTE_LABELS[k], show: 'number', unit: '票' },
          num: true,
        }))
      : [{ title: sub.label, path: [...sub.path], field: sub, num: sub.show === 'number' }],
  );
  const head = `<thead><tr><th class="num">序号</th>${columns.map((c) => `<th>${esc(c.title)}</th>`).join('')}</tr></thead>`;
  const body = items
    .map(
      (_, i) =>
        `<tr><td class="num">${i + 1}</td>${columns.map((c) => `<td${c.num ? ' class="num"' : ''}>${valueHtml(r, [...base, ...field.path, i, ...c.path], c.field)}</td>`).join('')}</tr>`,
    )
    .join('');
  return `<table class="list">${head}<tbody>${body}</tbody></table>${wholeListNotes(r, [...base, ...field.path])}`;
}

/** Corrections that replaced a whole list (who was present): the list as sealed stays above. */
function wholeListNotes(r: EntryReading, rel: readonly PathSegment[]): string {
  const pointer = pointerOf(r, rel);
  return r.corrections
    .filter((c) => c.field === pointer)
    .map((c) => note(r, c, true))
    .join('');
}

/** The fields a page shows: not technical, not attachments (listed apart), not of an object never sealed. */
export function printedFields(r: EntryReading): FieldDescription[] {
  const ledger = r.base.length === 0;
  return r.description.fields.filter((f) => {
    if (f.technical || f.show === 'attachments') return false;
    if (f.path.length > 1 && !isRecord(getAt(r.input, f.path.slice(0, -1)))) return false;
    return !ledger || getAt(r.input, f.path) !== undefined;
  });
}

/** Attachments by name and size: the files themselves are kept with the record. */
export function attachmentsHtml(r: EntryReading): string {
  const list = getAt(r.input, ['attachments']);
  if (!Array.isArray(list) || list.length === 0) return '';
  const items = list.map((a) =>
    isRecord(a)
      ? `${esc(String(a.name))}（${Math.max(1, Math.round(Number(a.size) / 1024))} KB，SHA-256 ${esc(String(a.hash).slice(0, 12))}…）`
      : '',
  );
  return `<h4>附件</h4><p class="pre">${items.join('\n')}</p><p class="footnote">附件原件随电子记录保存，可按 SHA-256 核对。</p>`;
}

/**
 * Any entry as the record book's form: label and value rows in the description's order,
 * lists as tables with repeated headers. `special` renders fields the caller knows better
 * (a correction entry's field of another entry).
 */
export function genericBody(r: EntryReading, special?: (field: FieldDescription) => string | undefined): string {
  const rows: string[] = [];
  const blocks: string[] = [];
  for (const field of printedFields(r)) {
    const custom = special?.(field);
    if (custom !== undefined) {
      rows.push(row(field.label, custom));
    } else if (field.show === 'list') {
      flush(rows, blocks);
      blocks.push(`<h4>${esc(field.label)}</h4>${listTable(r, field, [])}`);
    } else if (field.show === 'longText') {
      // A long text on its own (label, then the text), so that its pages can break between lines.
      flush(rows, blocks);
      blocks.push(`<h4>${esc(field.label)}</h4><div class="prose">${valueHtml(r, field.path, field)}</div>`);
    } else {
      rows.push(row(field.label, valueHtml(r, field.path, field)));
    }
  }
  flush(rows, blocks);
  return blocks.join('') + attachmentsHtml(r);
}

function flush(rows: string[], blocks: string[]): void {
  if (rows.length > 0) blocks.push(`<table class="form"><tbody>${rows.join('')}</tbody></table>`);
  rows.length = 0;
}

/** Every correction of the entry, in one table at its end, so none is missed by a reader. */
export function correctionsTable(r: EntryReading): string {
  if (r.corrections.length === 0) return '';
  const body = r.corrections
    .map((c) => {
      const { label, value } = correctionLabel(r, c);
      return (
        `<tr><td class="num">第 ${c.seq} 条</td><td>${esc(label)}</td><td><del class="pre">${esc(formatValue(c.previous, locateField(r.description, parsePointer(c.field).slice(r.base.length), r.input, r.nameOf)?.field, r.nameOf))}</del></td>` +
        `<td class="pre">${esc(value)}</td><td>${esc(c.reason)}</td><td>${esc(c.by || '（未填写）')}</td><td>${esc(beijingTime(c.recordedAt))}</td></tr>`
      );
    })
    .join('');
  return `<h3>更正记录</h3><table class="list"><thead><tr><th>更正</th><th>字段</th><th>原内容</th><th>更正为</th><th>理由</th><th>更正人</th><th>时间</th></tr></thead><tbody>${body}</tbody></table>`;
}
