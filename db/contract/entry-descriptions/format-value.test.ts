/** A custom profile's parameters read as the rules' own sentences, never as parameter names or bare fractions. */
import { describe, expect, it } from 'vitest';
import { formatValue } from './format-value';
import type { FieldDescription } from './types';

const PARAMS: FieldDescription = { path: ['profile', 'overrides'], label: '自定义参数', show: 'ruleParams' };
const show = (overrides: unknown) => formatValue(overrides, PARAMS, (id) => id);

describe('自定义参数', () => {
  it('says every parameter the custom profile sets as a rule', () => {
    expect(
      show({
        'meetings.meetingsPerYear': 4,
        'committee.quorum': { num: 2, den: 3, strict: true },
        'committee.decision': { num: 1, den: 2, strict: false },
        'filing.workingDays': 5,
      }),
    ).toBe(
      '每年至少召开会议 4 次；到会人数须超过应到人数的2/3方为有效；决议须经实到人数的1/2以上同意方为通过；会议纪要须在 5 个工作日内备案',
    );
  });

  it('words 以上 with 达到 after 须, a base of 应到人数 and no filing deadline', () => {
    expect(
      show({
        'committee.quorum': { num: 1, den: 2, strict: false },
        'committee.decision': { num: 1, den: 2, strict: true },
        'committee.decisionBase': 'expected',
        'filing.workingDays': null,
      }),
    ).toBe(
      '到会人数须达到应到人数的1/2以上方为有效；决议须经超过应到人数的1/2同意方为通过；表决按应到人数计算；会议纪要不设备案期限',
    );
  });

  it('never shows a parameter code for the parameters a custom profile exposes', () => {
    const text = show({
      'meetings.meetingsPerYear': 2,
      'committee.quorum': { num: 3, den: 3, strict: false },
      'committee.decision': { num: 2, den: 3, strict: true },
      'filing.workingDays': 3,
    });
    expect(text).not.toMatch(/[a-z]/i);
    expect(text).toContain('到会人数须达到应到人数全部方为有效；决议须经超过实到人数的2/3同意方为通过');
  });
});
