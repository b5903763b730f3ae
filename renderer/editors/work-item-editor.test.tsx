import { fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { getDraft, saveDraft } from '../drafts';
import type { EntryDetail } from '../../db/contract';
import { apiError, renderWithApi } from '../test/kit';
import { realBook, type RealBook } from '../test/real-service';
import { WorkItemEditor } from './work-item-editor';
import { emptyWorkItemForm, type WorkItemForm } from './work-item-form-state';

let n = 0;
const newId = () => `work-draft-${++n}-${Math.random().toString(36).slice(2)}`;

/** A real book (clock 2025-03-20) holding one sealed meeting of 2025-03-18; returns its seq. */
async function bookWithMeeting(): Promise<RealBook & { meetingSeq: number }> {
  const book = await realBook('2025-03-20T10:00');
  const { seq } = (await book.api['meetings.seal']({
    bookId: book.bookId,
    meeting: {
      type: 'group-meeting',
      number: 5,
      mode: 'onsite',
      startAt: '2025-03-18T09:30',
      endAt: '2025-03-18T11:00',
      place: '学会302会议室',
      chairId: 'm1',
      recorder: '赵六',
      presentIds: ['m1', 'm2', 'm3'],
      absent: [],
      guests: [],
      topics: [{ title: '学习贯彻全会精神', discussion: '与会成员逐一发言。', dissent: '' }],
      decisions: [],
      minutes: '会议由张三主持。',
      heldSeparately: true,
      attachments: [],
    },
  })) as { seq: number };
  book.api['meetings.seal'].mockClear();
  return { ...book, meetingSeq: seq };
}

/** The editor over a real book, on a new draft or on one holding `form`. */
async function setup(form?: (meetingSeq: number) => WorkItemForm) {
  const book = await bookWithMeeting();
  const id = newId();
  if (form) {
    const data = form(book.meetingSeq);
    await saveDraft({ id, bookId: book.bookId, kind: 'work', title: data.title, data });
  }
  const onSealed = vi.fn();
  renderWithApi(<WorkItemEditor bookId={book.bookId} draftId={id} onSealed={onSealed} onCancel={vi.fn()} />, book.api);
  return { ...book, id, calls: book.api, onSealed };
}

describe('WorkItemEditor', () => {
  it('shows only the fields of the chosen type and keeps typed text across switches', async () => {
    const { calls, bookId, id } = await setup();
    fireEvent.change(await screen.findByTestId('work-matter'), { target: { value: '关于召开会员代表大会的请示' } });
    expect(screen.getByLabelText('报送对象')).toBe(screen.getByTestId('work-to'));
    expect(screen.queryByTestId('work-year')).not.toBeInTheDocument();

    await userEvent.click(screen.getByRole('radio', { name: '述职' }));
    for (const f of ['year', 'reporterId', 'work', 'problems', 'plan'])
      expect(screen.getByTestId(`work-${f}`)).toBeInTheDocument();
    expect(screen.queryByTestId('work-matter')).not.toBeInTheDocument();
    expect(screen.getByLabelText('下一年度工作计划')).toBeInTheDocument();

    await userEvent.click(screen.getByRole('radio', { name: '意识形态研判 / 舆情应对预案' }));
    expect(screen.getByLabelText('舆情应对预案')).toBeInTheDocument();
    expect(screen.getByRole('radio', { name: '国际交流活动' })).toBeInTheDocument();
    expect(screen.queryByTestId('work-year')).not.toBeInTheDocument();

    await userEvent.click(screen.getByRole('radio', { name: '会议纪要备案' }));
    expect(screen.getByTestId('work-fields-filing')).toBeInTheDocument();
    expect(screen.getByTestId('work-meetingSeq')).toBeInTheDocument();
    expect(calls['entries.list']).toHaveBeenCalledWith(expect.objectContaining({ bookId, kinds: ['meeting'] }));

    await userEvent.click(screen.getByRole('radio', { name: '请示报告' }));
    expect(screen.getByTestId('work-matter')).toHaveValue('关于召开会员代表大会的请示');
    await waitFor(async () => expect((await getDraft<WorkItemForm>(id))?.data.type).toBe('report'));
  });

  it("names the chosen type's missing fields before sealing", async () => {
    const { calls } = await setup(() => ({
      ...emptyWorkItemForm(),
      type: 'annual-report',
      title: '2024年度述职',
      date: '2025-01-10',
    }));
    await userEvent.click(await screen.findByTestId('seal-button'));
    const banner = await screen.findByTestId('form-problems');
    expect(banner).toHaveTextContent('请填写述职年度');
    expect(banner).toHaveTextContent('请填写述职人');
    expect(banner).toHaveTextContent('请填写下一年度工作计划');
    expect(banner).not.toHaveTextContent('报送对象');
    expect(calls['work.seal']).not.toHaveBeenCalled();
  });

  it('seals a filing record with only its own fields, then deletes the draft', async () => {
    const { calls, bookId, meetingSeq, onSealed, id } = await setup((seq) => ({
      ...emptyWorkItemForm(),
      type: 'filing',
      title: '第5次会议纪要备案',
      date: '2025-03-20',
      meetingSeq: String(seq),
      to: '科技社团党委',
      note: '已通过电子邮件报送',
      matter: '切换类型前输入的内容',
    }));
    await userEvent.click(await screen.findByTestId('seal-button'));
    const summary = await screen.findByTestId('seal-summary');
    expect(summary).toHaveTextContent('会议纪要备案');
    await waitFor(() => expect(summary).toHaveTextContent(`第 ${meetingSeq} 条 · 2025-03-18 · `));
    expect(summary).toHaveTextContent('已通过电子邮件报送');
    expect(summary).not.toHaveTextContent('切换类型前输入的内容');

    await userEvent.click(screen.getByTestId('seal-confirm'));
    await waitFor(() => expect(onSealed).toHaveBeenCalledTimes(1));
    expect(calls['work.seal']).toHaveBeenCalledWith({
      bookId,
      requestId: id,
      item: {
        type: 'filing',
        title: '第5次会议纪要备案',
        date: '2025-03-20',
        meetingSeq,
        to: '科技社团党委',
        note: '已通过电子邮件报送',
        attachments: [],
      },
    });
    expect(await getDraft(id)).toBeUndefined();
    // The real book now says the meeting's minutes were filed, by this entry.
    const filingSeq = onSealed.mock.calls[0]?.[0] as number;
    const meeting = (await calls['entries.get']({ bookId, seq: meetingSeq })) as EntryDetail;
    expect(meeting.summary.filed).toMatchObject({ seq: filingSeq, date: '2025-03-20', to: '科技社团党委' });
  });

  it('keeps the draft when the service refuses the seal', async () => {
    const { calls, onSealed, id } = await setup(() => ({
      ...emptyWorkItemForm(),
      type: 'other',
      title: '整理档案',
      date: '2025-03-20',
      content: '整理2024年度党建档案。',
    }));
    // Injected: a book that turned read-only between opening the editor and sealing.
    calls['work.seal'].mockRejectedValueOnce(apiError('book-readonly', '记录本为只读，不能封存新记录'));
    await userEvent.click(await screen.findByTestId('seal-button'));
    await userEvent.click(await screen.findByTestId('seal-confirm'));
    expect(await screen.findByTestId('seal-error')).toHaveTextContent('记录本为只读，不能封存新记录');
    expect(onSealed).not.toHaveBeenCalled();
    expect((await getDraft<WorkItemForm>(id))?.data.content).toBe('整理2024年度党建档案。');
  });
});
