import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MembersPage } from './members-page';
import type { MemberView } from '../../db/contract';
import { renderInBook, status } from '../test/kit';
import { REAL_MEMBERS, realBook } from '../test/real-service';

async function pickDate(scope: HTMLElement, label: string, value: string) {
  const input = within(scope).getByLabelText(label);
  fireEvent.mouseDown(input);
  fireEvent.change(input, { target: { value } });
  fireEvent.keyDown(input, { key: 'Enter', code: 'Enter' });
  await waitFor(() => expect(input).toHaveValue(value));
}

/** A real book of four (an even number: the Beijing profile wants an odd one). */
async function fourMembers() {
  const fourth = { ...REAL_MEMBERS[2]!, person: { ...REAL_MEMBERS[2]!.person, name: '赵六' } };
  const book = await realBook('2025-04-02T10:00', [...REAL_MEMBERS, fourth]);
  return { ...book, books: [status({ bookId: book.bookId })] };
}

describe('members page', () => {
  it('lists the roster with roles and shows composition warnings', async () => {
    const { api, books } = await fourMembers();
    renderInBook(<MembersPage />, api, books);
    expect(await screen.findByText('张三')).toBeInTheDocument();
    expect(screen.getByText('副组长')).toBeInTheDocument();
    // The service's own composition check, in its words.
    expect(await screen.findByTestId('composition-warning')).toHaveTextContent('现有成员4人，规则要求成员数为奇数');
  });

  it('records a departure only with the 批复 number and date', async () => {
    const user = userEvent.setup();
    const { api, books, bookId } = await fourMembers();
    renderInBook(<MembersPage />, api, books);
    const row = (await screen.findByText('王五')).closest('tr') as HTMLElement;
    await user.click(within(row).getByRole('button', { name: '离任' }));
    // First a confirmation: one click must not start a departure.
    expect(await screen.findByText('为王五办理离任？')).toBeInTheDocument();
    expect(screen.queryByTestId('member-change-form')).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: '办理离任' }));
    const form = await screen.findByTestId('member-change-form');
    await pickDate(form, '离任日期', '2025-04-01');
    await user.type(within(form).getByLabelText('原因'), '工作调动');
    await user.click(screen.getByTestId('member-change-ok'));
    expect(await within(form).findByText('请填写批复文号')).toBeInTheDocument();
    expect(within(form).getByText('请填写批复日期')).toBeInTheDocument();
    expect(api['members.leave']).not.toHaveBeenCalled();

    await user.type(within(form).getByLabelText('批复文号'), '科技社团党委〔2025〕12号');
    await pickDate(form, '批复日期', '2025-03-28');
    await user.click(screen.getByTestId('member-change-ok'));
    await waitFor(() => expect(api['members.leave']).toHaveBeenCalledTimes(1));
    expect(api['members.leave'].mock.calls[0]?.[0]).toEqual({
      bookId,
      requestId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      memberId: 'm3',
      leftOn: '2025-04-01',
      reason: '工作调动',
      approval: { docNo: '科技社团党委〔2025〕12号', date: '2025-03-28' },
    });
    // Sealed in the real book: 王五 has left, the roster on screen says so, and 3 remain (odd: no warning).
    await waitFor(() =>
      expect(within(screen.getByText('王五').closest('tr') as HTMLElement).getByText(/已离任/)).toBeInTheDocument(),
    );
    const roster = (await api['members.list']({ bookId })) as MemberView[];
    expect(roster.find((m) => m.memberId === 'm3')).toMatchObject({ active: false, leftOn: '2025-04-01' });
    await waitFor(() => expect(screen.queryByTestId('composition-warning')).not.toBeInTheDocument());
  });
});
