/**
 * A list (实到, 缺席) corrected as a whole: `entries.correct` with `changes` replaces
 * `/input/presentIds` and `/input/absent` in one go, so there is no single leaf to put the
 * correction beside. The sealed list is struck through and each corrected list shown in full.
 */
import { Corrected, correctionsUnder, useEntryView } from './entry-context';
import { formatValue, getAt, inputBase, labelPath, parsePointer, toPointer, type PathSegment } from './fields';

/** True when some correction replaced the whole list at `path` (not just one item of it). */
export function useListCorrected(path: PathSegment[]): boolean {
  const { original, corrections } = useEntryView();
  return (corrections.get(toPointer([...inputBase(original), ...path])) ?? []).length > 0;
}

export function ListValue({ path, format, multiline }: { path: PathSegment[]; format: (value: unknown) => string; multiline?: boolean }) {
  const { original, corrections, names, family } = useEntryView();
  const full = [...inputBase(original), ...path];
  const pointer = toPointer(full);
  const list = correctionsUnder(corrections, pointer).sort((a, b) => a.seq - b.seq);
  const text = format(getAt(original, full));
  if (list.length === 0) return <span data-field={pointer}>{text}</span>;
  // An older correction of one item (e.g. one leave note) is named by the item it changed.
  const item = (field: string, value: unknown) => {
    const rel = parsePointer(field).slice(full.length).map((s) => (/^\d+$/.test(s) ? Number(s) : s));
    return `${labelPath(rel)}：${formatValue(value, [...path, ...rel], names, family)}`;
  };
  return <Corrected pointer={pointer} text={text} multiline={multiline}
    notes={list.map((c) => ({ c, text: c.field === pointer ? format(c.value) : item(c.field, c.value) }))} />;
}
