/**
 * Any sealed entry drawn from its kind's description as a page of the record book: the
 * fields in the paper book's order with the editor's labels, lists as tables, attachments
 * below; each value with its corrections beside it. Technical fields (ids, keys, hashes)
 * are left to the page's folded 技术信息 section.
 */
import type { ReactNode } from 'react';
import { Alert, Descriptions, Table, Typography } from 'antd';
import {
  VOTE_LABELS,
  describeEntry,
  getAt,
  inputPathOf,
  locateField,
  parsePointer,
  toPointer,
  type EntryDescription,
  type FieldDescription,
  type ListField,
  type PathSegment,
} from '../../db/contract';
import { useServiceQuery } from '../app/service-query';
import { useBook } from '../app/book-context';
import { navigate } from '../app/routes';
import { FieldValue, useEntryView } from './entry-context';
import { formatValue } from './format-value';
import { AttachmentsList } from './attachments-list';

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const FULL_WIDTH = new Set<FieldDescription['show']>([
  'longText',
  'list',
  'people',
  'approval',
  'ruleParams',
  'code',
  'correctedField',
  'correctedValue',
  'correctionChanges',
]);

/**
 * The fields a page shows: not technical, not of an object never sealed (an election not
 * held), and no 自定义参数 of a built-in profile taken as it is (nothing was left blank there),
 * unless a correction added some (`corrected`: whether a field has corrections).
 */
export function shownFields(
  description: EntryDescription,
  input: unknown,
  ledger: boolean,
  corrected: (path: readonly PathSegment[]) => boolean = () => false,
): FieldDescription[] {
  return description.fields.filter((f) => {
    if (f.technical || f.show === 'attachments') return false;
    if (f.path.length > 1 && !isRecord(getAt(input, f.path.slice(0, -1)))) return false;
    if (f.show === 'ruleParams' && getAt(input, f.path) === undefined && !corrected(f.path)) return false;
    // 体现的职责 never ticked: not a blank of the paper form, just not tagged (a correction can add it).
    if (f.show === 'enumList' && getAt(input, f.path) === undefined) return false;
    // Ledger entries have no optional blanks to show: a key absent is simply not part of it.
    return !ledger || getAt(input, f.path) !== undefined;
  });
}

/** Short fields two to a row, prose and lists across it; a short field left alone fills its row. */
function rowSpans(fields: FieldDescription[]): { field: FieldDescription; span: 1 | 2 }[] {
  const out: { field: FieldDescription; span: 1 | 2 }[] = [];
  let open: { field: FieldDescription; span: 1 | 2 } | null = null;
  for (const field of fields) {
    if (FULL_WIDTH.has(field.show)) {
      if (open) open.span = 2;
      open = null;
      out.push({ field, span: 2 });
    } else if (open) {
      out.push({ field, span: 1 });
      open = null;
    } else {
      open = { field, span: 1 };
      out.push(open);
    }
  }
  if (open) open.span = 2;
  return out;
}

/** A list of sub-records as a table: one row per item, one column per field (a vote: 同意 / 反对 / 弃权). */
function ListTable({ field, base }: { field: ListField; base: PathSegment[] }) {
  const { original, base: root } = useEntryView();
  const items = getAt(original, [...root, ...base, ...field.path]);
  if (!Array.isArray(items) || items.length === 0) return <span>（无）</span>;
  const columns = field.fields.flatMap((sub) => {
    if (sub.show === 'votes') {
      return (Object.keys(VOTE_LABELS) as (keyof typeof VOTE_LABELS)[]).map((k) => ({
        key: `${sub.path.join('.')}.${k}`,
        title: VOTE_LABELS[k],
        width: 72,
        render: (_: unknown, row: { i: number }) => (
          <FieldValue path={[...base, ...field.path, row.i, ...sub.path, k]} />
        ),
      }));
    }
    return [
      {
        key: sub.path.join('.'),
        title: sub.label,
        render: (_: unknown, row: { i: number }) => <FieldValue path={[...base, ...field.path, row.i, ...sub.path]} />,
      },
    ];
  });
  return (
    <Table size="small" pagination={false} rowKey="i" columns={columns} dataSource={items.map((_, i) => ({ i }))} />
  );
}

