/** The member dialogs show the seal's own checks of the change being typed (entries.check). */
import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { EntryCheck } from '../../db/contract';
import { MembersPage } from './members-page';
import { ORG, ROSTER, fakeApi, renderInBook, status } from '../test/kit';

const EVEN = { code: 'even-total', message: '党建工作小组现有成员2人，规则要求成员数为奇数' };

function api() {
  return fakeApi({
    'books.status': () => status(),
    'members.list': () => ROSTER,
    'org.get': () => ORG,
    'entries.check': (input: { entry: { kind: EntryCheck['kind']; leave?: { leftOn?: string } } }): EntryCheck => ({
      kind: input.entry.kind,
      blocking: [],
      passed: [],
      flags: input.entry.leave?.leftOn ? [EVEN] : [],
    }),
  });
}

describe('member dialogs', () => {
  it('a departure shows the composition flag it will be sealed with, once its date is known', async () => {
    const user = userEvent.setup();
    const calls = api();
    renderInBook(<MembersPage />, calls);
    const row = (await screen.findByText('王五')).closest('tr') as HTMLElement;
    await user.click(within(row).getByRole('button', { name: '离任' }));
    // A departure cannot be undone: the page asks first.
    await user.click(await screen.findByRole('button', { name: '办理离任' }));
    const form = await screen.findByTestId('member-change-form');
    const checks = await screen.findByTestId('live-checks');
    await waitFor(() =>
      expect(calls['entries.check']).toHaveBeenCalledWith({
        bookId: status().bookId,
        entry: { kind: 'member.leave', leave: { memberId: 'm3' } },
      }),
    );
    expect(within(checks).queryByTestId('check-flags')).not.toBeInTheDocument();

    const date = within(form).getByLabelText('离任日期');
    fireEvent.mouseDown(date);
    fireEvent.change(date, { target: { value: '2025-04-01' } });
    fireEvent.keyDown(date, { key: 'Enter', code: 'Enter' });
    await waitFor(() => expect(within(checks).getByTestId('check-flags')).toHaveTextContent('将随记录一并封存的提示'));
    expect(within(checks).getByTestId('rule-flag')).toHaveTextContent('规则要求成员数为奇数');
    expect(calls['entries.check']).toHaveBeenLastCalledWith({
      bookId: status().bookId,
      entry: { kind: 'member.leave', leave: { memberId: 'm3', leftOn: '2025-04-01' } },
    });
  });

  it('a join is checked as typed: role and date with the person', async () => {
    const user = userEvent.setup();
    const calls = api();
    renderInBook(<MembersPage />, calls);
    await user.click(await screen.findByTestId('member-join-button'));
    const form = await screen.findByTestId('member-join-form');
    fireEvent.change(within(form).getByLabelText('姓名'), { target: { value: '孙立' } });
    await waitFor(() =>
      expect(calls['entries.check']).toHaveBeenLastCalledWith({
        bookId: status().bookId,
        entry: { kind: 'member.join', join: { person: { name: '孙立', isCpcMember: true, underDiscipline: false } } },
      }),
    );
  });
});
