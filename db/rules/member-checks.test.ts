import { expect, it } from 'vitest';
import { checkMemberDetails } from './member-checks';

it('warns when a 中共党员 has no 入党时间, and only then', () => {
  expect(checkMemberDetails({ name: '张三', isCpcMember: true })).toEqual([
    {
      code: 'party-join-date-missing',
      message: '张三是中共党员，但未填写入党时间：备案表应写明入党时间。可以先保存，以后以更正补上。',
    },
  ]);
  expect(checkMemberDetails({ isCpcMember: true, partyJoinDate: '' })[0]?.message).toMatch(/^该成员是中共党员/);
  expect(checkMemberDetails({ name: '张三', isCpcMember: true, partyJoinDate: '1990-07-01' })).toEqual([]);
  expect(checkMemberDetails({ name: '李四', isCpcMember: false })).toEqual([]);
  expect(checkMemberDetails({ name: '李四' })).toEqual([]);
});
