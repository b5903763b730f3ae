import { describe, expect, it } from 'vitest';
import { suggestDuties, textOf } from './duties';

describe('duty suggestions', () => {
  it('follow the kind and type of an entry', () => {
    expect(suggestDuties({ kind: 'activity', type: 'volunteer', text: '' }).map((s) => s.duty)).toEqual(['volunteer']);
    expect(suggestDuties({ kind: 'work', type: 'report', text: '' }).map((s) => [s.duty, s.reason])).toEqual([
      ['reporting', '工作类型为请示报告'],
    ]);
    expect(suggestDuties({ kind: 'work', type: 'major-matter', text: '' }).map((s) => s.label)).toEqual([
      '大额经费与捐赠',
    ]);
  });

  it('follow the words of its content, in the table’s order, the same every time', () => {
    const text = '研究接受某企业大额捐赠；审议学术年会方案，邀请党外专家参加；做好会议舆情应对。';
    const a = suggestDuties({ kind: 'meeting', type: 'group-meeting', text });
    expect(a.map((s) => s.duty)).toEqual(['integration', 'major-funds', 'united-front', 'ideology']);
    expect(a.find((s) => s.duty === 'major-funds')!.reason).toBe('内容提到“大额”“捐赠”');
    expect(suggestDuties({ kind: 'meeting', type: 'group-meeting', text })).toEqual(a);
  });

  it('suggest nothing for plain words', () => {
    expect(suggestDuties({ kind: 'activity', type: 'other', text: '参观红色教育基地。' })).toEqual([]);
  });

  it('read every string of an input', () => {
    expect(textOf({ title: '甲', topics: [{ title: '乙', n: 3 }], ok: true })).toEqual(['甲', '乙']);
  });
});
