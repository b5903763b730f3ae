import { describe, expect, it } from 'vitest';
import { describeProfile } from './profile-descriptions';
import { BUILT_IN_PROFILES, PROFILE_IDS, resolveProfile, ruleProfileSchema } from './profiles';

describe('built-in profiles', () => {
  it.each(PROFILE_IDS)('%s is valid under its own schema', (id) => {
    const parsed = ruleProfileSchema.safeParse(BUILT_IN_PROFILES[id]);
    expect(parsed.error?.issues ?? []).toEqual([]);
    expect(BUILT_IN_PROFILES[id].id).toBe(id);
  });

  // The parameters the sources state (000 Beijing, 002 Suzhou, 001 Qinghai).
  it.each([
    ['beijing-work-group', { num: 2, den: 3, strict: true }, { num: 1, den: 2, strict: false }, 2, false, 3],
    ['suzhou-leading-group', { num: 1, den: 2, strict: false }, { num: 1, den: 2, strict: true }, 2, true, null],
    ['qinghai-branch', { num: 1, den: 2, strict: false }, { num: 1, den: 2, strict: true }, 2, true, null],
  ] as const)(
    '%s: quorum %o, decision %o, %i meetings, half-yearly %s, filing %s',
    (id, quorum, decision, perYear, half, filing) => {
      const p = BUILT_IN_PROFILES[id];
      expect(p.committee.quorum).toEqual(quorum);
      expect(p.committee.decision).toEqual(decision);
      expect(p.committee.decisionBase).toBe('present');
      expect(p.meetings.meetingsPerYear).toBe(perYear);
      expect(p.meetings.perHalfYear).toBe(half);
      expect(p.filing.workingDays).toBe(filing);
    },
  );

  it('states the composition and election rules of the sources', () => {
    const bj = BUILT_IN_PROFILES['beijing-work-group'].composition;
    expect([bj.leaders, bj.deputies, bj.oddTotal, bj.allCpcMembers]).toEqual([
      { min: 1, max: 1 },
      { min: 1, max: 2 },
      true,
      true,
    ]);
    const sz = BUILT_IN_PROFILES['suzhou-leading-group'].composition;
    expect([sz.maxSize, sz.oddTotal]).toEqual([7, true]);
    const qh = BUILT_IN_PROFILES['qinghai-branch'];
    expect(qh.election?.presentThreshold).toEqual({ num: 4, den: 5, strict: true });
    expect(qh.election?.competitiveMargin).toEqual({ num: 1, den: 5, strict: false });
    expect(qh.election?.uncontestedByElectionAllowed).toBe(true);
    expect(qh.assembly?.decisionBase).toBe('expected');
    expect(BUILT_IN_PROFILES['beijing-work-group'].election).toBeNull();
    expect(BUILT_IN_PROFILES['beijing-work-group'].meetings.separateFromBoard).toBe(true);
  });

  it('cannot be changed by a caller', () => {
    const p = BUILT_IN_PROFILES['beijing-work-group'];
    expect(() => {
      (p.committee.quorum as { num: number }).num = 1;
    }).toThrow(TypeError);
    expect(p.committee.quorum.num).toBe(2);
  });

  it.each(PROFILE_IDS)('%s describes itself in Chinese', (id) => {
    const lines = describeProfile(BUILT_IN_PROFILES[id]);
    expect(lines.length).toBeGreaterThan(4);
    expect(lines.join('')).toMatch(/[\u4e00-\u9fff]/);
  });

  it('describes Beijing with its own wording', () => {
    const text = describeProfile(BUILT_IN_PROFILES['beijing-work-group']).join('\n');
    expect(text).toContain('超过应到人数的2/3');
    expect(text).toContain('实到人数的1/2以上');
    expect(text).toContain('3个工作日内报送党建委办公室备案');
  });
});

describe('resolveProfile', () => {
  it('returns the built-in itself without overrides', () => {
    const r = resolveProfile('suzhou-leading-group');
    expect(r.ok && r.profile).toBe(BUILT_IN_PROFILES['suzhou-leading-group']);
  });

  it('refuses an unknown id', () => {
    const r = resolveProfile('shanghai');
    expect(r.ok).toBe(false);
    expect(!r.ok && r.errors[0]).toContain('未知的规则配置：shanghai');
  });

  it('applies nested and dotted overrides and records what changed', () => {
    const r = resolveProfile('custom', {
      'committee.quorum': { num: 1, den: 2, strict: false },
      meetings: { meetingsPerYear: 4 },
    });
    if (!r.ok) throw new Error(r.errors.join());
    expect(r.profile.committee.quorum).toEqual({ num: 1, den: 2, strict: false });
    expect(r.profile.committee.decision).toEqual({ num: 1, den: 2, strict: false });
    expect(r.profile.meetings.meetingsPerYear).toBe(4);
    expect(r.profile.meetings.separateFromBoard).toBe(true);
    expect(r.profile.customised).toEqual(['committee.quorum', 'meetings.meetingsPerYear']);
    expect(describeProfile(r.profile).join('')).toContain('应到人数的1/2以上方为有效');
  });

  it('lets Qinghai make the 4/5 rule inclusive (五分之四以上)', () => {
    const r = resolveProfile('qinghai-branch', { 'election.presentThreshold.strict': false });
    expect(r.ok && r.profile.election?.presentThreshold).toEqual({ num: 4, den: 5, strict: false });
  });

  it('starts an election override on a profile without elections from the party rules', () => {
    const r = resolveProfile('beijing-work-group', { election: { secretBallot: true } });
    expect(r.ok && r.profile.election?.presentThreshold).toEqual({ num: 4, den: 5, strict: true });
  });

  it.each([
    [
      { 'committee.quorum': { num: 3, den: 2, strict: true } },
      '会议有效人数（以应到人数为基数）（committee.quorum）：比例不能大于1',
    ],
    [{ meetings: { meetingsPerYear: -1 } }, '每年最少会议次数'],
    [{ 'committee.qorum': 1 }, '未知的字段：qorum'],
    [{ 'filing.workingDays': 0 }, '至少1个工作日'],
  ])('refuses %o with a Chinese message', (overrides, fragment) => {
    const r = resolveProfile('beijing-work-group', overrides);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.errors.join('；')).toContain(fragment);
  });

  it('refuses to change the id and keys that reach the prototype', () => {
    expect(resolveProfile('custom', { id: 'beijing-work-group' }).ok).toBe(false);
    const polluted = JSON.parse('{"__proto__": {"polluted": true}}') as Record<string, unknown>;
    expect(resolveProfile('custom', polluted).ok).toBe(false);
    expect(resolveProfile('custom', { 'meetings.__proto__.x': 1 }).ok).toBe(false);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
