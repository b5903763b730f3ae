import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../api';
import { fakeApi, renderWithApi } from '../test/kit';
import { HolidayImport } from './holiday-import';

function choose(text: string, name = '2027.json') {
  const input = screen.getByTestId<HTMLInputElement>('holiday-file');
  fireEvent.change(input, { target: { files: [new File([text], name, { type: 'application/json' })] } });
}

describe('holiday schedule import', () => {
  it('sends the file text to calendar.import and reports the year', async () => {
    let imported: number[] = [];
    const api = fakeApi({
      'calendar.status': () => ({ builtInYears: [2025, 2026], importedYears: imported }),
      'calendar.import': (input: { text: string }) => {
        expect((JSON.parse(input.text) as { year: unknown }).year).toBe(2027);
        imported = [2027];
        return { builtInYears: [2025, 2026], importedYears: [2027] };
      },
    });
    const done: unknown[] = [];
    renderWithApi(<HolidayImport onImported={(v) => done.push(v)} />, api);
    choose(JSON.stringify({ year: 2027, source: '国办发明电〔2026〕1号', holidays: [], workdays: [] }));
    await waitFor(() => expect(done).toHaveLength(1));
    expect(await screen.findByText('已导入 2027 年的法定节假日安排')).toBeInTheDocument();
  });

  it('shows the service’s Chinese reason when the file is refused', async () => {
    const api = fakeApi({
      'calendar.status': () => ({ builtInYears: [2025, 2026], importedYears: [] }),
      'calendar.import': () => {
        throw new ApiError('schedule-invalid', '节假日安排有误：2027-13-01 不是有效日期');
      },
    });
    renderWithApi(<HolidayImport onImported={() => {}} />, api);
    choose('{"year":2027}');
    expect(await screen.findByTestId('holiday-import-error')).toHaveTextContent('2027-13-01 不是有效日期');
  });
});
