import { beforeEach, describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { DraftsPage } from './drafts-page';
import { draftDatabase, getDraft, saveDraft } from '../drafts';
import { BOOK, fakeApi, renderInBook, status } from '../test/kit';

beforeEach(async () => {
  await draftDatabase().drafts.clear();
  window.history.replaceState(null, '', '/#/drafts');
});

describe('drafts page', () => {
  it('lists this book’s drafts, continues one and deletes one after confirming', async () => {
    const user = userEvent.setup();
    await saveDraft({
      id: 'd-meet',
      bookId: BOOK,
      kind: 'meeting',
      title: '第4次小组会议',
      data: {},
      updatedAt: Date.UTC(2025, 2, 18, 1, 2, 3),
    });
    await saveDraft({ id: 'd-act', bookId: BOOK, kind: 'activity', title: '七一主题党日', data: {} });
    await saveDraft({ id: 'd-other', bookId: 'ffffeeee', kind: 'work', title: '别的记录本', data: {} });
    renderInBook(<DraftsPage />, fakeApi({ 'books.status': () => status() }));

    const meeting = await screen.findByTestId('draft-row-d-meet');
    expect(meeting).toHaveTextContent('会议记录');
    expect(meeting).toHaveTextContent('第4次小组会议');
    expect(screen.queryByText('别的记录本')).toBeNull();

    await user.click(within(meeting).getByRole('button', { name: '继续编辑' }));
    await waitFor(() => expect(window.location.hash).toBe('#/draft/meeting/d-meet'));

    const activity = screen.getByTestId('draft-row-d-act');
    await user.click(within(activity).getByRole('button', { name: '删除草稿' }));
    await user.click(await screen.findByRole('button', { name: /^删\s*除$/ }));
    await waitFor(() => expect(screen.queryByTestId('draft-row-d-act')).toBeNull());
    expect(await getDraft('d-act')).toBeUndefined();
    expect(await getDraft('d-meet')).toBeDefined();
  });
});