/** The entry a correction points at: its description and sealed input label the corrected fields. */
interface Target {
  description: EntryDescription | undefined;
  input: unknown;
  base: PathSegment[];
}

function useCorrectionTarget(seq: number | undefined): Target | undefined {
  const { bookId } = useBook();
  const query = useServiceQuery('entries.get', { bookId, seq: seq ?? 0 }, { enabled: seq !== undefined });
  const target = seq === undefined || query.isPlaceholderData ? undefined : query.data;
  if (!target) return undefined;
  const base = inputPathOf(target.summary.kind);
  const input = getAt(target.original, base);
  return { description: describeEntry(target.summary.kind, input), input, base };
}

function CorrectedFieldText({
  pointer,
  value,
  target,
  part,
}: {
  pointer: unknown;
  value: unknown;
  target: Target | undefined;
  part: 'label' | 'value' | 'both';
}) {
  const { nameOf } = useEntryView();
  if (typeof pointer !== 'string') return <span>—</span>;
  if (!target) return <Typography.Text type="secondary">（正在读取被更正的记录）</Typography.Text>;
  const located =
    target.description &&
    locateField(target.description, parsePointer(pointer).slice(target.base.length), target.input, nameOf);
  const label = located?.label ?? '（无法识别的字段）';
  const text = formatValue(value, located?.field, nameOf);
  const shown = part === 'label' ? label : part === 'value' ? text : `${label}：${text}`;
  return <span style={{ whiteSpace: 'pre-wrap' }}>{shown}</span>;
}

export function RecordView() {
  const { kind, original, base, description, corrections } = useEntryView();
  const input = getAt(original, base);
  const targetSeq =
    kind === 'ledger.correction' && isRecord(input) && typeof input.target === 'number' ? input.target : undefined;
  const target = useCorrectionTarget(targetSeq);
  if (!description) {
    return (
      <Alert
        type="warning"
        showIcon
        data-testid="record-view"
        title="这类记录是较新版本的软件写入的，本版本无法按记录本格式显示；记录本身未受影响。"
      />
    );
  }

  const valueOf = (field: FieldDescription): ReactNode => {
    switch (field.show) {
      case 'list':
        return <ListTable field={field} base={[]} />;
      case 'entryRef': {
        const seq = getAt(input, field.path);
        return typeof seq === 'number' ? (
          <Typography.Link onClick={() => navigate({ page: 'entry', seq })}>
            <FieldValue path={[...field.path]} />
          </Typography.Link>
        ) : (
          <FieldValue path={[...field.path]} />
        );
      }
      case 'correctedField':
        return <CorrectedFieldText pointer={getAt(input, field.path)} value={undefined} target={target} part="label" />;
      case 'correctedValue':
        return (
          <CorrectedFieldText
            pointer={getAt(input, ['field'])}
            value={getAt(input, field.path)}
            target={target}
            part="value"
          />
        );
      case 'correctionChanges': {
        const changes = getAt(input, field.path);
        return Array.isArray(changes)
          ? changes.map((c: unknown, i) => (
              <div key={i}>
                <CorrectedFieldText
                  pointer={getAt(c, ['field'])}
                  value={getAt(c, ['value'])}
                  target={target}
                  part="both"
                />
              </div>
            ))
          : '—';
      }
      default:
        return <FieldValue path={[...field.path]} />;
    }
  };

  const corrected = (path: readonly PathSegment[]) => (corrections.get(toPointer([...base, ...path])) ?? []).length > 0;
  const items = rowSpans(shownFields(description, input, base.length === 0, corrected)).map(({ field, span }) => ({
    key: field.path.join('.'),
    label: field.label,
    span,
    children: valueOf(field),
  }));
  return (
    <div data-testid="record-view">
      <Descriptions size="small" bordered column={2} styles={{ label: { width: 160 } }} items={items} />
      <AttachmentsList />
    </div>
  );
}
