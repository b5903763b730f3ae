import { describe, expect, it } from 'vitest';
import type { CompositionMember } from './composition-checks';
import { checkComposition } from './composition-checks';
import type { ProfileId } from './profiles';
import { BUILT_IN_PROFILES } from './profiles';

function members(roles: string, overrides: Partial<CompositionMember>[] = []): CompositionMember[] {
  const byLetter = { L: 'leader', D: 'deputy', M: 'member' } as const;
  return [...roles].map((letter, i) => ({
    id: `m${i + 1}`,
    name: `成员${i + 1}`,
    role: byLetter[letter as keyof typeof byLetter],
    isCpcMember: true,
    ...overrides[i],
  }));
}

const codes = (id: ProfileId, list: CompositionMember[]) =>
  checkComposition({ members: list, profile: BUILT_IN_PROFILES[id] }).map((w) => w.code);

describe('checkComposition', () => {
  it.each([
    // Beijing 000: 组长1名，副组长1－2名，成员数为奇数，中共党员
    ['beijing-work-group', 'LDMMM', []],
    ['beijing-work-group', 'LDDMM', []],
    ['beijing-work-group', 'DMMMM', ['no-leader']],
    ['beijing-work-group', 'LLDMM', ['multiple-leaders']],
    ['beijing-work-group', 'LMMMM', ['deputies-out-of-range']],
    ['beijing-work-group', 'LDDDM', ['deputies-out-of-range']],
    ['beijing-work-group', 'LDMM', ['even-total']],
    // Suzhou 002: 一般不超过7人，应为单数
    ['suzhou-leading-group', 'LMMMMMM', []],
    ['suzhou-leading-group', 'LMMMMMMMM', ['over-max-size']],
    ['suzhou-leading-group', 'LMMMMMMM', ['even-total', 'over-max-size']],
    ['suzhou-leading-group', 'LM', ['even-total']],
    // Qinghai: 书记1名, 副书记 optional, no parity rule in 001
    ['qinghai-branch', 'LMMM', []],
    ['qinghai-branch', 'MMM', ['no-leader']],
  ] as const)('%s %s → %o', (id, roles, expected) => {
    expect(codes(id, members(roles))).toEqual(expected);
  });

  it('warns about a non-CPC member where all must be, naming them', () => {
    const list = members('LDMMM', [{}, {}, { isCpcMember: false, name: '吴敏' }]);
    const warnings = checkComposition({ members: list, profile: BUILT_IN_PROFILES['beijing-work-group'] });
    expect(warnings).toEqual([
      {
        code: 'non-cpc-member',
        memberId: 'm3',
        message: '成员“吴敏”不是中共党员，规则要求党建工作小组成员须为中共党员',
      },
    ]);
  });

  it('only asks the leader to be a CPC member in Suzhou', () => {
    expect(codes('suzhou-leading-group', members('LMM', [{}, { isCpcMember: false }]))).toEqual([]);
    expect(codes('suzhou-leading-group', members('LMM', [{ isCpcMember: false }]))).toEqual(['leader-not-cpc']);
  });

  it('warns about a member under discipline where the profile says so', () => {
    const list = members('LDM', [{}, { underDiscipline: true }]);
    expect(codes('beijing-work-group', list)).toEqual(['member-under-discipline']);
    expect(codes('suzhou-leading-group', list)).toEqual([]);
  });

  it('warns (never throws) on an empty body', () => {
    expect(codes('beijing-work-group', [])).toEqual(['no-members']);
  });
});
