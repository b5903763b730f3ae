/** The rules' sentences never double a threshold word (the old “不少于应选人数的1/5以上”). */
import { describe, expect, it } from 'vitest';
import {
  BUILT_IN_PROFILES,
  describeProfile,
  evaluateDecision,
  evaluateElection,
  evaluateQuorum,
  resolveProfile,
  type RuleProfile,
} from './index';

// 不少于/至少/超过 … 以上 says the bound twice; 须 … 以上 needs a verb (须达到/须经/须获得 … 以上).
const DOUBLED = /(不少于|不低于|至少|超过)[^，。；（]*以上|须(?!经|达到|获得)[^，。；]*以上/;

/** The built-in profiles, and each with every threshold turned to the other convention (超过 ⇄ 以上). */
function profiles(): RuleProfile[] {
  const flip = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(flip);
    if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      if (typeof o.strict === 'boolean' && 'num' in o) return { ...o, strict: !o.strict };
      return Object.fromEntries(Object.entries(o).map(([k, x]) => [k, flip(x)]));
    }
    return v;
  };
  const built = Object.values(BUILT_IN_PROFILES);
  return [...built, ...built.map((p) => ({ ...(flip(p) as RuleProfile), id: `${p.id}（反转）` as RuleProfile['id'] }))];
}

describe('threshold wording', () => {
  it.each(profiles().map((p) => [p.id, p] as const))(
    '%s: profile sentences and rule messages read once',
    (_id, profile) => {
      const texts = [...describeProfile(profile)];
      const q = evaluateQuorum({ expected: 6, present: 3, profile });
      if (q.ok) texts.push(q.value.message);
      const d = evaluateDecision({ present: 5, expected: 6, votes: { for: 2, against: 2, abstain: 1 }, profile });
      if (d.ok) texts.push(d.value.message);
      for (const competitive of [true, false]) {
        const e = evaluateElection({
          votingExpected: 50,
          votingPresent: 40,
          ballotsCast: 40,
          seats: 5,
          competitive,
          candidates: [40, 39, 38, 37, 36].map((v, i) => ({ name: `候选人${i + 1}`, votes: v })),
          profile,
        });
        if (e.ok) texts.push(...e.value.messages);
      }
      for (const t of texts) expect(t).not.toMatch(DOUBLED);
    },
  );

  it('the competitive margin reads 差额须达到应选人数的1/5以上 (Qinghai)', () => {
    const r = resolveProfile('qinghai-branch', undefined);
    if (!r.ok) throw new Error('profile');
    const e = evaluateElection({
      votingExpected: 50,
      votingPresent: 45,
      ballotsCast: 45,
      seats: 5,
      competitive: true,
      candidates: [40, 39, 38, 37, 36, 10].map((v, i) => ({ name: `候选人${i + 1}`, votes: v })),
      profile: r.profile,
    });
    if (!e.ok) throw new Error(e.error.message);
    expect(e.value.messages[1]).toBe(
      '差额选举：应选5名，候选人6名（差额1名）；差额须达到应选人数的1/5以上（至少1名），符合要求。',
    );
  });
});
