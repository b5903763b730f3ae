import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { WorkspaceRow } from '../../db/contract';
import { WorkspacePage } from './workspace-page';
import { fakeApi, renderInBook, status } from '../test/kit';
import { realBook } from '../test/real-service';
import { LIAISON, LIAISON_BOOKS } from './test-fixtures';

function row(overrides: Partial<WorkspaceRow>): WorkspaceRow {
  return {
    bookId: '0f0e0d0c-0000-4000-8000-0000000000d1',
    orgName: '中国甲学会党建工作小组',
    profileLabel: '北京·党建工作小组',
    lastImportAt: '2025-03-18T02:00:00.000Z',
    size: 120,
    bytes: 40_000,
    keyId: 'SHA256:AbCdEfGhIjKlMnOpQrStUvWxYz0123456789+/abc',
    integrity: 'verified',
    alarmCount: 0,
    lastCheck: null,
    open: {
      year: 2025,
      meetingsHeld: 1,
      meetingsRequired: 4,
      belowRequired: true,
      inquorate: 1,
      lateFilings: 0,
      reportMissing: false,
      items: ['本年度已召开会议 1 次，少于规定的 4 次', '1 次会议到会人数不足'],
    },
    attention: true,
    ...overrides,
  };
}

describe('the workspace overview', () => {
  it('says what to do when nothing was imported yet (real service)', async () => {
    const real = await realBook();
    renderInBook(<WorkspacePage />, real.api, [status({ bookId: real.bookId })]);
    expect(await screen.findByTestId('workspace-empty')).toHaveTextContent('本机还没有导入任何学会的记录本');
    expect(real.api['workspace.overview']).toHaveBeenCalledWith(
      expect.objectContaining({ sort: 'attention', order: 'desc', offset: 0, limit: 50 }),
    );
  }, 30_000);

  it('shows what needs attention, and asks the service to sort and filter', async () => {
    const user = userEvent.setup();
    const rows = [
      row({}),
      row({
        bookId: '0f0e0d0c-0000-4000-8000-0000000000d2',
        orgName: '中国乙学会党建工作小组',
        integrity: 'alarm',
        alarmCount: 2,
        attention: true,
        lastCheck: { liaisonSeq: 3, at: '2025-03-10T02:00:00.000Z', conclusion: 'rectify', checkedSize: 80 },
        open: { ...row({}).open, items: [] },
      }),
    ];
    const api = fakeApi({
      'liaison.get': () => LIAISON,
      'workspace.overview': () => ({ total: 2, year: 2025, rows }),
    });
    renderInBook(<WorkspacePage />, api, LIAISON_BOOKS);
    const table = await screen.findByTestId('workspace-table');
    await within(table).findByText('中国甲学会党建工作小组');
    expect(within(table).getByText('本年度已召开会议 1 次，少于规定的 4 次')).toBeInTheDocument();
    expect(within(table).getByTestId('workspace-alarm-tag')).toHaveTextContent('警报 2 条');
    expect(within(table).getByText('存在问题，需整改')).toBeInTheDocument();
    expect(within(table).getByText('尚未抽查')).toBeInTheDocument();

    await user.click(within(table).getByText('条数'));
    await waitFor(() =>
      expect(api['workspace.overview']).toHaveBeenLastCalledWith(
        expect.objectContaining({ sort: 'size', order: 'asc' }),
      ),
    );
    await user.click(screen.getByTestId('workspace-filter-attention'));
    await waitFor(() =>
      expect(api['workspace.overview']).toHaveBeenLastCalledWith(
        expect.objectContaining({ filter: { attention: true }, offset: 0 }),
      ),
    );
    await user.type(screen.getByLabelText('按组织名称筛选'), '乙学会{Enter}');
    await waitFor(() =>
      expect(api['workspace.overview']).toHaveBeenLastCalledWith(
        expect.objectContaining({ filter: { attention: true, text: '乙学会' } }),
      ),
    );
  }, 30_000);
});
