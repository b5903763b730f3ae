/** A 更正 entry itself: which entry and field it corrects, the new value, why and by whom. */
import { Descriptions, Typography } from 'antd';
import { navigate } from '../app/routes';
import { useEntryView } from './entry-context';
import { formatValue, labelPath, parsePointer } from './fields';

interface CorrectionBodyShape {
  /** The ledger writes the target's seq (with `targetHash` beside it); older drafts nested it. */
  target?: number | { seq?: number };
  field?: string;
  value?: unknown;
  reason?: string;
  by?: string;
}

export function CorrectionBody() {
  const { original, names } = useEntryView();
  const body = (original ?? {}) as CorrectionBodyShape;
  const path = parsePointer(body.field ?? '');
  const rel = path[0] === 'input' ? path.slice(1) : path;
  const relPath = rel.map((s) => (/^\d+$/.test(s) ? Number(s) : s));
  const targetSeq = typeof body.target === 'number' ? body.target : body.target?.seq;
  return (
    <Descriptions data-testid="correction-body" size="small" bordered column={1} styles={{ label: { width: 200 } }} items={[
      {
        key: 'target', label: '更正对象',
        children: targetSeq !== undefined
          ? <Typography.Link onClick={() => navigate({ page: 'entry', seq: targetSeq })}>第 {targetSeq} 条记录</Typography.Link>
          : '—',
      },
      { key: 'field', label: '更正字段', children: labelPath(relPath) || '—' },
      { key: 'value', label: '更正为', children: <span style={{ whiteSpace: 'pre-wrap' }}>{formatValue(body.value, relPath, names)}</span> },
      { key: 'reason', label: '更正理由', children: body.reason ?? '—' },
      { key: 'by', label: '更正人', children: body.by || '—' },
    ]} />
  );
}
