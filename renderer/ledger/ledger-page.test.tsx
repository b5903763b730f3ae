import { describe, expect, it } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { LedgerPage } from './ledger-page';
import { fakeApi, renderInBook, status } from '../test/kit';

describe('year ledger', () => {
  it('shows each obligation as done or owed, for the chosen year', async () => {
    const user = userEvent.setup();
    const thisYear = new Date().getFullYear();
    const api = fakeApi({
      'books.status': () => status(),
      'ledger.year': (input: { year: number }) => ({
        year: input.year,
        meetingsHeld: input.year === thisYear ? 1 : 2,
        meetingsRequired: 2,
        items: [
          { code: 'meetings', ok: input.year !== thisYear, message: `全年召开小组会议 ${input.year === thisYear ? 1 : 2} 次，应不少于 2 次` },
          { code: 'annual-report', ok: true, message: '组长已述职' },
        ],
      }),
    });
    renderInBook(<LedgerPage />, api);
    expect(await screen.findByTestId('ledger-meetings')).toHaveTextContent('1 / 2 次');
    expect(screen.getByTestId('ledger-item-meetings')).toHaveAttribute('data-ok', 'false');
    expect(screen.getByTestId('ledger-item-meetings')).toHaveTextContent('尚欠');
    expect(screen.getByTestId('ledger-item-annual-report')).toHaveTextContent('已完成');

    await user.click(screen.getByRole('combobox', { name: '选择年度' }));
    await user.click(await screen.findByTitle(`${thisYear - 1} 年`));
    await waitFor(() => expect(screen.getByTestId('ledger-item-meetings')).toHaveAttribute('data-ok', 'true'));
    expect(api['ledger.year']).toHaveBeenLastCalledWith({ bookId: status().bookId, year: thisYear - 1 });
  });
});
