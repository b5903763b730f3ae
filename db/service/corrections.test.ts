/**
 * Corrections (更正): any field the recorder entered, alone or several together, never a
 * reading that sealing would refuse, never a member's identity.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FIVE, openHarness, ORG, type Harness } from './test/service-harness';
import { meetingInput } from './test/meeting-fixtures';

let h: Harness;
let bookId = '';
let ids: string[] = [];
let meetingSeq = 0;
beforeEach(async () => {
  h = openHarness('2025-03-20T10:00');
  bookId = (await h.call('books.create', { organisation: ORG, profile: { id: 'beijing-work-group' }, members: FIVE }))
    .bookId;
  ids = (await h.call('members.list', { bookId })).map((m) => m.memberId);
  meetingSeq = (await h.call('meetings.seal', { bookId, meeting: meetingInput(ids) })).seq;
});
afterEach(() => h.cleanup());

const base = { reason: '记录有误', by: '王记录' };

describe('corrections', () => {
  it('corrects attendance as a whole: one member recorded present was in fact absent', async () => {
    const absentee = ids[4]!;
    await h.call('entries.correct', {
      bookId,
      seq: meetingSeq,
      ...base,
      changes: [
        { field: '/input/presentIds', value: ids.slice(0, 4) },
        { field: '/input/absent', value: [{ memberId: absentee, leaveNote: '因病请假' }] },
        { field: '/input/decisions/0/votes/for', value: 4 },
      ],
    });
    const d = await h.call('entries.get', { bookId, seq: meetingSeq });
    expect((d.current as { input: { presentIds: string[] } }).input.presentIds).toEqual(ids.slice(0, 4));
    expect((d.original as { input: { presentIds: string[] } }).input.presentIds).toEqual(ids);
    expect(d.corrections.map((c) => c.fieldLabel)).toEqual(['实到', '缺席', '决议 1 同意票']);
    expect(new Set(d.corrections.map((c) => c.seq)).size).toBe(1);
    expect((await h.call('books.verify', { bookId })).ok).toBe(true);
  });

  it('refuses a correction that leaves the attendance inconsistent, naming the member', async () => {
    await expect(
      h.call('entries.correct', {
        bookId,
        seq: meetingSeq,
        ...base,
        field: '/input/presentIds',
        value: ids.slice(0, 4),
      }),
    ).rejects.toMatchObject({ code: 'invalid-correction', message: expect.stringContaining('陈晨') });
    await expect(
      h.call('entries.correct', { bookId, seq: meetingSeq, ...base, field: '/input/presentIds/0', value: 'stranger' }),
    ).rejects.toMatchObject({ code: 'invalid-correction', message: expect.stringContaining('stranger') });
  });

  it('never corrects a member’s identity', async () => {
    const joins = await h.call('entries.list', { bookId, kinds: ['member.join'] });
    await expect(
      h.call('entries.correct', { bookId, seq: joins.items[0]!.seq, ...base, field: '/input/memberId', value: ids[0] }),
    ).rejects.toMatchObject({ code: 'not-correctable' });
    const roster = await h.call('members.list', { bookId });
    expect(roster).toHaveLength(5);
  });

  it('fills an optional field that was left empty, but never invents a field', async () => {
    const r = await h.call('activities.seal', {
      bookId,
      activity: {
        type: 'study',
        title: '学习',
        date: '2025-03-19',
        place: '会议室',
        organizer: '小组',
        content: '学习文件',
      },
    });
    await h.call('entries.correct', { bookId, seq: r.seq, ...base, field: '/input/endDate', value: '2025-03-20' });
    const d = await h.call('entries.get', { bookId, seq: r.seq });
    expect((d.current as { input: { endDate: string } }).input.endDate).toBe('2025-03-20');
    expect(d.corrections[0]).toMatchObject({ previous: undefined, value: '2025-03-20', fieldLabel: '结束日期' });
    await expect(
      h.call('entries.correct', { bookId, seq: r.seq, ...base, field: '/input/secretNote', value: 'x' }),
    ).rejects.toMatchObject({ code: 'field-not-found' });
  });

  it('the timeline’s flags and the yearly ledger follow the corrected reading', async () => {
    expect((await h.call('entries.list', { bookId, flag: 'not-held-separately' })).total).toBe(0);
    await h.call('entries.correct', { bookId, seq: meetingSeq, ...base, field: '/input/heldSeparately', value: false });
    const flagged = await h.call('entries.list', { bookId, flag: 'not-held-separately' });
    expect(flagged.items.map((i) => i.seq)).toEqual([meetingSeq]);
    const year = await h.call('ledger.year', { bookId, year: 2025 });
    expect(year.items.some((i) => !i.ok && /单独召开|合并/.test(i.message))).toBe(true);
  });

  it('refuses a list where a text was', async () => {
    await expect(
      h.call('entries.correct', { bookId, seq: meetingSeq, ...base, field: '/input/place', value: ['a'] }),
    ).rejects.toMatchObject({ code: 'type-mismatch', message: expect.stringContaining('文字') });
  });
});
