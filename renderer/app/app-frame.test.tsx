import { describe, expect, it, vi, beforeEach } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { BooksGate } from './app-root';
import { BOOK, fakeApi, renderWithApi, status } from '../test/kit';

// Pages are tested on their own; here the frame around them.
vi.mock('./page-router', () => ({
  PageRouter: ({ route }: { route: { page: string } }) => <div data-testid="page">{route.page}</div>,
}));

const OTHER = '0f0e0d0c-0000-4000-8000-0000000000bb';

beforeEach(() => {
  window.history.replaceState(null, '', '/#/timeline');
  window.localStorage.clear();
});

describe('app frame', () => {
  it('opens the first-run wizard when there is no book', async () => {
    renderWithApi(<BooksGate />, fakeApi({ 'books.list': () => [] }));
    expect(await screen.findByTestId('setup-wizard')).toBeInTheDocument();
    expect(screen.getByTestId('wizard-step-organisation')).toBeInTheDocument();
  });

  it('shows the integrity badge and runs a full verify on request', async () => {
    const user = userEvent.setup();
    const api = fakeApi({
      'books.list': () => [status()],
      'books.status': () => status(),
      'books.verify': () => ({
        ok: false,
        size: 12,
        root: null,
        ms: 40,
        checkedAt: '2025-03-18T02:00:00.000Z',
        full: true,
        problems: [{ code: 'hash-mismatch', seq: 5, message: '记录内容与哈希不符，可能被改动' }],
      }),
    });
    renderWithApi(<BooksGate />, api);
    const badge = await screen.findByTestId('integrity-badge');
    await waitFor(() => expect(badge).toHaveAttribute('data-state', 'ok'));
    expect(badge).toHaveTextContent('完整校验通过（12 条，0.01 秒）');
    const failed = {
      ok: false,
      size: 12,
      root: null,
      ms: 40,
      checkedAt: '2025-03-18T02:00:00.000Z',
      full: true,
      problems: [{ code: 'hash-mismatch', seq: 5, message: '记录内容与哈希不符，可能被改动' }],
    };
    api['books.status'].mockImplementation(() =>
      Promise.resolve(
        status({
          readOnly: true,
          integrity: failed,
          verification: { state: 'done', done: 12, total: 12, report: failed },
        }),
      ),
    );
    await user.click(within(badge).getByTestId('verify-button'));
    await waitFor(() => expect(badge).toHaveAttribute('data-state', 'problem'));
    expect(badge).toHaveTextContent('校验未通过（第 5 条）');
    expect(api['books.verify']).toHaveBeenCalledWith({ bookId: BOOK });
    await user.hover(within(badge).getByRole('status'));
    expect(await screen.findByTestId('integrity-problems')).toHaveTextContent(
      '第 5 条：记录内容与哈希不符，可能被改动',
    );
  });

  it('says what has been checked: the quick check, the full verify in progress, then its result', async () => {
    const done = {
      ok: true,
      size: 100,
      root: 'f'.repeat(64),
      problems: [],
      ms: 400,
      checkedAt: '2025-03-18T02:00:00.000Z',
      full: true,
    };
    const running = status({
      size: 100,
      integrity: { ...done, full: false, ms: 2 },
      verification: { state: 'running', done: 43, total: 100 },
    });
    const api = fakeApi({ 'books.list': () => [running], 'books.status': () => running });
    renderWithApi(<BooksGate />, api);
    const badge = await screen.findByTestId('integrity-badge');
    await waitFor(() => expect(badge).toHaveTextContent('快速检查通过 · 完整校验中 43%'));
    expect(badge).toHaveAttribute('data-state', 'running');
    expect(within(badge).getByTestId('verify-button')).toBeDisabled();
    api['books.status'].mockImplementation(() =>
      Promise.resolve(
        status({ size: 100, integrity: done, verification: { state: 'done', done: 100, total: 100, report: done } }),
      ),
    );
    // The provider polls while the verify runs.
    await waitFor(() => expect(badge).toHaveTextContent('完整校验通过（100 条，0.4 秒）'), { timeout: 3000 });
    expect(badge).toHaveAttribute('data-state', 'ok');
  });

  it('keeps saying a remembered failure after a restart', async () => {
    const user = userEvent.setup();
    const alarmed = status({
      readOnly: true,
      reason: '此前的完整校验发现这本记录本被改动',
      alarm: {
        at: '2025-03-18T02:00:00.000Z',
        problems: [{ code: 'not-in-checkpoint', seq: 9, message: '第 9 条的内容与签名检查点不符' }],
      },
    });
    renderWithApi(<BooksGate />, fakeApi({ 'books.list': () => [alarmed], 'books.status': () => alarmed }));
    const badge = await screen.findByTestId('integrity-badge');
    await waitFor(() => expect(badge).toHaveTextContent('校验未通过（第 9 条）'));
    await user.hover(within(badge).getByRole('status'));
    expect(await screen.findByTestId('integrity-alarm')).toHaveTextContent('保持只读');
  });

  it('shows the read-only banner and disables new entries', async () => {
    const ro = status({ readOnly: true, reason: '这是联络员收到的副本。' });
    renderWithApi(<BooksGate />, fakeApi({ 'books.list': () => [ro], 'books.status': () => ro }));
    expect(await screen.findByTestId('readonly-banner')).toHaveTextContent('这是联络员收到的副本。');
    expect(screen.getByTestId('new-entry-menu')).toBeDisabled();
  });

  it('shows no reminders for a read-only copy, and the liaison book without the recorder-only pages', async () => {
    const ro = status({ readOnly: true, reason: '这是从数据包导入的副本，只能查看和核验。' });
    const api = fakeApi({
      'books.list': () => [ro],
      'books.status': () => ro,
      'reminders.list': () => ({ today: '2026-12-01', items: [] }),
    });
    const { unmount } = renderWithApi(<BooksGate />, api);
    await screen.findByTestId('readonly-banner');
    expect(screen.queryByTestId('reminder-bell')).toBeNull();
    expect(api['reminders.list']).not.toHaveBeenCalled();
    unmount();

    const mine = { ...status({ orgName: '党建联络员工作记录' }), liaison: true as const };
    renderWithApi(<BooksGate />, fakeApi({ 'books.list': () => [mine], 'books.status': () => mine }));
    const nav = await screen.findByTestId('main-nav');
    expect(screen.queryByTestId('reminder-bell')).toBeNull();
    expect(within(nav).queryByText('成员')).toBeNull();
    expect(within(nav).queryByText('草稿')).toBeNull();
    expect(within(nav).getByText('联络员工作台')).toBeInTheDocument();
  });

  it('offers a book picker when several books exist and switches books', async () => {
    const user = userEvent.setup();
    const second = status({ bookId: OTHER, orgName: '另一学会党建工作小组', size: 3 });
    const api = fakeApi({
      'books.list': () => [status(), second],
      'books.status': (input: { bookId: string }) => (input.bookId === OTHER ? second : status()),
    });
    renderWithApi(<BooksGate />, api);
    await screen.findByTestId('book-picker');
    await user.click(screen.getByRole('combobox', { name: '选择记录本' }));
    await user.click(await screen.findByTitle('另一学会党建工作小组（3 条）'));
    await waitFor(() => expect(screen.getByTestId('book-title')).toHaveTextContent('另一学会党建工作小组'));
    expect(api['books.status']).toHaveBeenCalledWith({ bookId: OTHER });
    expect(window.localStorage.getItem('logbook-current-book')).toBe(OTHER);
  });

  it('Ctrl+N starts a new meeting record; Alt+2 opens the members page', async () => {
    renderWithApi(<BooksGate />, fakeApi({ 'books.list': () => [status()], 'books.status': () => status() }));
    await screen.findByTestId('integrity-badge');
    fireEvent.keyDown(window, { key: 'n', ctrlKey: true });
    await waitFor(() => expect(screen.getByTestId('page')).toHaveTextContent('new'));
    expect(window.location.hash).toBe('#/new/meeting');
    fireEvent.keyDown(window, { key: '2', altKey: true });
    await waitFor(() => expect(screen.getByTestId('page')).toHaveTextContent('members'));
  });

  it('F1 shows the shortcuts; the menu command verify-book runs a full verify', async () => {
    let send: ((command: string) => void) | undefined;
    window.logbook = {
      call: () => Promise.resolve({ ok: true, value: null }),
      onCommand: (listener) => {
        send = listener;
        return () => {};
      },
    };
    try {
      const api = fakeApi({
        'books.list': () => [status()],
        'books.status': () => status(),
        'books.verify': () => ({ ...status().integrity, full: true }),
      });
      renderWithApi(<BooksGate />, api);
      await screen.findByTestId('integrity-badge');
      fireEvent.keyDown(window, { key: 'F1' });
      expect(await screen.findByText('键盘快捷键')).toBeInTheDocument();
      expect(screen.getByText('新建会议记录')).toBeInTheDocument();
      await waitFor(() => expect(send).toBeDefined());
      send?.('verify-book');
      await waitFor(() => expect(api['books.verify']).toHaveBeenCalledWith({ bookId: BOOK }));
      send?.('show-key-fingerprint');
      await waitFor(() => expect(window.location.hash).toBe('#/settings'));
    } finally {
      delete window.logbook;
    }
  });

  it('explains in Chinese when the service cannot be reached', async () => {
    const { ApiError, NETWORK_MESSAGE } = await import('../api');
    renderWithApi(
      <BooksGate />,
      fakeApi({
        'books.list': () => {
          throw new ApiError('network', NETWORK_MESSAGE);
        },
      }),
    );
    expect(await screen.findByText('无法打开记录本')).toBeInTheDocument();
    expect(screen.getByText(NETWORK_MESSAGE)).toBeInTheDocument();
  });
});
