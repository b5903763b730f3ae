import { describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { LedgerPage } from './ledger-page';
import { fakeApi, renderInBook, status } from '../test/kit';
import { sampleLedger } from './test-ledger';

// ECharts needs a real layout engine; the charts get their own look in the e2e screenshots.
vi.mock('./ledger-charts', () => ({
  MonthlyChart: () => <div data-testid="ledger-chart-months" />,
  DutyChart: () => <div data-testid="ledger-chart-duties" />,
}));

describe('year ledger page', () => {
  it('shows every figure with links to its entries, for the chosen year', { timeout: 90_000 }, async () => {
    const user = userEvent.setup();
    const thisYear = new Date().getFullYear();
    const api = fakeApi({
      'books.status': () => status(),
      'ledger.report': (input: { year: number }) =>
        sampleLedger(
          input.year,
          input.year === thisYear ? {} : { meetings: { ...sampleLedger(input.year).meetings, held: 1 } },
        ),
    });
    renderInBook(<LedgerPage />, api);
    expect(await screen.findByTestId('ledger-meetings-value')).toHaveTextContent('2 / 2 次');
    expect(screen.getByTestId('ledger-item-meetings-count')).toHaveAttribute('data-ok', 'true');
    expect(screen.getByTestId('ledger-item-late-filings')).toHaveTextContent('尚欠');
    expect(screen.getByTestId('ledger-filed-late-value')).toHaveTextContent('1 次');
    expect(screen.getByTestId('ledger-attendance-rate-value')).toHaveTextContent('80.0%');
    expect(
      within(screen.getByTestId('ledger-attendance-table'))
        .getAllByTestId('attendance-rate')
        .map((e) => e.textContent),
    ).toEqual(['100.0%', '33.3%']);
    expect(screen.getByTestId('ledger-duty-rating')).toHaveTextContent('还差 4 项');
    expect(within(screen.getByTestId('ledger-meetings-table')).getByText('逾期备案 7 天')).toBeInTheDocument();
    expect(screen.getByTestId('ledger-chart-months')).toBeInTheDocument();

    // A figure opens its entry: the link goes to the entry view.
    const link = within(screen.getByTestId('ledger-filed-late')).getByTestId('ledger-link-20');
    expect(link).toHaveAttribute('href', '#/entry/20');
    expect(link).toHaveAttribute('title', '会议：第2次党建工作小组会议（' + `${thisYear}-09-30）`);
    await user.click(link);
    expect(window.location.hash).toBe('#/entry/20');

    await user.click(screen.getByRole('combobox', { name: '选择年度' }));
    await user.click(await screen.findByTitle(`${thisYear - 1} 年`));
    await waitFor(() => expect(screen.getByTestId('ledger-meetings-value')).toHaveTextContent('1 / 2 次'));
    // 打印 prints the year's ledger as record-book pages, through the 打印 page.
    await user.click(screen.getByTestId('ledger-print'));
    expect(window.location.hash).toBe(`#/print/ledger/${thisYear - 1}`);
    expect(api['ledger.report']).toHaveBeenLastCalledWith({ bookId: status().bookId, year: thisYear - 1 });
  });

  it('exports the year to Excel as the service built it', async () => {
    const user = userEvent.setup();
    const created: Blob[] = [];
    const createObjectURL = vi.fn((b: Blob) => {
      created.push(b);
      return 'blob:ledger';
    });
    Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() });
    const api = fakeApi({
      'books.status': () => status(),
      'ledger.report': (input: { year: number }) => sampleLedger(input.year),
      'ledger.xlsx': () => ({
        fileName: '台账.xlsx',
        mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        dataBase64: 'UEsDBA==',
        size: 4,
      }),
    });
    renderInBook(<LedgerPage />, api);
    await user.click(await screen.findByTestId('ledger-export'));
    expect(await screen.findByText('已导出“台账.xlsx”')).toBeInTheDocument();
    expect(created[0]!.type).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(created[0]!.size).toBe(4);
  });

  it('says why when the ledger cannot be computed', async () => {
    const api = fakeApi({ 'books.status': () => status() });
    renderInBook(<LedgerPage />, api);
    expect(await screen.findByText(/台账无法计算：测试未提供 ledger.report 的应答/)).toBeInTheDocument();
  });
});
