/** A 会议纪要备案 work item marks its meeting filed — in the timeline row and the entry view — and a correction keeps it. */
import { afterEach, beforeEach, expect, it } from 'vitest';
import { FIVE, openHarness, ORG, type Harness } from './test/service-harness';
import { meetingInput } from './test/meeting-fixtures';

let h: Harness;
let bookId = '';
let ids: string[] = [];
beforeEach(async () => {
  h = openHarness('2025-03-18T12:00');
  bookId = (await h.call('books.create', { organisation: ORG, profile: { id: 'beijing-work-group' }, members: FIVE }))
    .bookId;
  ids = (await h.call('members.list', { bookId })).map((m) => m.memberId);
});
afterEach(() => h.cleanup());

it('marks the meeting filed (date, to whom, on time or late) and keeps it through a correction', async () => {
  const first = await h.call('meetings.seal', { bookId, meeting: meetingInput(ids, { startAt: '2025-03-18T09:30' }) });
  const second = await h.call('meetings.seal', {
    bookId,
    meeting: meetingInput(ids, { number: 2, startAt: '2025-03-17T09:30' }),
  });
  expect((await h.call('entries.get', { bookId, seq: first.seq })).summary.filed).toBeUndefined();
  h.setNow('2025-03-19T10:00');
  const onTime = await h.call('work.seal', {
    bookId,
    item: {
      type: 'filing',
      title: '第1次会议纪要备案',
      date: '2025-03-19',
      meetingSeq: first.seq,
      to: '市科协党建委办公室',
    },
  });
  h.setNow('2025-03-31T10:00');
  const late = await h.call('work.seal', {
    bookId,
    item: {
      type: 'filing',
      title: '第2次会议纪要备案',
      date: '2025-03-31',
      meetingSeq: second.seq,
      to: '市科协党建委办公室',
    },
  });

  const page = await h.call('entries.list', { bookId, kinds: ['meeting'] });
  const byseq = new Map(page.items.map((s) => [s.seq, s]));
  expect(byseq.get(first.seq)?.filed).toEqual({
    seq: onTime.seq,
    date: '2025-03-19',
    to: '市科协党建委办公室',
    late: false,
  });
  expect(byseq.get(second.seq)?.filed).toMatchObject({ seq: late.seq, late: true });

  // A second filing of the same meeting does not move the first one.
  await h.call('work.seal', {
    bookId,
    item: { type: 'filing', title: '补报', date: '2025-03-31', meetingSeq: first.seq, to: '另一单位' },
  });
  expect((await h.call('entries.get', { bookId, seq: first.seq })).summary.filed?.seq).toBe(onTime.seq);

  await h.call('entries.correct', {
    bookId,
    seq: first.seq,
    field: '/input/place',
    value: '学会第三会议室',
    reason: '地点记错',
    by: '王记录',
  });
  const corrected = await h.call('entries.get', { bookId, seq: first.seq });
  expect(corrected.summary.correctedBy).toHaveLength(1);
  expect(corrected.summary.filed?.seq).toBe(onTime.seq);
});
