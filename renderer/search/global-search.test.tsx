import { describe, expect, it, beforeEach } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { SNIPPET_MARK_END as E, SNIPPET_MARK_START as S, type SearchHit, type SearchPage } from '../../db/contract';
import { useShortcuts } from '../app/use-shortcuts';
import { fakeApi, renderInBook, status } from '../test/kit';
import { GlobalSearch } from './global-search';

function hit(seq: number, title: string, snippet: string, extra: Partial<SearchHit> = {}): SearchHit {
  return {
    seq,
    kind: 'meeting',
    kindLabel: '会议记录',
    title,
    date: '2025-03-18',
    recordedAt: '',
    flags: [],
    memberIds: [],
    correctedBy: [],
    snippet,
    ...extra,
  };
}

const PAGES: Record<string, SearchPage> = {
  会议: {
    total: 3,
    capped: false,
    items: [
      hit(12, '换届筹备专题会议', `…明确了${S}会议${E}的时间节点`),
      hit(9, '第2次党建工作小组会议', `<img src=x onerror="alert(1)">${S}会议${E}研究`),
      hit(7, '第 7 条无法通过校验', '', {
        problem: { code: 'read-model-mismatch', seq: 7, message: '第 7 条的时间线摘要与记录本中的记录不符' },
      }),
    ],
  },
};

function WithShortcuts() {
  useShortcuts({ canWrite: true, current: { page: 'ledger' }, showHelp: () => {} });
  return <GlobalSearch />;
}

function setup() {
  const api = fakeApi({
    'books.status': () => status(),
    'search.query': (input: { query: string }) => PAGES[input.query] ?? { total: 0, capped: false, items: [] },
  });
  renderInBook(<WithShortcuts />, api);
  return api;
}

beforeEach(() => window.history.replaceState(null, '', '/#/ledger'));

describe('global search', () => {
  it('Ctrl+K and Ctrl+F focus the search box from anywhere', () => {
    setup();
    const box = screen.getByRole('combobox', { name: '搜索记录' });
    fireEvent.keyDown(window, { key: 'k', ctrlKey: true });
    expect(box).toHaveFocus();
    box.blur();
    fireEvent.keyDown(window, { key: 'f', ctrlKey: true });
    expect(box).toHaveFocus();
  });

  it('lists results with the match marked, the snippet as text, a damaged row as its problem', async () => {
    const user = userEvent.setup();
    const api = setup();
    await user.type(screen.getByRole('combobox', { name: '搜索记录' }), '会议');
    const list = await screen.findByRole('listbox', { name: '搜索结果' });
    expect(api['search.query']).toHaveBeenLastCalledWith(
      expect.objectContaining({ query: '会议', offset: 0, limit: 20 }),
    );
    expect(screen.getByTestId('search-total')).toHaveTextContent('共 3 条');
    const first = within(list).getByTestId('search-hit-12');
    expect(first.querySelector('mark')).toHaveTextContent('会议');
    expect(first).toHaveTextContent('…明确了会议的时间节点');
    const second = within(list).getByTestId('search-hit-9');
    expect(second.querySelector('img')).toBeNull();
    expect(second).toHaveTextContent('<img src=x onerror="alert(1)">会议研究');
    expect(within(list).getByTestId('search-hit-7')).toHaveTextContent('记录不符');
  });

  it('↑/↓ choose a result and Enter opens it; a click opens one too', async () => {
    const user = userEvent.setup();
    setup();
    const box = screen.getByRole('combobox', { name: '搜索记录' });
    await user.type(box, '会议');
    await screen.findByTestId('search-hit-12');
    expect(screen.getByTestId('search-hit-12')).toHaveAttribute('aria-selected', 'true');
    await user.keyboard('{ArrowDown}{ArrowDown}{ArrowUp}');
    expect(screen.getByTestId('search-hit-9')).toHaveAttribute('aria-selected', 'true');
    await user.keyboard('{Enter}');
    await waitFor(() => expect(window.location.hash).toBe('#/entry/9'));
    await user.click(box);
    await user.click(await screen.findByTestId('search-hit-12'));
    await waitFor(() => expect(window.location.hash).toBe('#/entry/12'));
  });

  it('Shift+Enter, or the link under the list, opens every result with filters', async () => {
    const user = userEvent.setup();
    setup();
    const box = screen.getByRole('combobox', { name: '搜索记录' });
    await user.type(box, '会议');
    expect(await screen.findByTestId('search-all')).toHaveAttribute('href', '#/search/%E4%BC%9A%E8%AE%AE');
    await user.keyboard('{Shift>}{Enter}{/Shift}');
    await waitFor(() => expect(window.location.hash).toBe('#/search/%E4%BC%9A%E8%AE%AE'));
  });

  it('says so when nothing matches, and Esc clears the box', async () => {
    const user = userEvent.setup();
    setup();
    const box = screen.getByRole('combobox', { name: '搜索记录' });
    await user.type(box, '植物');
    expect(await screen.findByTestId('search-empty')).toHaveTextContent('没有找到包含“植物”的记录');
    await user.keyboard('{Escape}');
    expect(box).toHaveValue('');
    expect(screen.queryByTestId('search-results')).toBeNull();
  });
});
