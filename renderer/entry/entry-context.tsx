/**
 * What every field of an entry view needs: the sealed original, its kind's description, the
 * corrections by field, member names. `<FieldValue>` shows the original and, beside it,
 * every correction, each formatted and labelled from the description.
 */
import { createContext, useContext, type ReactNode } from 'react';
import { Space, Tag, Typography } from 'antd';
import {
  beijingTime,
  getAt,
  locateField,
  parsePointer,
  toPointer,
  type CorrectionView,
  type EntryDescription,
  type FieldDescription,
  type NameOf,
  type PathSegment,
} from '../../db/contract';
import { navigate } from '../app/routes';
import { formatValue } from './format-value';

export interface EntryViewContext {
  kind: string;
  /** The body exactly as sealed. */
  original: unknown;
  /** Where the typed input sits in the body (`['input']`, or `[]` for ledger entries). */
  base: PathSegment[];
  description: EntryDescription | undefined;
  corrections: Map<string, CorrectionView[]>;
  nameOf: NameOf;
}

const Ctx = createContext<EntryViewContext>({
  kind: 'other',
  original: null,
  base: [],
  description: undefined,
  corrections: new Map(),
  nameOf: (id) => id,
});

export function EntryContextProvider({ value, children }: { value: EntryViewContext; children: ReactNode }) {
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export function useEntryView(): EntryViewContext {
  return useContext(Ctx);
}

/** A name for a member id from the roster of the entry's day, or a short id when it is not on it. */
export function rosterNames(names: Map<string, string>): NameOf {
  return (id) => names.get(id) ?? `（成员 ${id.slice(0, 8)}）`;
}

export function groupCorrections(list: CorrectionView[]): Map<string, CorrectionView[]> {
  const map = new Map<string, CorrectionView[]>();
  for (const c of [...list].sort((a, b) => a.seq - b.seq)) map.set(c.field, [...(map.get(c.field) ?? []), c]);
  return map;
}

/** Corrections at `pointer` or below it (for a block such as one topic). */
export function correctionsUnder(map: Map<string, CorrectionView[]>, pointer: string): CorrectionView[] {
  return [...map.entries()].filter(([p]) => p === pointer || p.startsWith(`${pointer}/`)).flatMap(([, v]) => v);
}

/** True when some correction replaced the whole value at `path` (e.g. 实到 as a list). */
export function useWholeCorrected(path: PathSegment[]): boolean {
  const { base, corrections } = useEntryView();
  return (corrections.get(toPointer([...base, ...path])) ?? []).length > 0;
}

const prose = { whiteSpace: 'pre-wrap' as const, wordBreak: 'break-word' as const };

/** One correction beside the original: the new value, reason, who, when (Beijing time), and a link to it. */
export function CorrectionNote({
  c,
  text,
  multiline,
}: {
  c: CorrectionView;
  text: string;
  multiline?: boolean | undefined;
}) {
  return (
    <div
      data-testid="correction-beside"
      style={{ borderLeft: '3px solid #1677ff', paddingLeft: 8, background: '#f0f5ff' }}
    >
      <div style={multiline ? prose : undefined}>
        <Tag color="blue">更正</Tag>
        <span data-testid="corrected-value">{text}</span>
      </div>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        理由：{c.reason}；更正人：{c.by}；{beijingTime(c.recordedAt)}；
        <Typography.Link onClick={() => navigate({ page: 'entry', seq: c.seq })}>见第 {c.seq} 条</Typography.Link>
      </Typography.Text>
    </div>
  );
}

/** The sealed text struck through, with each correction's text beside it. */
export function Corrected({
  pointer,
  text,
  notes,
  multiline,
}: {
  pointer: string;
  text: string;
  notes: { c: CorrectionView; text: string }[];
  multiline?: boolean | undefined;
}) {
  return (
    <div
      data-field={pointer}
      data-corrected="true"
      style={{ display: 'flex', flexWrap: 'wrap', gap: 12, alignItems: 'flex-start' }}
    >
      <Typography.Text delete type="secondary" style={multiline ? prose : undefined} data-testid="original-value">
        {text}
      </Typography.Text>
      <Space orientation="vertical" size={4} style={{ flex: 1, minWidth: 220 }}>
        {notes.map((n, i) => (
          <CorrectionNote key={`${n.c.seq}-${i}`} c={n.c} text={n.text} multiline={multiline} />
        ))}
      </Space>
    </div>
  );
}

const WHOLE_SHOWS = new Set<FieldDescription['show']>(['people', 'list', 'approval', 'votes']);

/**
 * One field: the sealed value, and when it was corrected, the sealed value struck through
 * with each correction beside it. A list (实到, 参加成员, 缺席) also collects corrections of
 * single items below it, each named by the item's label. `format` overrides the text of
 * the whole value (the meeting's 实到 with its head count).
 */
export function FieldValue({
  path,
  multiline,
  format,
}: {
  path: PathSegment[];
  multiline?: boolean;
  format?: (value: unknown) => string;
}) {
  const { original, base, description, corrections, nameOf } = useEntryView();
  const input = getAt(original, base);
  const full = [...base, ...path];
  const pointer = toPointer(full);
  const field = description && locateField(description, path, input, nameOf)?.field;
  const show = (v: unknown) => (format ? format(v) : formatValue(v, field, nameOf));
  const long = multiline ?? (field?.show === 'longText' || field?.show === 'list');
  const text = show(getAt(original, full));
  const whole = field !== undefined && WHOLE_SHOWS.has(field.show);
  const list = (whole ? correctionsUnder(corrections, pointer) : (corrections.get(pointer) ?? [])).sort(
    (a, b) => a.seq - b.seq,
  );
  if (list.length === 0) {
    return (
      <span style={long ? prose : undefined} data-field={pointer}>
        {text}
      </span>
    );
  }
  const note = (c: CorrectionView) => {
    if (c.field === pointer) return show(c.value);
    // A correction of one part (one leave note, one approval date) is named by that part's label.
    const rel = parsePointer(c.field).slice(base.length);
    const part = description && locateField(description, rel, input, nameOf);
    return `${part?.label ?? ''}：${formatValue(c.value, part?.field, nameOf)}`;
  };
  return <Corrected pointer={pointer} text={text} multiline={long} notes={list.map((c) => ({ c, text: note(c) }))} />;
}
