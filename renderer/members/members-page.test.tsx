import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MembersPage } from './members-page';
import { ORG, ROSTER, fakeApi, renderInBook, status } from '../test/kit';

async function pickDate(scope: HTMLElement, label: string, value: string) {
  const input = within(scope).getByLabelText(label);
  fireEvent.mouseDown(input);
  fireEvent.change(input, { target: { value } });
  fireEvent.keyDown(input, { key: 'Enter', code: 'Enter' });
  await waitFor(() => expect(input).toHaveValue(value));
}

function membersApi() {
  return fakeApi({
    'books.status': () => status(),
    'members.list': () => ROSTER,
    'org.get': () => ({ ...ORG, composition: [{ code: 'total-even', message: '成员总数为偶数，北京方案要求为单数' }] }),
    'members.leave': () => ({ seq: 20, hash: 'e'.repeat(64), recordedAt: '2025-04-01T01:00:00.000Z', flags: [] }),
  });
}

describe('members page', () => {
  it('lists the roster with roles and shows composition warnings', async () => {
    renderInBook(<MembersPage />, membersApi());
    expect(await screen.findByText('张三')).toBeInTheDocument();
    expect(screen.getByText('副组长')).toBeInTheDocument();
    expect(screen.getByTestId('composition-warning')).toHaveTextContent('成员总数为偶数');
  });

  it('records a departure only with the 批复 number and date', async () => {
    const user = userEvent.setup();
    const api = membersApi();
    renderInBook(<MembersPage />, api);
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
    expect(await within(form).findAllByText('必须填写')).toHaveLength(2);
    expect(api['members.leave']).not.toHaveBeenCalled();

    await user.type(within(form).getByLabelText('批复文号'), '科技社团党委〔2025〕12号');
    await pickDate(form, '批复日期', '2025-03-28');
    await user.click(screen.getByTestId('member-change-ok'));
    await waitFor(() => expect(api['members.leave']).toHaveBeenCalledTimes(1));
    expect(api['members.leave'].mock.calls[0]?.[0]).toEqual({
      bookId: status().bookId, requestId: expect.stringMatching(/^[0-9a-f-]{36}$/), memberId: 'm3', leftOn: '2025-04-01', reason: '工作调动',
      approval: { docNo: '科技社团党委〔2025〕12号', date: '2025-03-28' },
    });
  });
});
