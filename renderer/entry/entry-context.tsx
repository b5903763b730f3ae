/**
 * What every field of an entry view needs: the sealed original, the corrections by field,
 * member names. `<FieldValue>` shows the original and, beside it, every correction.
 */
import { createContext, useContext, type ReactNode } from 'react';
import { Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import type { CorrectionView } from '../../db/contract';
import { navigate } from '../app/routes';
import { formatValue, getAt, inputBase, toPointer, type PathSegment } from './fields';

export interface EntryViewContext {
  original: unknown;
  corrections: Map<string, CorrectionView[]>;
  names: Map<string, string>;
  family: string;
}

const Ctx = createContext<EntryViewContext>({ original: null, corrections: new Map(), names: new Map(), family: 'other' });

export function EntryContextProvider({ value, children }: { value: EntryViewContext; children: ReactNode }) {
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export function useEntryView(): EntryViewContext {
  return useContext(Ctx);
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

const prose = { whiteSpace: 'pre-wrap' as const, wordBreak: 'break-word' as const };

/** One correction beside the original: the new value, reason, who, when, and a link to it. */
export function CorrectionNote({ c, text, multiline }: { c: CorrectionView; text: string; multiline?: boolean | undefined }) {
  return (
    <div data-testid="correction-beside" style={{ borderLeft: '3px solid #1677ff', paddingLeft: 8, background: '#f0f5ff' }}>
      <div style={multiline ? prose : undefined}>
        <Tag color="blue">更正</Tag>
        <span data-testid="corrected-value">{text}</span>
      </div>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        理由：{c.reason}；更正人：{c.by}；{dayjs(c.recordedAt).format('YYYY-MM-DD HH:mm')}；
        <Typography.Link onClick={() => navigate({ page: 'entry', seq: c.seq })}>见第 {c.seq} 条</Typography.Link>
      </Typography.Text>
    </div>
  );
}

/** The sealed text struck through, with each correction's text beside it. */
export function Corrected({ pointer, text, notes, multiline }: {
  pointer: string; text: string; notes: { c: CorrectionView; text: string }[]; multiline?: boolean | undefined;
}) {
  return (
    <div data-field={pointer} data-corrected="true" style={{ display: 'flex', flexWrap: 'wrap', gap: 12, alignItems: 'flex-start' }}>
      <Typography.Text delete type="secondary" style={multiline ? prose : undefined} data-testid="original-value">{text}</Typography.Text>
      <Space orientation="vertical" size={4} style={{ flex: 1, minWidth: 220 }}>
        {notes.map((n, i) => <CorrectionNote key={`${n.c.seq}-${i}`} c={n.c} text={n.text} multiline={multiline} />)}
      </Space>
    </div>
  );
}

/**
 * One field: the sealed value, and when it was corrected, the sealed value struck through
 * with each correction beside it.
 */
export function FieldValue({ path, multiline }: { path: PathSegment[]; multiline?: boolean }) {
  const { original, corrections, names, family } = useEntryView();
  const full = [...inputBase(original), ...path];
  const pointer = toPointer(full);
  const value = getAt(original, full);
  const list = corrections.get(pointer) ?? [];
  const text = formatValue(value, path, names, family);
  if (list.length === 0) {
    return <span style={multiline ? prose : undefined} data-field={pointer}>{text}</span>;
  }
  return <Corrected pointer={pointer} text={text} multiline={multiline}
    notes={list.map((c) => ({ c, text: formatValue(c.value, path, names, family) }))} />;
}
