/** Sealing must behave the same over IPC and HTTP, and never report a committed seal as failed. */
import fs from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FIVE, openHarness, ORG, type Harness } from './test/service-harness';
import { meetingInput } from './test/meeting-fixtures';

let h: Harness;
let bookId = '';
let ids: string[] = [];
beforeEach(async () => {
  h = openHarness('2025-03-20T10:00');
  bookId = (await h.call('books.create', { organisation: ORG, profile: { id: 'beijing-work-group' }, members: FIVE }))
    .bookId;
  ids = (await h.call('members.list', { bookId })).map((m) => m.memberId);
});
afterEach(() => h.cleanup());

describe('sealing', () => {
  it('seals forms whose optional fields are undefined or empty (as Electron IPC delivers them)', async () => {
    const meeting = {
      ...meetingInput(ids),
      title: '',
      election: undefined,
      guests: [{ name: '刘联络', unit: undefined }],
    };
    const r = await h.call('meetings.seal', { bookId, meeting: structuredClone(meeting) });
    const d = await h.call('entries.get', { bookId, seq: r.seq });
    const input = (d.original as { input: Record<string, unknown> }).input;
    expect('election' in input).toBe(false);
    expect('title' in input).toBe(false);
    const activity = {
      type: 'study',
      title: '学习',
      date: '2025-03-19',
      endDate: undefined,
      place: '会议室',
      organizer: '小组',
      content: '学习文件',
    };
    await expect(h.call('activities.seal', { bookId, activity: structuredClone(activity) })).resolves.toMatchObject({
      seq: r.seq + 1,
    });
    expect((await h.call('books.verify', { bookId })).ok).toBe(true);
  });

  it('seals a meeting with its stored attachment, and names a missing one', async () => {
    const scan = await h.call('attachments.put', {
      bookId,
      fileName: '签到表.pdf',
      mediaType: 'application/pdf',
      dataBase64: Buffer.from('%PDF-1.4 签到').toString('base64'),
    });
    const r = await h.call('meetings.seal', { bookId, meeting: { ...meetingInput(ids), attachments: [scan] } });
    expect((await h.call('entries.get', { bookId, seq: r.seq })).summary.seq).toBe(r.seq);
    const ghost = { ...scan, hash: 'c'.repeat(64), name: '会议照片.jpg' };
    await expect(
      h.call('meetings.seal', { bookId, meeting: { ...meetingInput(ids, { number: 2 }), attachments: [ghost] } }),
    ).rejects.toMatchObject({
      code: 'attachment-missing',
      message: expect.stringContaining('会议照片.jpg'),
      field: 'attachments.0',
    });
  });

  it('reports a seal whose checkpoint file could not be written as sealed, so it is not sealed twice', async () => {
    const realRename = fs.renameSync;
    const before = (await h.call('books.status', { bookId })).size;
    fs.renameSync = (from: fs.PathLike, to: fs.PathLike) => {
      if (String(to).includes('.checkpoints'))
        throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
      return realRename(from, to);
    };
    const sealed = h.call('meetings.seal', { bookId, meeting: meetingInput(ids) });
    await sealed.finally(() => {
      fs.renameSync = realRename;
    });
    expect((await sealed).seq).toBe(before + 1);
    const meetings = await h.call('entries.list', { bookId, kinds: ['meeting'] });
    expect(meetings.total).toBe(1);
    // The next seal re-links the lagging outside checkpoint; the book stays whole.
    await h.call('meetings.seal', { bookId, meeting: meetingInput(ids, { number: 2 }) });
    const status = await h.call('books.status', { bookId });
    expect(status.readOnly).toBe(false);
    expect((await h.call('books.verify', { bookId })).ok).toBe(true);
  });
});
