import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { SetupWizard } from './setup-wizard';
import { fakeApi, renderWithApi, status } from '../test/kit';
import { profileAnswers } from './profile-fixture';

/** Types a date into an antd DatePicker (its input parses `YYYY-MM-DD`) and commits it. */
async function pickDate(label: string, value: string, scope: HTMLElement = document.body) {
  const input = within(scope).getByLabelText(label);
  fireEvent.mouseDown(input);
  fireEvent.change(input, { target: { value } });
  fireEvent.keyDown(input, { key: 'Enter', code: 'Enter' });
  await waitFor(() => expect(input).toHaveValue(value));
}

async function fillOrganisation(user: ReturnType<typeof userEvent.setup>) {
  await user.type(screen.getByLabelText('学会名称'), '中国示例学会');
  await user.type(screen.getByLabelText('党组织名称'), '中国示例学会党建工作小组');
  await pickDate('任期开始', '2023-01-01');
  await pickDate('任期结束', '2027-12-31');
  await user.type(screen.getByLabelText('主管党组织'), '科技社团党委');
  await user.type(screen.getByLabelText('党建联系人'), '赵六');
  await user.type(screen.getByLabelText('记录人'), '钱七');
  await user.type(screen.getByLabelText('成立批复文号'), '科技社团党委〔2023〕5号');
  await pickDate('成立批复日期', '2022-12-20');
}

describe('first-run wizard', () => {
  it('refuses to go on with an empty organisation and sends nothing', async () => {
    const api = fakeApi();
    renderWithApi(<SetupWizard onDone={() => {}} />, api);
    await userEvent.setup().click(screen.getByTestId('wizard-next'));
    expect(await screen.findAllByText(/^请填写/)).not.toHaveLength(0);
    expect(screen.getByTestId('wizard-step-organisation')).toBeInTheDocument();
    expect(api['books.create']).not.toHaveBeenCalled();
  });

  it('requires a leader, then creates the book and shows the key fingerprint and its protection', async () => {
    const user = userEvent.setup();
    const created = status({ size: 2 });
    const api = fakeApi({
      ...profileAnswers,
      'books.create': () => created,
      'app.security': () => ({
        keyProtection: 'none',
        title: '签名私钥未加密，仅靠文件权限保护',
        explanation: '任何能读取该文件夹的人都能用它签名',
      }),
    });
    renderWithApi(<SetupWizard onDone={() => {}} />, api);

    await fillOrganisation(user);
    await user.click(screen.getByTestId('wizard-next'));
    await screen.findByTestId('wizard-step-profile');
    await user.click(await screen.findByText('苏州·党建工作领导小组'));
    await user.click(screen.getByTestId('wizard-next'));
    await screen.findByTestId('wizard-step-members');

    await user.click(screen.getByTestId('wizard-next'));
    expect(await screen.findByTestId('wizard-leader-error')).toHaveTextContent('组长');

    await user.click(screen.getByTestId('wizard-add-member'));
    const modal = await screen.findByTestId('member-join-form');
    await user.type(within(modal).getByLabelText('姓名'), '张三');
    await user.click(within(modal).getByLabelText('男'));
    await pickDate('出生日期', '1968-05-04', modal);
    // Join date and approval come pre-filled from the term and the set-up approval.
    expect(within(modal).getByLabelText('加入日期')).toHaveValue('2023-01-01');
    await user.click(screen.getByTestId('member-join-ok'));
    await waitFor(() => expect(screen.queryByTestId('member-join-form')).not.toBeInTheDocument());
    expect(screen.getByText('张三')).toBeInTheDocument();

    await user.click(screen.getByTestId('wizard-next'));
    await screen.findByTestId('wizard-step-review');
    expect(await screen.findByTestId('review-profile')).toHaveTextContent('苏州·党建工作领导小组');
    await user.click(screen.getByTestId('wizard-create'));

    await screen.findByTestId('key-fingerprint');
    expect(screen.getByTestId('key-id')).toHaveTextContent(created.keyId);
    expect(screen.getByTestId('allowed-signers')).toHaveTextContent('namespaces="logbook"');
    // …and says how this computer protects the key that signs it.
    expect(await screen.findByTestId('key-protection')).toHaveTextContent('任何能读取该文件夹的人都能用它签名');
    expect(api['books.create']).toHaveBeenCalledTimes(1);
    const input = api['books.create'].mock.calls[0]?.[0] as {
      profile: unknown;
      organisation: unknown;
      members: unknown[];
    };
    expect(input.profile).toEqual({ id: 'suzhou-leading-group' });
    expect(input.organisation).toMatchObject({
      societyName: '中国示例学会',
      form: 'work-group',
      termStart: '2023-01-01',
      termEnd: '2027-12-31',
      recorder: '钱七',
      approval: { docNo: '科技社团党委〔2023〕5号', date: '2022-12-20' },
    });
    expect(input.members).toHaveLength(1);
    expect(input.members[0]).toMatchObject({
      role: 'leader',
      joinedOn: '2023-01-01',
      approval: { docNo: '科技社团党委〔2023〕5号', date: '2022-12-20' },
      person: { name: '张三', gender: '男', birthDate: '1968-05-04', isCpcMember: true },
    });
  }, 60_000);
});
