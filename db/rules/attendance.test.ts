import { describe, expect, it } from 'vitest';
import type { AttendanceInput } from './attendance';
import { countAttendance } from './attendance';
import { evaluateQuorum } from './meeting-checks';
import { BUILT_IN_PROFILES } from './profiles';

const NAMES: Record<string, string> = { m1: '王建国', m2: '李红', m3: '张伟', m4: '刘洋', m5: '陈静', m6: '赵磊' };
const nameOf = (id: string) => NAMES[id];
const ALL = Object.keys(NAMES);

function input(over: Partial<AttendanceInput>): AttendanceInput {
  return {
    expectedIds: ALL,
    presentIds: ['m1', 'm2', 'm3', 'm4'],
    absent: [
      { memberId: 'm5', leaveNote: '出差' },
      { memberId: 'm6', leaveNote: '病假' },
    ],
    attendees: [],
    nameOf,
    ...over,
  };
}

describe('countAttendance', () => {
  it('counts members only; 列席 are recorded but never counted', () => {
    const r = countAttendance(input({ attendees: [{ name: '周理事长' }, { name: '孙秘书长' }] }));
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value).toEqual({ expected: 6, present: 4, absent: 2, attendees: 2 });
    // 4 of 6 is exactly 2/3: inquorate in Beijing, whatever the number of 列席.
    const q = evaluateQuorum({
      expected: r.value.expected,
      present: r.value.present,
      profile: BUILT_IN_PROFILES['beijing-work-group'],
    });
    expect(q.ok && q.value.met).toBe(false);
  });

  it.each(['', '   ', '\n'])('refuses an absent member with leave note %j, naming the member', (note) => {
    const r = countAttendance(
      input({
        absent: [
          { memberId: 'm5', leaveNote: note },
          { memberId: 'm6', leaveNote: '病假' },
        ],
      }),
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.problems).toEqual([
      { code: 'absent-without-leave-note', memberId: 'm5', message: '缺席成员“陈静”没有请假说明，请填写缺席原因' },
    ]);
    expect(r.error.message).toContain('陈静');
  });

  it('refuses a 列席 person who is a member, by name or by id', () => {
    const byName = countAttendance(input({ attendees: [{ name: ' 李红 ' }] }));
    expect(!byName.ok && byName.error.problems.map((p) => [p.code, p.memberId])).toEqual([
      ['attendee-is-member', 'm2'],
    ]);
    expect(!byName.ok && byName.error.message).toContain('列席人员“李红”是本组织成员');
    const byId = countAttendance(input({ attendees: [{ name: '另一个名字', memberId: 'm6' }] }));
    expect(!byId.ok && byId.error.problems[0]?.code).toBe('attendee-is-member');
  });

  it('refuses a member both present and absent', () => {
    const r = countAttendance(input({ presentIds: ['m1', 'm2', 'm3', 'm4', 'm5'] }));
    expect(!r.ok && r.error.problems.map((p) => p.code)).toEqual(['present-and-absent']);
    expect(!r.ok && r.error.message).toContain('成员“陈静”同时被记为实到和缺席');
  });

  it('refuses a present person who is not expected', () => {
    const r = countAttendance(input({ presentIds: ['m1', 'm2', 'm3', 'm4', 'x9'] }));
    expect(!r.ok && r.error.problems.map((p) => [p.code, p.memberId])).toEqual([['present-not-expected', 'x9']]);
  });

  it('refuses an expected member neither present nor absent, and duplicates', () => {
    const r = countAttendance(input({ presentIds: ['m1', 'm2', 'm3', 'm3'] }));
    expect(!r.ok && r.error.problems.map((p) => [p.code, p.memberId])).toEqual([
      ['duplicate-member', 'm3'],
      ['member-unaccounted', 'm4'],
    ]);
  });

  it('reports every problem at once', () => {
    const r = countAttendance(
      input({
        presentIds: ['m1', 'm2', 'm3', 'm4', 'm5'],
        absent: [
          { memberId: 'm5', leaveNote: '' },
          { memberId: 'm6', leaveNote: '病假' },
        ],
        attendees: [{ name: '刘洋' }],
      }),
    );
    expect(!r.ok && r.error.problems.map((p) => p.code).sort()).toEqual([
      'absent-without-leave-note',
      'attendee-is-member',
      'present-and-absent',
    ]);
  });

  it('refuses 列席 where the profile allows none', () => {
    const r = countAttendance(input({ attendees: [{ name: '周理事长' }], attendeesAllowed: false }));
    expect(!r.ok && r.error.problems[0]?.code).toBe('attendees-not-allowed');
  });
});
