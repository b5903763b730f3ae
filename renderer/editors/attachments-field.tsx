/**
 * Attachments (scans, photos, signed minutes), picked with antd's Upload (click or drag and
 * drop; our own list and Chinese progress instead of its default list): each file is read as base64, stored with
 * `attachments.put` (content-addressed, so the same file twice is kept once) and listed
 * as `{hash, name, mediaType, size}` in the draft. Big files show progress while they are
 * read and while the service stores them; files over 50 MB are refused before reading.
 */
import { useLayoutEffect, useRef, useState } from 'react';
import { Alert, Button, Flex, Progress, Typography, Upload, type UploadProps } from 'antd';
import { DeleteOutlined, PaperClipOutlined } from '@ant-design/icons';
import type { AttachmentRef } from '../../db/contract';
import { useApi } from '../api-context';
import { toShownError } from './api-error';

export const MAX_ATTACHMENT_BYTES = 50 * 1024 * 1024;
export const MAX_ATTACHMENTS = 50;
const MEDIA_TYPE = /^[a-z]+\/[a-z0-9.+-]+$/i;

interface Pending {
  key: string;
  name: string;
  percent: number;
  saving: boolean;
}

/** A control of the editors' antd Form (`<Form.Item name="attachments">`): value in, whole new list out. */
export interface AttachmentsFieldProps {
  bookId: string;
  value?: AttachmentRef[];
  onChange?: (next: AttachmentRef[]) => void;
}

export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} 字节`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** Reads a file as base64 (without the data: prefix), reporting progress in percent. */
export function readAsBase64(file: File, onProgress: (percent: number) => void): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onprogress = (e) => {
      if (e.lengthComputable && e.total > 0) onProgress(Math.round((e.loaded / e.total) * 100));
    };
    reader.onerror = () => reject(new Error('read failed'));
    reader.onload = () => {
      const url = typeof reader.result === 'string' ? reader.result : '';
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.readAsDataURL(file);
  });
}

export function AttachmentsField({ bookId, value = [], onChange }: AttachmentsFieldProps) {
  const api = useApi();
  // Several files may finish between two renders: each change starts from the last list sent.
  const latest = useRef(value);
  useLayoutEffect(() => {
    latest.current = value;
  });
  const change = (update: (current: AttachmentRef[]) => AttachmentRef[]) => {
    latest.current = update(latest.current);
    onChange?.(latest.current);
  };
  const [uploads, setUploads] = useState<Pending[]>([]);
  const [errors, setErrors] = useState<string[]>([]);

  const patch = (key: string, change: Partial<Pending>) =>
    setUploads((list) => list.map((u) => (u.key === key ? { ...u, ...change } : u)));

  async function addOne(file: File, key: string): Promise<string | null> {
    if (file.size > MAX_ATTACHMENT_BYTES) {
      return `“${file.name}”大小为 ${formatSize(file.size)}，超过单个附件 50 MB 的上限，未能添加。请压缩或拆分后再添加。`;
    }
    setUploads((list) => [...list, { key, name: file.name, percent: 0, saving: false }]);
    try {
      const dataBase64 = await readAsBase64(file, (percent) => patch(key, { percent }));
      patch(key, { percent: 100, saving: true });
      const mediaType = MEDIA_TYPE.test(file.type) ? file.type : 'application/octet-stream';
      const ref = await api['attachments.put']({ bookId, fileName: file.name, mediaType, dataBase64 });
      change((current) => (current.some((a) => a.hash === ref.hash) ? current : [...current, ref]));
      return null;
    } catch (e) {
      const message =
        e instanceof Error && e.message === 'read failed'
          ? '无法读取文件，可能已被移动或正在被其他程序占用。'
          : toShownError(e).message;
      return `“${file.name}”未能添加：${message}`;
    } finally {
      setUploads((list) => list.filter((u) => u.key !== key));
    }
  }

  const room = Math.max(MAX_ATTACHMENTS - value.length, 0);
  // One batch of picked files: its problems replace the previous batch's; files beyond the limit are ignored.
  const beforeUpload: UploadProps['beforeUpload'] = (file, batch) => {
    const index = batch.indexOf(file);
    if (index === 0) {
      setErrors(
        batch.length > room
          ? [`每条记录最多 ${MAX_ATTACHMENTS} 个附件，已忽略多出的 ${batch.length - room} 个文件。`]
          : [],
      );
    }
    return index < room ? true : Upload.LIST_IGNORE;
  };
  const customRequest: UploadProps['customRequest'] = ({ file, onSuccess, onError }) => {
    if (!(file instanceof File)) return;
    void addOne(file, `${Date.now()}-${file.name}-${Math.random().toString(36).slice(2)}`).then((problem) => {
      if (problem) {
        setErrors((list) => [...list, problem]);
        onError?.(new Error(problem));
      } else onSuccess?.(null);
    });
  };

  return (
    <Flex vertical gap={8}>
      <Upload
        id="attachments-input"
        data-testid="attachment-input"
        aria-label="选择附件文件"
        multiple
        showUploadList={false}
        beforeUpload={beforeUpload}
        customRequest={customRequest}
      >
        <Button icon={<PaperClipOutlined />}>添加附件（单个不超过 50 MB，可拖入文件）</Button>
      </Upload>
      {uploads.map((u) => (
        <div key={u.key} data-testid="attachment-progress">
          <Typography.Text>{u.saving ? `正在保存“${u.name}”…` : `正在读取“${u.name}”…`}</Typography.Text>
          <Progress percent={u.percent} status={u.saving ? 'active' : 'normal'} size="small" />
        </div>
      ))}
      {errors.map((e) => (
        <Alert key={e} type="error" showIcon title={e} data-testid="attachment-error" />
      ))}
      {value.length > 0 && (
        <ul aria-label="已添加的附件" style={{ margin: 0, paddingInlineStart: 20 }}>
          {value.map((a) => (
            <li key={a.hash}>
              <Flex align="center" gap={8} wrap>
                <Typography.Text>{a.name}</Typography.Text>
                <Typography.Text type="secondary">{formatSize(a.size)}</Typography.Text>
                <Button
                  type="link"
                  danger
                  size="small"
                  icon={<DeleteOutlined />}
                  aria-label={`移除附件“${a.name}”`}
                  onClick={() => change((current) => current.filter((x) => x.hash !== a.hash))}
                >
                  移除
                </Button>
              </Flex>
            </li>
          ))}
        </ul>
      )}
    </Flex>
  );
}
