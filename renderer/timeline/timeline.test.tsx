import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { EntrySummary } from '../../db/contract';
import { TimelinePage } from './timeline-page';
import { PAGE_SIZE } from './use-entry-pages';
import { ROSTER, fakeApi, renderInBook, status } from '../test/kit';

const TOTAL = 100_000;

// jsdom has no layout: let elements with an explicit pixel height in their style report it
// as clientHeight, so the virtualizer sees a viewport as it would in a browser.
const clientHeight = Object.getOwnPropertyDescriptor(Element.prototype, 'clientHeight');
beforeAll(() => {
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', {
    configurable: true,
    get(this: HTMLElement) {
      return Number.parseFloat(this.style.height) || 0;
    },
  });
});
afterAll(() => {
  delete (HTMLElement.prototype as { clientHeight?: number }).clientHeight;
  if (clientHeight) Object.defineProperty(Element.prototype, 'clientHeight', clientHeight);
});

/** Entry at timeline index i (newest first): seq TOTAL - i. */
function entryAt(i: number, kindFilter?: string[]): EntrySummary {
  const seq = TOTAL - i;
  const meeting = !kindFilter || kindFilter.includes('meeting');
  return {
    seq,
    kind: meeting ? 'meeting' : 'activity',
    kindLabel: meeting ? '小组会议' : '活动',
    title: meeting ? `第 ${seq} 次小组会议` : `主题党日 ${seq}`,
    date: '2025-03-18',
    recordedAt: '2025-03-18T02:00:00.000Z',
    flags: seq === TOTAL ? [{ code: 'quorum-not-met', message: '到会人数未超过应到人数的2/3' }] : [],
    memberIds: ['m1'],
    correctedBy: seq === TOTAL - 1 ? [TOTAL + 5] : [],
  };
}

function listApi() {
  return fakeApi({
    'books.status': () => status({ size: TOTAL }),
    'members.list': () => ROSTER,
    'entries.list': (input: { offset?: number; limit?: number; kinds?: string[] }) => {
      const offset = input.offset ?? 0;
      const limit = input.limit ?? 100;
      const total = input.kinds ? 2 : TOTAL;
      const items = Array.from({ length: Math.max(0, Math.min(limit, total - offset)) }, (_, k) =>
        entryAt(offset + k, input.kinds),
      );
      return { total, items };
    },
  });
}

describe('timeline', () => {
  it('shows the newest rows of 100,000 with flags and 已更正, fetching only the first page', async () => {
    const api = listApi();
    renderInBook(<TimelinePage viewportHeight={520} />, api);
    const newest = await screen.findByTestId(`timeline-row-${TOTAL}`);
    expect(newest).toHaveTextContent(`第 ${TOTAL} 次小组会议`);
    expect(within(newest).getByText('到会人数未超过应到人数的2/3')).toBeInTheDocument();
    expect(within(screen.getByTestId(`timeline-row-${TOTAL - 1}`)).getByTestId('tag-corrected')).toHaveTextContent(
      '已更正',
    );
    expect(screen.getByTestId('timeline-total')).toHaveTextContent('共 100000 条');
    // Virtualised: a screenful of rows in the DOM, not 100,000; one page requested.
    const rendered = screen.getAllByTestId(/^timeline-row-/);
    expect(rendered.length).toBeGreaterThan(5);
    expect(rendered.length).toBeLessThan(60);
    expect(api['entries.list']).toHaveBeenCalledTimes(1);
    expect(api['entries.list'].mock.calls[0]?.[0]).toMatchObject({ offset: 0, limit: PAGE_SIZE });
  });

  it('fetches the page under the scroll position on demand', async () => {
    const api = listApi();
    renderInBook(<TimelinePage viewportHeight={520} />, api);
    await screen.findByTestId(`timeline-row-${TOTAL}`);
    const scroller = screen.getByTestId('timeline-scroll');
    // Jump to row 50,000 (rows are 52 px high).
    scroller.scrollTop = 50_000 * 52;
    fireEvent.scroll(scroller);
    await screen.findByTestId(`timeline-row-${TOTAL - 50_000}`);
    const offsets = api['entries.list'].mock.calls.map((c) => (c[0] as { offset: number }).offset);
    expect(offsets).toContain(50_000 - (50_000 % PAGE_SIZE));
    expect(offsets.length).toBeLessThan(5);
  });

  it('filters by kind and opens an entry on click', async () => {
    const user = userEvent.setup();
    const api = listApi();
    renderInBook(<TimelinePage viewportHeight={520} />, api);
    await screen.findByTestId(`timeline-row-${TOTAL}`);
    await user.click(screen.getByRole('combobox', { name: '按类别筛选' }));
    await user.click(await screen.findByTitle('活动记录'));
    await waitFor(() => expect(screen.getByTestId('timeline-total')).toHaveTextContent('共 2 条'));
    const last = api['entries.list'].mock.calls.at(-1)?.[0] as { kinds?: string[]; offset: number };
    expect(last.kinds).toEqual(['activity']);
    expect(last.offset).toBe(0);
    const row = await screen.findByTestId(`timeline-row-${TOTAL}`);
    expect(row).toHaveTextContent('主题党日');
    await user.click(row);
    await waitFor(() => expect(window.location.hash).toBe(`#/entry/${TOTAL}`));
  });

  it('shows a call to action when the book has no entries', async () => {
    const api = fakeApi({
      'books.status': () => status({ size: 2 }),
      'members.list': () => ROSTER,
      'entries.list': () => ({ total: 0, items: [] }),
    });
    renderInBook(<TimelinePage />, api);
    const empty = await screen.findByTestId('timeline-empty');
    expect(within(empty).getByRole('button', { name: /记录第一次会议/ })).toBeInTheDocument();
  });
});
