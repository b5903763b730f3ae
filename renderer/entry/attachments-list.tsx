/** Attachments sealed with an entry (by content hash); opening them is for a later issue. */
import { Typography } from 'antd';
import { PaperClipOutlined } from '@ant-design/icons';
import type { AttachmentRef } from '../../db/contract';
import { useEntryView } from './entry-context';
import { getAt, inputBase } from './fields';

function size(n: number): string {
  if (n < 1024) return `${n} 字节`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

export function AttachmentsList() {
  const { original } = useEntryView();
  const list = getAt(original, [...inputBase(original), 'attachments']) as AttachmentRef[] | undefined;
  if (!Array.isArray(list) || list.length === 0) return null;
  return (
    <div style={{ marginTop: 16 }}>
      <Typography.Title level={5}>附件（{list.length}）</Typography.Title>
      {list.map((a) => (
        <div key={a.hash}>
          <PaperClipOutlined /> {a.name}<Typography.Text type="secondary">（{size(a.size)}，SHA-256 {a.hash.slice(0, 12)}…）</Typography.Text>
        </div>
      ))}
    </div>
  );
}
