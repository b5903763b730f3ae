import { describe, expect, it } from 'vitest';
import { displayFields, formatValue, leafFields } from './fields';

describe('entry fields', () => {
  it('lists the typed input in the forms’ order, not the canonical (sorted) order', () => {
    const sealed = {
      v: 1, computed: {}, flags: [],
      input: {
        approval: { date: '2022-12-20', docNo: '科技社团党委〔2023〕5号' },
        contactPerson: '赵六', societyName: '中国示例学会', orgName: '示例党建工作小组', termStart: '2023-01-01',
      },
    };
    expect(leafFields(sealed).map((f) => f.pointer)).toEqual([
      '/input/societyName', '/input/orgName', '/input/termStart', '/input/contactPerson',
      '/input/approval/docNo', '/input/approval/date',
    ]);
    expect(leafFields(sealed)[4]?.label).toBe('批复 › 批复文号');
  });

  it('names a person’s fields as the 备案表 does', () => {
    const join = { v: 1, computed: {}, flags: [], input: { person: { title: '研究员', name: '张三' }, role: 'leader' } };
    expect(leafFields(join).map((f) => f.label)).toEqual(['成员信息 › 姓名', '成员信息 › 职称', '职务']);
  });

  it('lists ledger bodies without bookkeeping and labels them in Chinese', () => {
    const genesis = { v: 1, name: '示例记录本', keyId: 'SHA256:x', publicKey: 'ssh-ed25519 AAAA' };
    const fields = displayFields(genesis);
    expect(fields.map((f) => f.label)).toEqual(expect.arrayContaining(['名称', '密钥指纹', '公钥']));
    expect(fields.some((f) => f.path[0] === 'v')).toBe(false);
  });

  it('shows enums, member ids and yes/no in Chinese', () => {
    const names = new Map([['m1', '张三']]);
    expect(formatValue('correspondence', ['mode'], names)).toBe('通讯形式');
    expect(formatValue('m1', ['chairId'], names)).toBe('张三');
    expect(formatValue(true, ['heldSeparately'], names)).toBe('是');
    expect(formatValue('theme-day', ['type'], names, 'activity')).toBe('主题党日');
    expect(formatValue('2025-03-18T09:30', ['startAt'], names)).toBe('2025-03-18 09:30');
  });
});
