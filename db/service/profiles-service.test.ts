import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROFILE_IDS } from '../contract';
import { BUILT_IN_PROFILES, describeProfile, resolveProfile } from '../rules';
import { openHarness, type Harness } from './test/service-harness';

let h: Harness;
beforeAll(() => {
  h = openHarness();
});
afterAll(() => h.cleanup());

describe('profiles.list', () => {
  it('describes every profile from its rules: summary, every rule line and the custom parameters', async () => {
    const { profiles, thresholdWords } = await h.call('profiles.list', {});
    expect(profiles.map((p) => p.id)).toEqual([...PROFILE_IDS]);
    for (const p of profiles) {
      const rules = BUILT_IN_PROFILES[p.id as keyof typeof BUILT_IN_PROFILES];
      expect(p.label).toBe(rules.label);
      expect(p.rules).toEqual(describeProfile(rules));
      expect(p.summary).toMatch(/^[^a-z{}]+。$/);
      expect(p.params.map((x) => x.key)).toEqual([
        'meetings.meetingsPerYear',
        'committee.quorum',
        'committee.decision',
        'filing.workingDays',
      ]);
    }
    expect(thresholdWords.strict).toContain('超过');
    const beijing = profiles.find((p) => p.id === 'beijing-work-group')!;
    expect(beijing.summary).toBe(
      '每年至少召开 2 次党建工作小组会；到会须超过应到人数的2/3；决议须经实到人数的1/2以上同意；成员数为奇数；纪要 3 个工作日内报党建委办公室备案。',
    );
    expect(beijing.params[1]).toEqual({
      key: 'committee.quorum',
      kind: 'threshold',
      label: '到会人数',
      base: '应到人数',
      value: { num: 2, den: 3, strict: true },
    });
    const qinghai = profiles.find((p) => p.id === 'qinghai-branch')!;
    expect(qinghai.summary).toContain('选举到会须超过应到会有选举权人数的4/5，差额须达到应选人数的1/5以上');
    expect(qinghai.summary).not.toMatch(/不少于.*以上/);
    // The summary words each threshold as the rule lines do: 须 is always followed by a verb (超过/达到/经).
    for (const p of profiles) expect(p.summary, p.id).not.toMatch(/须[^超达经为有]/);
  });

  it('every parameter a custom profile exposes is one resolveProfile accepts at its bounds', async () => {
    const { profiles } = await h.call('profiles.list', {});
    for (const param of profiles.find((p) => p.id === 'custom')!.params) {
      const values = param.kind === 'threshold' ? [param.value] : [param.min, param.max];
      for (const value of values) expect(resolveProfile('custom', { [param.key]: value }).ok, param.key).toBe(true);
    }
  });
});

describe('profiles.describe', () => {
  it('describes a custom choice with its overrides, as the book will check it', async () => {
    const d = await h.call('profiles.describe', {
      profile: {
        id: 'custom',
        overrides: {
          'meetings.meetingsPerYear': 4,
          'committee.quorum': { num: 1, den: 2, strict: false },
          'filing.workingDays': null,
        },
      },
    });
    expect(d.summary).toContain('每年至少召开 4 次');
    expect(d.summary).toContain('到会须达到应到人数的1/2以上');
    expect(d.summary).toContain('纪要不设备案期限');
    expect(d.params.find((x) => x.key === 'filing.workingDays')?.value).toBeNull();
  });

  it('refuses an invalid parameter in Chinese', async () => {
    await expect(
      h.call('profiles.describe', {
        profile: { id: 'custom', overrides: { 'committee.quorum': { num: 3, den: 2, strict: true } } },
      }),
    ).rejects.toMatchObject({ code: 'invalid-profile', message: expect.stringMatching(/^规则方案有误：/) });
  });
});

it("the renderer tests' canned profiles.list answer is the service's own output", async () => {
  const fixture = fs.readFileSync(
    new URL('../../renderer/setup/profile-catalog.fixture.json', import.meta.url),
    'utf8',
  );
  expect(JSON.parse(fixture)).toEqual(await h.call('profiles.list', {}));
});

describe('members.check', () => {
  it('warns before saving when a 中共党员 has no 入党时间', async () => {
    expect((await h.call('members.check', { person: { name: '张三', isCpcMember: true } })).warnings).toEqual([
      expect.objectContaining({
        code: 'party-join-date-missing',
        message: expect.stringContaining('张三是中共党员，但未填写入党时间'),
      }),
    ]);
    expect(
      (await h.call('members.check', { person: { name: '张三', isCpcMember: true, partyJoinDate: '1990-07-01' } }))
        .warnings,
    ).toEqual([]);
  });
});
