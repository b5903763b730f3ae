import { beforeEach, describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { SNIPPET_MARK_END as E, SNIPPET_MARK_START as S, type SearchHit } from '../../db/contract';
import { parseRoute, routeHash } from '../app/routes';
import { fakeApi, renderInBook, ROSTER, status } from '../test/kit';
import { SearchPage } from './search-page';

function hit(seq: number): SearchHit {
  return {
    seq,
    kind: 'meeting',
    kindLabel: '会议记录',
    title: `第${seq}次会议`,
    date: '2025-03-18',
    recordedAt: '',
    flags: [],
    memberIds: [],
    correctedBy: [],
    snippet: `研究${S}换届${E}工作`,
  };
}

function setup(total = 45) {
  const api = fakeApi({
    'books.status': () => status(),
    'members.list': () => ROSTER,
    'search.query': (input: { offset: number; limit: number }) => ({
      total,
      capped: false,
      items: Array.from({ length: Math.max(0, Math.min(input.limit, total - input.offset)) }, (_, i) =>
        hit(total - input.offset - i),
      ),
    }),
  });
  renderInBook(<SearchPage query="换届" />, api);
  return api;
}

beforeEach(() => window.history.replaceState(null, '', '/#/search/%E6%8D%A2%E5%B1%8A'));

describe('search results page', () => {
  it('routes #/search/<query> both ways, a malformed escape taken literally', () => {
    expect(parseRoute(routeHash({ page: 'search', query: '换届 会议' }))).toEqual({
      page: 'search',
      query: '换届 会议',
    });
    expect(parseRoute('#/search/%E0%A4%A')).toEqual({ page: 'search', query: '%E0%A4%A' });
    expect(parseRoute('#/search')).toEqual({ page: 'search', query: '' });
  });

  it('lists twenty results a page with the match marked and pages through the rest', async () => {
    const user = userEvent.setup();
    const api = setup();
    const list = await screen.findByTestId('search-page-results');
    expect(screen.getByTestId('search-page-total')).toHaveTextContent('共 45 条结果');
    expect(within(list).getByTestId('search-page-hit-45').querySelector('mark')).toHaveTextContent('换届');
    expect(within(list).getAllByRole('listitem')).toHaveLength(20);
    await user.click(screen.getByTitle('3'));
    await waitFor(() =>
      expect(api['search.query']).toHaveBeenLastCalledWith(
        expect.objectContaining({ query: '换届', offset: 40, limit: 20 }),
      ),
    );
    expect(await screen.findByTestId('search-page-hit-5')).toBeInTheDocument();
  });

  it('passes the timeline filters to the search and starts again at page 1', async () => {
    const user = userEvent.setup();
    const api = setup();
    await screen.findByTestId('search-page-results');
    await user.click(screen.getByTitle('2'));
    await user.click(screen.getByRole('combobox', { name: '按成员筛选' }));
    await user.click(await screen.findByTitle('李四'));
    await waitFor(() =>
      expect(api['search.query']).toHaveBeenLastCalledWith(expect.objectContaining({ memberId: 'm2', offset: 0 })),
    );
  });

  it('says so when nothing matches', async () => {
    setup(0);
    expect(await screen.findByTestId('search-page-empty')).toHaveTextContent('没有找到包含“换届”的记录');
  });
});
