/**
 * The demo book in the renderer: offered on the first-run screen, opened only when chosen,
 * marked 示例 in the header, the book list and the window title, and left or deleted from its
 * banner (back to the first-run screen, or to the real book).
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { BooksGate } from '../app/app-root';
import { BOOK, fakeApi, renderWithApi, status } from '../test/kit';

vi.mock('../app/page-router', () => ({
  PageRouter: ({ route }: { route: { page: string } }) => <div data-testid="page">{route.page}</div>,
}));

const DEMO = '0f0e0d0c-0000-4000-8000-0000000000dd';
const demoStatus = () => status({ bookId: DEMO, orgName: '北京市某某科技学会党建工作小组', size: 64, demo: true });

beforeEach(() => {
  window.history.replaceState(null, '', '/#/timeline');
  window.localStorage.clear();
  document.title = '党建工作小组工作记录本';
});

describe('the demo book', () => {
  it('is offered on the first-run screen, opens marked 示例, and leaving it returns to the first-run screen', async () => {
    const user = userEvent.setup();
    let demoExists = false;
    const api = fakeApi({
      'books.list': () => (demoExists ? [demoStatus()] : []),
      'demo.open': () => {
        demoExists = true;
        return demoStatus();
      },
      'books.status': () => demoStatus(),
    });
    renderWithApi(<BooksGate />, api);
    expect(await screen.findByTestId('setup-wizard')).toBeInTheDocument();
    expect(screen.getByTestId('demo-choice')).toHaveTextContent('不是正式记录');
    await user.click(screen.getByTestId('demo-open'));
    expect(await screen.findByTestId('demo-tag')).toHaveTextContent('示例记录本（非正式记录）');
    expect(screen.getByTestId('demo-banner')).toHaveTextContent('均为虚构');
    await waitFor(() => expect(document.title).toBe('示例记录本（非正式记录） — 党建工作小组工作记录本'));
    expect(api['demo.open']).toHaveBeenCalledTimes(1);

    await user.click(screen.getByTestId('demo-leave'));
    expect(await screen.findByTestId('setup-wizard')).toBeInTheDocument();
    expect(screen.queryByTestId('demo-tag')).toBeNull();
    expect(document.title).toBe('党建工作小组工作记录本');
  });

  it('never opens by itself: with a real book and the demo, the real book opens; the picker marks the demo', async () => {
    const user = userEvent.setup();
    const api = fakeApi({
      'books.list': () => [status(), demoStatus()],
      'books.status': ({ bookId }: { bookId: string }) => (bookId === DEMO ? demoStatus() : status()),
      'demo.remove': () => ({ removed: true }),
    });
    window.localStorage.setItem('logbook-current-book', DEMO);
    renderWithApi(<BooksGate />, api);
    expect(await screen.findByTestId('book-title')).toHaveTextContent('中国示例学会党建工作小组');
    expect(screen.queryByTestId('demo-tag')).toBeNull();
    await user.click(screen.getByRole('combobox', { name: '选择记录本' }));
    await user.click(await screen.findByText('【示例】北京市某某科技学会党建工作小组（64 条）'));
    expect(await screen.findByTestId('demo-tag')).toBeInTheDocument();

    api['books.list'].mockImplementation(() => Promise.resolve([status()]));
    await user.click(screen.getByTestId('demo-remove'));
    await waitFor(() => expect(api['demo.remove']).toHaveBeenCalledTimes(1));
    await waitFor(() => expect(screen.queryByTestId('demo-tag')).toBeNull());
    expect(screen.getByTestId('book-title')).toHaveTextContent('中国示例学会党建工作小组');
    expect(api['books.status']).toHaveBeenCalledWith({ bookId: BOOK });
  });

  it('says why when the demo cannot be opened, and stays on the first-run screen', async () => {
    const user = userEvent.setup();
    const { ApiError } = await import('../api');
    const api = fakeApi({
      'books.list': () => [],
      'demo.open': () => {
        throw new ApiError('demo-failed', '示例记录本生成失败');
      },
    });
    renderWithApi(<BooksGate />, api);
    await user.click(await screen.findByTestId('demo-open'));
    expect(await screen.findByTestId('demo-error')).toHaveTextContent('无法打开示例记录本：示例记录本生成失败');
    expect(screen.getByTestId('setup-wizard')).toBeInTheDocument();
  });
});
