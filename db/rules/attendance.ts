/**
 * Builds the head counts of a meeting from who was expected, present, absent and 列席, and
 * refuses inconsistent attendance, naming the member, before any rule counts heads.
 *
 * - Every expected member is either present or absent, never both, never neither.
 * - Every absence carries a leave note / reason: 000 须向组长提交请假说明, 002 应当在会前请假,
 *   and the book's own field 缺席及原因 (records must be 完整). Refused regardless of profile.
 * - 列席 attendees are not members: a member who came is 实到, not 列席. They are never counted.
 */
import type { Outcome, RuleError } from './outcome';
import { fail, succeed } from './outcome';

export interface Absence {
  memberId: string;
  leaveNote: string;
}

/** A 列席 attendee. Guests are usually free names; `memberId` is set when picked from the roster. */
export interface Attendee {
  name: string;
  memberId?: string;
}

export interface AttendanceInput {
  /** Members of the body expected at the meeting (应到). */
  expectedIds: readonly string[];
  presentIds: readonly string[];
  absent: readonly Absence[];
  attendees?: readonly Attendee[];
  /** Member names, for messages and for recognising a member listed as 列席 by name. */
  nameOf: (memberId: string) => string | undefined;
  /** false when the profile does not allow 列席 at all. */
  attendeesAllowed?: boolean;
}

export interface AttendanceCounts {
  expected: number;
  present: number;
  absent: number;
  /** 列席: recorded, never counted in expected/present, never voting. */
  attendees: number;
}

export type AttendanceProblemCode =
  | 'absent-without-leave-note'
  | 'attendee-is-member'
  | 'attendees-not-allowed'
  | 'present-and-absent'
  | 'present-not-expected'
  | 'absent-not-expected'
  | 'member-unaccounted'
  | 'duplicate-member';

export interface AttendanceProblem {
  code: AttendanceProblemCode;
  memberId?: string;
  message: string;
}

export interface AttendanceError extends RuleError {
  code: 'attendance-invalid';
  problems: AttendanceProblem[];
}

function findDuplicates(ids: readonly string[]): string[] {
  const seen = new Set<string>();
  const dup = new Set<string>();
  for (const id of ids) (seen.has(id) ? dup : seen).add(id);
  return [...dup];
}

export function countAttendance(input: AttendanceInput): Outcome<AttendanceCounts, AttendanceError> {
  const { expectedIds, presentIds, absent, attendees = [], attendeesAllowed = true } = input;
  const name = (id: string) => input.nameOf(id) ?? id;
  const expected = new Set(expectedIds);
  const present = new Set(presentIds);
  const absentIds = absent.map((a) => a.memberId);
  const absentSet = new Set(absentIds);
  const problems: AttendanceProblem[] = [];
  const add = (code: AttendanceProblemCode, message: string, memberId?: string) =>
    problems.push(memberId === undefined ? { code, message } : { code, message, memberId });

  for (const id of new Set([...findDuplicates(presentIds), ...findDuplicates(absentIds)])) {
    add('duplicate-member', `成员“${name(id)}”被重复登记，请删除重复项`, id);
  }
  for (const id of present) {
    if (!expected.has(id))
      add('present-not-expected', `“${name(id)}”不在应到成员名单中，不能记为实到；非成员请记为列席`, id);
    if (absentSet.has(id)) add('present-and-absent', `成员“${name(id)}”同时被记为实到和缺席，请只保留一项`, id);
  }
  for (const a of absent) {
    if (!expected.has(a.memberId)) {
      add('absent-not-expected', `“${name(a.memberId)}”不在应到成员名单中，不能记为缺席`, a.memberId);
    } else if (a.leaveNote.trim() === '') {
      add('absent-without-leave-note', `缺席成员“${name(a.memberId)}”没有请假说明，请填写缺席原因`, a.memberId);
    }
  }
  for (const id of expected) {
    if (!present.has(id) && !absentSet.has(id)) {
      add('member-unaccounted', `成员“${name(id)}”既未记为实到也未记为缺席，请补充`, id);
    }
  }
  if (!attendeesAllowed && attendees.length > 0) {
    add('attendees-not-allowed', '本规则配置不允许安排列席人员');
  }
  const memberByName = new Map([...expected].map((id) => [input.nameOf(id)?.trim(), id] as const));
  for (const guest of attendees) {
    const memberId =
      guest.memberId !== undefined && expected.has(guest.memberId)
        ? guest.memberId
        : memberByName.get(guest.name.trim());
    if (memberId !== undefined) {
      add(
        'attendee-is-member',
        `列席人员“${guest.name.trim()}”是本组织成员，成员应记为实到或缺席，不能记为列席`,
        memberId,
      );
    }
  }

  if (problems.length > 0) {
    return fail({ code: 'attendance-invalid', message: problems.map((p) => p.message).join('；'), problems });
  }
  return succeed({
    expected: expected.size,
    present: present.size,
    absent: absentSet.size,
    attendees: attendees.length,
  });
}
