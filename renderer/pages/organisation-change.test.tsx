import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { BOOK, fakeApi, ORG, renderWithApi } from '../test/kit';
import { OrganisationChange } from './organisation-change';

describe('changing the organisation record', () => {
  it('starts from the current record, needs a reason, and seals the new record', async () => {
    const api = fakeApi({
      'org.update': () => ({ seq: 20, hash: 'b'.repeat(64), recordedAt: '2025-03-20T02:00:00.000Z', flags: [] }),
    });
    let changed = 0;
    renderWithApi(
      <OrganisationChange
        bookId={BOOK}
        current={ORG.organisation!}
        disabled={false}
        onChanged={() => {
          changed++;
        }}
      />,
      api,
    );
    await userEvent.click(screen.getByTestId('org-change'));
    const name = await screen.findByLabelText('党组织名称');
    expect(name).toHaveValue('中国示例学会党建工作小组');
    await userEvent.clear(name);
    await userEvent.type(name, '中国示例学会党委');
    await userEvent.click(screen.getByRole('button', { name: '封存变更' }));
    expect(await screen.findByTestId('org-change-error')).toHaveTextContent('请填写变更原因');
    expect(api['org.update']).not.toHaveBeenCalled();
    await userEvent.type(screen.getByTestId('org-change-reason'), '换届，见批复');
    await userEvent.click(screen.getByRole('button', { name: '封存变更' }));
    await waitFor(() => expect(changed).toBe(1));
    expect(api['org.update']).toHaveBeenCalledWith({
      bookId: BOOK,
      requestId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      reason: '换届，见批复',
      organisation: expect.objectContaining({ orgName: '中国示例学会党委', societyName: '中国示例学会' }),
    });
  }, 60_000);
});
