import { afterEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { PrintCheckView, PrintView } from '../../db/contract';
import { ApiError } from '../api';
import { fakeApi, renderInBook, status } from '../test/kit';
import { CheckPage } from './check-page';
import { PrintPage } from './print-page';
import { parsePrintChoice, printChoiceHash } from './print-route';

const LAYOUT = [{ id: 'e8', items: [{ h: 120 }] }];
vi.mock('./measure-frame', () => ({
  measureInFrame: vi.fn(() => Promise.resolve(LAYOUT)),
  overflowIn: vi.fn(() => []),
}));

vi.mock('./photo-qr', () => ({
  qrFromPhoto: vi.fn((file: File) =>
    Promise.resolve(file.name === 'page.jpg' ? 'DJ2/0F0E0D0C/E8/12/ABCDEF12/8/12345678/1-2' : null),
  ),
}));

const CODE = 'DJ2/0F0E0D0C/E8/12/ABCDEF12/8/12345678/1-2';
const VIEW: PrintView = {
  stage: 'pages',
  html: '<!doctype html><html><body><div class="sheet">第 8 条 会议记录</div></body></html>',
  pages: [
    { page: 1, seq: 8, code: CODE },
    { page: 2, seq: 8, code: CODE.replace('/1-2', '/2-2') },
  ],
  title: '中国示例学会党建工作小组 · 第 8 条记录',
  fileName: 'x.pdf',
  paper: 'A4',
  checkpoint: { size: 12, fingerprint: 'ABCDEF12' },
  entries: [
    {
      seq: 8,
      kindLabel: '会议记录',
      title: '第1次会议',
      date: '2025-03-18',
      code: CODE,
      page: 1,
    },
  ],
};
const MEASURING: PrintView = { ...VIEW, stage: 'measure', html: '<div class="flow"></div>', pages: [] };
const pagesOf = (input: { layout?: unknown }) => (input.layout ? VIEW : MEASURING);

afterEach(() => {
  delete window.logbook;
});

describe('打印 page', () => {
  it('opened from an entry, measures the print here, previews its pages in a sandboxed frame and prints the frame', async () => {
    const api = fakeApi({ 'books.status': () => status(), 'print.pages': pagesOf });
    renderInBook(<PrintPage choice={{ kind: 'seqs', seqs: [8] }} />, api);
    const frame = await screen.findByTestId('print-preview');
    expect(frame).toHaveAttribute('sandbox', 'allow-same-origin allow-modals');
    expect(frame.getAttribute('srcdoc')).toContain('第 8 条 会议记录');
    expect(api['print.pages']).toHaveBeenNthCalledWith(1, { bookId: status().bookId, seqs: [8], paper: 'A4' });
    expect(api['print.pages']).toHaveBeenNthCalledWith(2, {
      bookId: status().bookId,
      seqs: [8],
      paper: 'A4',
      layout: LAYOUT,
    });
    expect(screen.getByTestId('print-summary')).toHaveTextContent('截至第 12 条 ABCDEF12）');
    expect(screen.getByTestId('print-summary')).toHaveTextContent('共 2 页');
    expect(screen.queryByTestId('save-pdf-button')).toBeNull();
    const print = vi.fn();
    Object.defineProperty((frame as HTMLIFrameElement).contentWindow!, 'print', { value: print });
    Object.defineProperty((frame as HTMLIFrameElement).contentWindow!, 'focus', { value: vi.fn() });
    await userEvent.setup().click(screen.getByTestId('print-button'));
    expect(print).toHaveBeenCalled();
  });

  it('asks the desktop to save the measured request, and says a failure in Chinese', async () => {
    const call = vi.fn(() =>
      Promise.resolve({
        ok: false as const,
        error: { code: 'print-failed', message: '排版失败，未能生成 PDF：GPU lost' },
      }),
    );
    window.logbook = { call };
    const api = fakeApi({ 'books.status': () => status(), 'print.pages': pagesOf });
    const user = userEvent.setup();
    renderInBook(<PrintPage />, api);
    await user.click(screen.getByTestId('print-preview-button'));
    await user.click(await screen.findByTestId('save-pdf-button'));
    expect(call).toHaveBeenCalledWith('desktop.printRecord', {
      request: { bookId: status().bookId, year: new Date().getFullYear(), paper: 'A4', layout: LAYOUT },
      action: 'pdf',
    });
    expect(await screen.findByTestId('print-error')).toHaveTextContent('排版失败');
  });

  it("prints a year's ledger through the same pages", async () => {
    const api = fakeApi({ 'books.status': () => status(), 'print.pages': pagesOf });
    renderInBook(<PrintPage choice={{ kind: 'ledger', year: 2025 }} />, api);
    await screen.findByTestId('print-preview');
    expect(api['print.pages']).toHaveBeenLastCalledWith({
      bookId: status().bookId,
      year: 2025,
      ledger: true,
      paper: 'A4',
      layout: LAYOUT,
    });
    expect(screen.getByText('年度台账').closest('label')).toHaveClass('ant-radio-button-wrapper-checked');
  });

  it("refuses a bad selection before asking, and shows the service's refusal", async () => {
    const api = fakeApi({
      'books.status': () => status(),
      'print.pages': () => {
        throw new ApiError('print-empty', '所选范围内没有可打印的记录');
      },
    });
    const user = userEvent.setup();
    renderInBook(<PrintPage />, api);
    await user.click(screen.getByText('指定记录'));
    await user.type(screen.getByRole('textbox', { name: '记录序号' }), '3, x');
    await user.click(screen.getByTestId('print-preview-button'));
    expect(await screen.findByTestId('print-error')).toHaveTextContent('记录序号应为正整数');
    expect(api['print.pages']).not.toHaveBeenCalled();
    await user.clear(screen.getByRole('textbox', { name: '记录序号' }));
    await user.type(screen.getByRole('textbox', { name: '记录序号' }), '90');
    await user.click(screen.getByTestId('print-preview-button'));
    await waitFor(() => expect(screen.getByTestId('print-error')).toHaveTextContent('所选范围内没有可打印的记录'));
  });

  it('keeps what to print in the address', () => {
    for (const hash of [
      '#/print/entry/8',
      '#/print/select/3.12.15',
      '#/print/year/2025',
      '#/print/range/2025-01-01/2025-06-30',
      '#/print/ledger/2025',
    ]) {
      expect(printChoiceHash(parsePrintChoice(hash.split('/').slice(2)))).toBe(hash);
    }
    expect(parsePrintChoice(['entry', '0'])).toBeUndefined();
  });
});

const ACCEPTED: PrintCheckView = {
  accepted: true,
  code: CODE,
  page: 1,
  pageCount: 2,
  bookId: status().bookId,
  bookName: '工作记录本',
  seq: 8,
  scope: '第 8 条记录',
  title: '会议记录：第1次会议',
  checks: [
    { label: '校验点指纹', ok: true, detail: 'ABCDEF12，与记录本前 12 条一致' },
    { label: '条目指纹', ok: true, detail: '12345678，与封存的第 8 条一致' },
  ],
  html: '<html><body>封存的第 8 条</body></html>',
};

describe('核对纸质页', () => {
  it('checks a typed code and shows the page as the record holds it', async () => {
    const api = fakeApi({ 'books.status': () => status(), 'print.checkCode': () => ACCEPTED });
    const user = userEvent.setup();
    renderInBook(<CheckPage />, api);
    await user.type(screen.getByRole('searchbox', { name: '核对码' }), `${ACCEPTED.code}{Enter}`);
    expect(await screen.findByTestId('check-result')).toHaveTextContent('与封存记录一致');
    expect(screen.getByTestId('check-result')).toHaveTextContent('第 8 条：会议记录：第1次会议');
    expect(screen.getByTestId('check-result')).toHaveTextContent('第 1 页，共 2 页');
    expect(api['print.checkCode']).toHaveBeenCalledWith({ code: ACCEPTED.code });
    expect(screen.getByTitle('封存记录中的这一页').getAttribute('srcdoc')).toContain('封存的第 8 条');
  });

  it('reads the QR of a photo, checks it, shows the refusal with its reason beside the photo', async () => {
    URL.createObjectURL = vi.fn(() => 'blob:photo');
    URL.revokeObjectURL = vi.fn();
    const refused: PrintCheckView = {
      ...ACCEPTED,
      accepted: false,
      reason: '条目指纹不符：该页的第 8 条与封存的记录不一致（可能被改动或替换）',
      checks: [{ label: '条目指纹', ok: false, detail: '纸上为 12345678，封存的第 8 条为 12345679' }],
    };
    const api = fakeApi({ 'books.status': () => status(), 'print.checkCode': () => refused });
    renderInBook(<CheckPage />, api);
    fireEvent.change(screen.getByTestId('check-photo'), {
      target: { files: [new File(['x'], 'page.jpg', { type: 'image/jpeg' })] },
    });
    expect(await screen.findByTestId('check-result')).toHaveTextContent('不一致：条目指纹不符');
    expect(screen.getByTestId('check-photo-view')).toHaveAttribute('src', 'blob:photo');
    expect(screen.getByRole('searchbox', { name: '核对码' })).toHaveValue(ACCEPTED.code);
    fireEvent.change(screen.getByTestId('check-photo'), {
      target: { files: [new File(['x'], 'blurry.jpg', { type: 'image/jpeg' })] },
    });
    expect(await screen.findByTestId('check-error')).toHaveTextContent('未能在图片中识别出二维码');
  });
});
