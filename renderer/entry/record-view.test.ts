/** Which fields a sealed page shows: no 自定义参数 line for a built-in profile taken as it is. */
import { describe, expect, it } from 'vitest';
import { describeEntry } from '../../db/contract';
import { shownFields } from './record-view';

const labels = (input: unknown, corrected?: (path: readonly (string | number)[]) => boolean) =>
  shownFields(describeEntry('org.setup', input)!, input, false, corrected).map((f) => f.label);

const ORG = {
  societyName: '北京市某某科技学会',
  orgName: '北京市某某科技学会党建工作小组',
  form: 'work-group',
  termStart: '2024-03-01',
  termEnd: '2029-02-28',
  supervisingOffice: '北京市科协社会组织党建工作委员会',
  contactPerson: '蔡超',
  recorder: '乔敏',
};

describe('the fields of a sealed page', () => {
  it('leaves out 自定义参数 when a built-in profile was taken as it is', () => {
    expect(labels({ organisation: ORG, profile: { id: 'beijing-work-group' } })).not.toContain('自定义参数');
    // Other optional fields left empty are shown as such (the recorder may have left them blank).
    expect(labels({ organisation: ORG, profile: { id: 'beijing-work-group' } })).toContain('备注');
  });

  it('shows 自定义参数 when the profile has some, or when a correction added some', () => {
    expect(
      labels({ organisation: ORG, profile: { id: 'custom', overrides: { 'meetings.meetingsPerYear': 4 } } }),
    ).toContain('自定义参数');
    const corrected = (path: readonly (string | number)[]) => path.join('/') === 'profile/overrides';
    expect(labels({ organisation: ORG, profile: { id: 'beijing-work-group' } }, corrected)).toContain('自定义参数');
  });
});
