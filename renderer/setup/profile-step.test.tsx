import { useState } from 'react';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../api';
import { fakeApi, renderWithApi } from '../test/kit';
import type { CustomRuleValues } from './custom-rules';
import { PROFILE_CATALOG, profileAnswers } from './profile-fixture';
import { ProfileStep } from './profile-step';
import { ReviewStep } from './review-step';
import { profileChoiceOf, type ProfileId } from './use-profiles';

const ORG = {
  societyName: '中国示例学会',
  orgName: '中国示例学会党建工作小组',
  form: 'work-group' as const,
  termStart: '2023-01-01',
  termEnd: '2027-12-31',
  supervisingOffice: '科技社团党委',
  contactPerson: '赵六',
  recorder: '钱七',
};

function Harness({ seen }: { seen: CustomRuleValues[] }) {
  const [id, setId] = useState<ProfileId>('beijing-work-group');
  const [custom, setCustom] = useState<CustomRuleValues>({});
  return (
    <ProfileStep
      value={id}
      onChange={setId}
      custom={custom}
      onCustomChange={(v) => {
        seen.push(v);
        setCustom(v);
      }}
    />
  );
}

describe('the rule profile step', () => {
  it("shows each profile's name and summary as the service describes them", async () => {
    renderWithApi(<Harness seen={[]} />, fakeApi(profileAnswers));
    for (const p of PROFILE_CATALOG.profiles) {
      expect(await screen.findByText(p.label)).toBeInTheDocument();
      expect(screen.getByText(p.summary)).toBeInTheDocument();
    }
  });

  it("edits a custom profile's parameters from their descriptions and keeps them as overrides", async () => {
    const seen: CustomRuleValues[] = [];
    renderWithApi(<Harness seen={seen} />, fakeApi(profileAnswers));
    await userEvent.click(await screen.findByTestId('profile-custom'));
    expect(await screen.findByTestId('custom-rules')).toHaveTextContent('应到人数的');
    const perYear = screen.getByLabelText('每年至少召开会议');
    expect(perYear).toHaveValue('2');
    await userEvent.clear(perYear);
    await userEvent.type(perYear, '4');
    await waitFor(() => expect(seen.at(-1)).toEqual({ 'meetings.meetingsPerYear': 4 }));
    expect(profileChoiceOf('custom', seen.at(-1)!)).toEqual({
      id: 'custom',
      overrides: { 'meetings.meetingsPerYear': 4 },
    });
  });

  it('reviews the choice with the rules the service will check', async () => {
    const api = fakeApi(profileAnswers);
    const choice = { id: 'custom' as const, overrides: { 'meetings.meetingsPerYear': 4 } };
    renderWithApi(<ReviewStep org={ORG} profile={choice} members={[]} error={null} />, api);
    const custom = PROFILE_CATALOG.profiles.find((p) => p.id === 'custom')!;
    expect(await screen.findByTestId('review-profile')).toHaveTextContent(custom.rules[0]!);
    expect(api['profiles.describe']).toHaveBeenCalledWith({ profile: choice });
  });

  it("shows the service's refusal of a custom parameter", async () => {
    const api = fakeApi({
      'profiles.describe': () => {
        throw new ApiError('invalid-profile', '规则方案有误：会议有效人数（以应到人数为基数）不对', 'profile');
      },
    });
    renderWithApi(
      <ReviewStep
        org={ORG}
        profile={{ id: 'custom', overrides: { 'committee.quorum': { num: 3, den: 2, strict: true } } }}
        members={[]}
        error={null}
      />,
      api,
    );
    expect(await screen.findByTestId('review-profile-error')).toHaveTextContent('规则方案有误');
  });
});
