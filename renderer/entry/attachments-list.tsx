/**
 * Attachments sealed with an entry (by content hash), each with a 下载 button: the bytes come
 * from `attachments.get` and are saved under the stored name and media type.
 */
import { useState } from 'react';
import { Alert, Button, Typography } from 'antd';
import { DownloadOutlined, PaperClipOutlined } from '@ant-design/icons';
import { useApi } from '../api-context';
import { errorMessage } from '../api';
import { useBook } from '../app/book-context';
import { useEntryView } from './entry-context';
import { attachmentRef, getAt, type AttachmentRef } from '../../db/contract';
import { base64ToBlob, saveBlob } from './download';

function size(n: number): string {
  if (n < 1024) return `${n} 字节`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

export function AttachmentsList() {
  const api = useApi();
  const { bookId } = useBook();
  const { original, base } = useEntryView();
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const list = attachmentRef.array().safeParse(getAt(original, [...base, 'attachments'])).data;
  if (!list || list.length === 0) return null;

  const download = async (a: AttachmentRef) => {
    setBusy(a.hash);
    setError(null);
    try {
      const { dataBase64 } = await api['attachments.get']({ bookId, hash: a.hash });
      saveBlob(base64ToBlob(dataBase64, a.mediaType), a.name);
    } catch (e) {
      setError(`附件“${a.name}”未能打开：${errorMessage(e)}`);
    } finally {
      setBusy(null);
    }
  };

  return (
    <div style={{ marginTop: 16 }} data-testid="attachments">
      <Typography.Title level={5}>附件（{list.length}）</Typography.Title>
      {error && (
        <Alert type="error" showIcon title={error} style={{ marginBottom: 8 }} data-testid="attachment-error" />
      )}
      {list.map((a) => (
        <div key={a.hash} style={{ display: 'flex', alignItems: 'center', gap: 8, marginBottom: 4 }}>
          <span>
            <PaperClipOutlined /> {a.name}
            <Typography.Text type="secondary">
              （{size(a.size)}，SHA-256 {a.hash.slice(0, 12)}…）
            </Typography.Text>
          </span>
          <Button
            size="small"
            icon={<DownloadOutlined />}
            loading={busy === a.hash}
            aria-label={`下载附件 ${a.name}`}
            title="下载或查看附件"
            onClick={() => void download(a)}
          >
            下载
          </Button>
        </div>
      ))}
    </div>
  );
}
