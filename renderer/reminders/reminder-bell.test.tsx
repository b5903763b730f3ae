import { beforeEach, describe, expect, it } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Reminder } from '../../db/rules';
import { fakeApi, renderInBook, status } from '../test/kit';
import { ReminderBell } from './reminder-bell';
import { routeOf, shownKey } from './reminder-target';

const due: Reminder = {
  id: 'filing-due:12',
  code: 'filing-due',
  level: 'urgent',
  seqs: [12],
  title: '第 12 条会议纪要待备案',
  message: '2025年12月9日会议的纪要应于2025年12月12日前报送党建委办公室备案，还剩 1 个工作日。报送后请登记备案。',
  action: { label: '登记备案', target: { page: 'new-work', workType: 'filing', meetingSeq: 12 } },
};

describe('reminder bell', () => {
  beforeEach(() => localStorage.clear());

  it('shows the reminders once per day on start, and always in the bell', async () => {
    const user = userEvent.setup();
    const api = fakeApi({
      'books.status': () => status(),
      'reminders.list': () => ({ today: '2025-12-11', items: [due] }),
    });
    const { unmount } = renderInBook(<ReminderBell />, api);
    expect(await screen.findByTestId('start-reminders')).toHaveTextContent('还剩 1 个工作日');
    expect(localStorage.getItem(shownKey(status().bookId))).toBe('2025-12-11');
    expect(screen.getByRole('button', { name: '提醒（1 项）' })).toBeInTheDocument();
    unmount();

    // Same day again: no pop-up, but the bell still lists it, and its button leads to the task.
    renderInBook(<ReminderBell />, api);
    await user.click(await screen.findByRole('button', { name: '提醒（1 项）' }));
    expect(await screen.findByTestId('reminder-list')).toHaveTextContent('第 12 条会议纪要待备案');
    expect(screen.queryByTestId('start-reminders')).toBeNull();
    await user.click(screen.getByRole('button', { name: '查看第 12 条' }));
    await waitFor(() => expect(window.location.hash).toBe('#/entry/12'));
  });

  it('closes the start-up reminder when the clerk leaves the start page', async () => {
    const api = fakeApi({
      'books.status': () => status(),
      'reminders.list': () => ({ today: '2025-12-11', items: [due] }),
    });
    renderInBook(<ReminderBell />, api);
    expect(await screen.findByTestId('start-reminders')).toBeInTheDocument();
    window.location.hash = '#/new/meeting';
    await waitFor(() => expect(screen.queryByTestId('start-reminders')).toBeNull());
  });

  it('says so when there is nothing to remind', async () => {
    const user = userEvent.setup();
    const api = fakeApi({
      'books.status': () => status(),
      'reminders.list': () => ({ today: '2025-12-11', items: [] }),
    });
    renderInBook(<ReminderBell />, api);
    await user.click(await screen.findByRole('button', { name: '提醒（0 项）' }));
    expect(await screen.findByText('没有需要提醒的事项')).toBeInTheDocument();
  });

  it('maps each target to a page', () => {
    expect(routeOf({ page: 'new-work', workType: 'filing', meetingSeq: 3 })).toEqual({ page: 'new', kind: 'work' });
    expect(routeOf({ page: 'new-meeting' })).toEqual({ page: 'new', kind: 'meeting' });
    expect(routeOf({ page: 'holidays' })).toEqual({ page: 'settings' });
    expect(routeOf({ page: 'entry', seq: 4 })).toEqual({ page: 'entry', seq: 4 });
  });
});
