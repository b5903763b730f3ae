import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { BOOK, fakeApi, renderWithApi } from '../test/kit';
import { ProfileChange } from './profile-change';
import { profileAnswers } from '../setup/profile-fixture';

describe('changing the rule profile', () => {
  it('needs a reason, then seals the change with the chosen profile', async () => {
    const api = fakeApi({
      ...profileAnswers,
      'profile.change': () => ({ seq: 14, hash: 'a'.repeat(64), recordedAt: '2025-03-20T02:00:00.000Z', flags: [] }),
    });
    let changed = 0;
    renderWithApi(
      <ProfileChange
        bookId={BOOK}
        current="beijing-work-group"
        disabled={false}
        onChanged={() => {
          changed++;
        }}
      />,
      api,
    );
    await userEvent.click(screen.getByTestId('profile-change'));
    await userEvent.click(await screen.findByTestId('profile-suzhou-leading-group'));
    await userEvent.click(screen.getByRole('button', { name: '封存变更' }));
    expect(await screen.findByTestId('profile-change-error')).toHaveTextContent('请填写变更原因');
    expect(api['profile.change']).not.toHaveBeenCalled();
    await userEvent.type(screen.getByTestId('profile-change-reason'), '按苏科社党委〔2020〕3号执行');
    await userEvent.click(screen.getByRole('button', { name: '封存变更' }));
    await waitFor(() => expect(changed).toBe(1));
    expect(api['profile.change']).toHaveBeenCalledWith({
      bookId: BOOK,
      requestId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      profile: { id: 'suzhou-leading-group' },
      reason: '按苏科社党委〔2020〕3号执行',
    });
  });

  it('is not offered on a read-only book', () => {
    renderWithApi(
      <ProfileChange bookId={BOOK} current="beijing-work-group" disabled onChanged={() => {}} />,
      fakeApi(),
    );
    expect(screen.getByTestId('profile-change')).toBeDisabled();
  });
});
