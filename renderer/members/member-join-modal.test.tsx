import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { fakeApi, renderWithApi } from '../test/kit';
import { MemberJoinModal } from './member-join-modal';

const WARNING = {
  code: 'party-join-date-missing',
  message: '张三是中共党员，但未填写入党时间：备案表应写明入党时间。可以先保存，以后以更正补上。',
};

describe('the member join form', () => {
  it("shows the service's warning about the details before saving (a 中共党员 without 入党时间)", async () => {
    const api = fakeApi({
      'members.check': (input: { person: { partyJoinDate?: string } }) => ({
        warnings: input.person.partyJoinDate ? [] : [WARNING],
      }),
    });
    renderWithApi(
      <MemberJoinModal
        open
        title="成员加入"
        roleOptions={[{ value: 'member', label: '成员' }]}
        onSubmit={() => {}}
        onCancel={() => {}}
      />,
      api,
    );
    const form = await screen.findByTestId('member-join-form');
    await userEvent.type(within(form).getByLabelText('姓名'), '张三');
    expect(await screen.findByTestId('member-warnings')).toHaveTextContent('未填写入党时间');
    await waitFor(() =>
      expect(api['members.check']).toHaveBeenCalledWith({ person: { name: '张三', isCpcMember: true } }),
    );
  });
});
