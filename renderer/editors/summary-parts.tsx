/** Read-only building blocks for the confirmation summaries (what becomes permanent). */
import type { ReactNode } from 'react';
import { Descriptions, Typography } from 'antd';
import type { AttachmentRef } from '../../db/contract';
import { formatSize } from './attachments-field';

export interface SummaryRow {
  label: string;
  value: ReactNode;
}

/** Multi-line text exactly as it will be sealed (line breaks kept). */
export function Prose({ text }: { text: string | undefined }) {
  if (!text || !text.trim()) return <Typography.Text type="secondary">（未填写）</Typography.Text>;
  return <div style={{ whiteSpace: 'pre-wrap' }}>{text}</div>;
}

export function orEmpty(text: string | number | undefined | null): ReactNode {
  return text === undefined || text === null || text === '' ? (
    <Typography.Text type="secondary">（未填写）</Typography.Text>
  ) : (
    text
  );
}

export function attachmentsText(list: readonly AttachmentRef[]): ReactNode {
  if (list.length === 0) return '无';
  return list.map((a) => `${a.name}（${formatSize(a.size)}）`).join('；');
}

export function SummaryTable({ rows }: { rows: SummaryRow[] }) {
  return (
    <Descriptions
      bordered
      size="small"
      column={1}
      items={rows.map((r, i) => ({ key: i, label: r.label, children: r.value }))}
    />
  );
}
