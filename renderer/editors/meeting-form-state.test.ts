import { describe, expect, it } from 'vitest';
import { ROSTER } from '../test/kit';
import {
  attendanceOf,
  checkMeeting,
  emptyMeetingForm,
  meetingCheckInput,
  meetingDate,
  meetingFieldKey,
  type MeetingForm,
} from './meeting-form-state';

const left = { ...ROSTER[2]!, memberId: 'm9', active: false, person: { ...ROSTER[2]!.person, name: '孙九' } };
const roster = [...ROSTER, left];

function form(patch: Partial<MeetingForm> = {}): MeetingForm {
  return {
    ...emptyMeetingForm(),
    number: '1',
    startAt: '2025-03-18T09:30',
    endAt: '2025-03-18T11:00',
    place: '会议室',
    chairId: 'm1',
    recorder: '赵六',
    topics: [{ title: '议题', discussion: '', dissent: '' }],
    minutes: '纪要',
    heldSeparately: true,
    ...patch,
  };
}

describe('meeting form state', () => {
  it('splits active members into 实到 and 缺席; inactive members are neither', () => {
    const a = attendanceOf(form({ absentIds: ['m2', 'm9'], leaveNotes: { m2: '出差' } }), roster);
    expect(a.presentIds).toEqual(['m1', 'm3']);
    expect(a.absent).toEqual([{ memberId: 'm2', leaveNote: '出差' }]);
  });

  it('maps an absence index from the service to that member’s leave-note field', () => {
    const f = form({ absentIds: ['m3', 'm2'] });
    expect(meetingFieldKey('absent.1.leaveNote', f, roster)).toEqual({
      key: 'leaveNotes.m3',
      label: '缺席成员“王五”的请假说明',
    });
    expect(meetingFieldKey('place', f, roster)).toBeUndefined();
    // A vote is a field of its decision in the form (the contract nests it under votes).
    expect(meetingFieldKey('decisions.1.votes.against', f, roster)).toEqual({ key: 'decisions.1.against' });
  });

  it('requires a leave note for every absent member, naming them', () => {
    const result = checkMeeting(form({ absentIds: ['m3'] }), roster);
    expect(result.ok).toBe(false);
    expect(result.problems).toContainEqual(
      expect.objectContaining({ key: 'leaveNotes.m3', message: '缺席成员“王五”未填写请假说明' }),
    );
    expect(checkMeeting(form({ absentIds: ['m3'], leaveNotes: { m3: '病假' } }), roster).ok).toBe(true);
  });

  it('refuses a chair recorded as absent, as the service does', () => {
    const result = checkMeeting(form({ absentIds: ['m1'], leaveNotes: { m1: '出差' } }), roster);
    expect(result.problems).toEqual([expect.objectContaining({ key: 'chairId', message: '主持人“张三”应记为实到' })]);
  });

  it('reports untyped numbers as 请填写… and the on-site place rule', () => {
    const result = checkMeeting(form({ number: '', place: '' }), roster);
    expect(result.problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ key: 'number', label: '', message: '请填写会议次序' }),
        expect.objectContaining({ key: 'place', message: '现场会议需要填写地点' }),
      ]),
    );
    expect(checkMeeting(form({ mode: 'correspondence', place: '' }), roster).ok).toBe(true);
  });

  it('builds a lenient check input: incomplete values are dropped or counted as 0', () => {
    const input = meetingCheckInput(
      form({
        startAt: '2025-03-1',
        guests: [
          { name: '', unit: '' },
          { name: '钱七', unit: '' },
        ],
        decisions: [{ text: '', for: '2', against: 'x', abstain: '' }],
        hasElection: true,
      }),
      roster,
    );
    expect(input).not.toHaveProperty('startAt');
    expect(input).not.toHaveProperty('election');
    expect(input).toMatchObject({ chairId: 'm1', mode: 'onsite', type: 'group-meeting', heldSeparately: true });
    expect(input.guests).toEqual([{ name: '钱七', unit: undefined }]);
    expect(input.decisions).toEqual([{ votes: { for: 2, against: 0, abstain: 0 } }]);
    expect(meetingDate(form())).toBe('2025-03-18');
    expect(meetingDate(form({ startAt: '2025-02-30T09:00' }))).toBeUndefined();
  });
});
