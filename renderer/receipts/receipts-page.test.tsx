import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReceiptRow } from '../../db/contract';
import { ReceiptsPage } from './receipts-page';
import { BOOK, fakeApi, renderInBook, status } from '../test/kit';

const RECEIPT: ReceiptRow = {
  seq: 8,
  liaisonName: '张联络',
  office: '科技社团党委组织部',
  liaisonKeyId: 'SHA256:liaison',
  checkedAt: '2025-03-18T02:00:00.000Z',
  size: 7,
  sampledSeqs: [1, 3, 5],
  conclusion: 'rectify',
  conclusionText: '存在问题，需整改',
  rectify: { what: '补充批复文件', by: '2025-04-30' },
  verdict: 'consistent',
  verdictText: '与记录本一致',
  rectifications: [],
};

async function pickDate(label: string, value: string) {
  const input = screen.getByLabelText(label);
  fireEvent.mouseDown(input);
  fireEvent.change(input, { target: { value } });
  fireEvent.keyDown(input, { key: 'Enter', code: 'Enter' });
  await waitFor(() => expect(input).toHaveValue(value));
}

describe('抽查回执 in the society’s book', () => {
  it('lists the receipt with its verdict and records 整改情况 against it (nothing sent while incomplete)', async () => {
    const user = userEvent.setup();
    const api = fakeApi({
      'books.status': () => status(),
      'receipts.list': () => [RECEIPT],
      'rectifications.seal': () => ({ seq: 9, hash: 'h', recordedAt: '2025-03-19T02:00:00.000Z', flags: [] }),
    });
    renderInBook(<ReceiptsPage />, api);
    const item = await screen.findByTestId('receipt-8');
    expect(item).toHaveTextContent('张联络（科技社团党委组织部）');
    expect(within(item).getByTestId('receipt-verdict')).toHaveTextContent('与记录本一致');
    expect(item).toHaveTextContent('需整改：补充批复文件（期限 2025-04-30）');
    expect(screen.getByTestId('receipt-import')).toBeInTheDocument();

    await user.click(within(item).getByTestId('receipt-rectify'));
    await screen.findByTestId('rectification-form');
    expect(screen.getByTestId('rectification-for')).toHaveTextContent('第 8 条');
    await user.click(screen.getByTestId('rectification-seal'));
    expect(await screen.findByText('请填写整改情况')).toBeInTheDocument();
    expect(api['rectifications.seal']).not.toHaveBeenCalled();

    await pickDate('整改完成日期', '2025-03-19');
    await user.type(screen.getByLabelText('整改情况'), '已补充批复文件扫描件');
    await user.type(screen.getByLabelText('记录人'), '赵六');
    await user.click(screen.getByTestId('rectification-seal'));
    await waitFor(() => expect(api['rectifications.seal']).toHaveBeenCalledTimes(1));
    expect(api['rectifications.seal'].mock.calls[0]?.[0]).toMatchObject({
      bookId: BOOK,
      rectification: { receiptSeq: 8, date: '2025-03-19', done: '已补充批复文件扫描件', by: '赵六' },
    });
  }, 30_000);

  it('is read-only in an imported book: no import, no 整改情况', async () => {
    const imported = status({ readOnly: true, imported: true });
    const api = fakeApi({ 'books.status': () => imported, 'receipts.list': () => [RECEIPT] });
    renderInBook(<ReceiptsPage />, api, [imported]);
    const item = await screen.findByTestId('receipt-8');
    expect(within(item).queryByTestId('receipt-rectify')).not.toBeInTheDocument();
    expect(screen.queryByTestId('receipt-import')).not.toBeInTheDocument();
    expect(screen.getByTestId('receipts-page')).toHaveTextContent('只能查看');
  }, 30_000);
});
