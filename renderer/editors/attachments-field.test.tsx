import { fireEvent, screen, waitFor } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import type { AttachmentRef } from '../../db/contract';
import { AttachmentsField } from './attachments-field';
import { apiError, renderWithApi } from '../test/kit';
import { realBook } from '../test/real-service';

function Harness({ bookId, initial = [] }: { bookId: string; initial?: AttachmentRef[] }) {
  const [value, setValue] = useState<AttachmentRef[]>(initial);
  return <AttachmentsField bookId={bookId} value={value} onChange={setValue} />;
}

function pick(...files: File[]) {
  fireEvent.change(screen.getByTestId('attachment-input'), { target: { files } });
}

describe('AttachmentsField', () => {
  it('stores a file as base64 through attachments.put and lists it', async () => {
    const { api: calls, bookId } = await realBook();
    renderWithApi(<Harness bookId={bookId} />, calls);
    pick(new File(['hello'], '签到表.png', { type: 'image/png' }));
    expect(await screen.findByText('签到表.png')).toBeInTheDocument();
    expect(calls['attachments.put']).toHaveBeenCalledWith({
      bookId,
      fileName: '签到表.png',
      mediaType: 'image/png',
      dataBase64: 'aGVsbG8=',
    });
    expect(screen.getByLabelText('已添加的附件')).toHaveTextContent('5 字节');
    // Stored in the real book, by content hash.
    const stored = await calls['attachments.get']({
      bookId,
      hash: ((await calls['attachments.put'].mock.results[0]?.value) as { hash: string }).hash,
    });
    expect(stored).toEqual({ dataBase64: 'aGVsbG8=', size: 5 });
  });

  it('refuses files over 50 MB before reading them, with a Chinese message', async () => {
    const { api: calls, bookId } = await realBook();
    renderWithApi(<Harness bookId={bookId} />, calls);
    const big = new File(['x'], '会议录像.mp4', { type: 'video/mp4' });
    Object.defineProperty(big, 'size', { value: 51 * 1024 * 1024 });
    pick(big);
    expect(await screen.findByTestId('attachment-error')).toHaveTextContent(
      '“会议录像.mp4”大小为 51.0 MB，超过单个附件 50 MB 的上限',
    );
    expect(calls['attachments.put']).not.toHaveBeenCalled();
  });

  it('shows the service error and falls back to a generic media type', async () => {
    const { api: calls, bookId } = await realBook();
    // Injected: a full disk.
    calls['attachments.put'].mockRejectedValueOnce(apiError('storage-full', '磁盘空间不足，附件未保存'));
    renderWithApi(<Harness bookId={bookId} />, calls);
    pick(new File(['abc'], '说明.xyz', { type: '' }));
    expect(await screen.findByTestId('attachment-error')).toHaveTextContent(
      '“说明.xyz”未能添加：磁盘空间不足，附件未保存',
    );
    expect(calls['attachments.put']).toHaveBeenCalledWith(
      expect.objectContaining({ mediaType: 'application/octet-stream' }),
    );
    await waitFor(() => expect(screen.queryByTestId('attachment-progress')).not.toBeInTheDocument());
  });

  it('adds no more than 50 attachments to one entry and says how many files it ignored', async () => {
    const { api: calls, bookId } = await realBook();
    const existing = Array.from({ length: 49 }, (_, i) => ({
      hash: i.toString(16).padStart(64, '0'),
      name: `旧附件${i}.png`,
      mediaType: 'image/png',
      size: 1,
    }));
    renderWithApi(<Harness bookId={bookId} initial={existing} />, calls);
    pick(
      new File(['a'], '一.png', { type: 'image/png' }),
      new File(['b'], '二.png', { type: 'image/png' }),
      new File(['c'], '三.png', { type: 'image/png' }),
    );
    expect(await screen.findByText('一.png')).toBeInTheDocument();
    expect(screen.getByTestId('attachment-error')).toHaveTextContent('每条记录最多 50 个附件，已忽略多出的 2 个文件。');
    expect(calls['attachments.put']).toHaveBeenCalledTimes(1);
    expect(screen.queryByText('二.png')).not.toBeInTheDocument();
  });
});
