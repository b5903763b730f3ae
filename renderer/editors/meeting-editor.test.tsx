import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { getDraft, saveDraft } from '../drafts';
import type { EntryDetail } from '../../db/contract';
import { apiError, renderWithApi } from '../test/kit';
import { realBook } from '../test/real-service';
import { MeetingEditor } from './meeting-editor';
import { emptyMeetingForm, type MeetingForm } from './meeting-form-state';

let n = 0;
const newId = () => `meeting-draft-${++n}-${Math.random().toString(36).slice(2)}`;

function completeForm(): MeetingForm {
  return {
    ...emptyMeetingForm(),
    number: '5',
    startAt: '2025-03-18T09:30',
    endAt: '2025-03-18T11:00',
    place: '学会302会议室',
    chairId: 'm1',
    recorder: '赵六',
    absentIds: ['m3'],
    leaveNotes: { m3: '出差在外，会前已向组长请假' },
    guests: [{ name: '钱七', unit: '学会秘书处' }],
    topics: [{ title: '学习贯彻全会精神', discussion: '与会成员逐一发言。', dissent: '李四：建议增加青年会员座谈。' }],
    decisions: [{ text: '同意年度工作计划', for: '2', against: '0', abstain: '0' }],
    minutes: '会议由张三主持，审议并通过年度工作计划。',
    heldSeparately: true,
  };
}

/**
 * The editor over the real service (the rules are the service's, not a fake's), on the
 * afternoon of the meeting; on a new draft, or on one holding `form`.
 */
async function setup(form?: MeetingForm) {
  const { api: calls, bookId } = await realBook('2025-03-18T14:00');
  const id = newId();
  if (form) await saveDraft({ id, bookId, kind: 'meeting', title: '第5次党建工作小组会议', data: form });
  const onSealed = vi.fn();
  const onCancel = vi.fn();
  renderWithApi(<MeetingEditor bookId={bookId} draftId={id} onSealed={onSealed} onCancel={onCancel} />, calls);
  return { calls, onSealed, onCancel, bookId, id };
}

/** Everyone present, so the real quorum rule (超过应到人数的2/3) is met. */
function allPresent(): MeetingForm {
  return {
    ...completeForm(),
    absentIds: [],
    leaveNotes: {},
    decisions: [{ text: '同意年度工作计划', for: '3', against: '0', abstain: '0' }],
  };
}

describe('MeetingEditor attendance', () => {
  it('toggles a member to 缺席, asks for a leave note, re-checks the quorum and autosaves the change', async () => {
    const { calls, bookId, id } = await setup();
    const toggle = await screen.findByTestId('attendance-m3');
    expect(toggle).toHaveAttribute('aria-checked', 'true');
    expect(screen.queryByTestId('leave-note-m3')).not.toBeInTheDocument();
    const panel = await screen.findByTestId('rule-panel');
    await waitFor(() => expect(within(panel).getByTestId('quorum-result')).toHaveTextContent('达到法定人数'));
    expect(within(panel).getByTestId('quorum-result')).not.toHaveTextContent('未达到');

    await userEvent.click(toggle);
    expect(toggle).toHaveAttribute('aria-checked', 'false');
    const note = screen.getByTestId('leave-note-m3');
    expect(screen.getByLabelText('请假说明（王五）')).toBe(note);
    // The service's rule: 2 of 3 is not more than 2/3.
    await waitFor(() => expect(within(panel).getByTestId('quorum-result')).toHaveTextContent('未达到法定人数'));
    expect(calls['entries.check']).toHaveBeenLastCalledWith({
      bookId,
      entry: {
        kind: 'meeting',
        meeting: expect.objectContaining({
          presentIds: ['m1', 'm2'],
          absent: [{ memberId: 'm3', leaveNote: '' }],
        }) as unknown,
      },
    });

    await userEvent.type(note, '因病请假');
    await waitFor(async () => {
      const stored = (await getDraft<MeetingForm>(id))?.data;
      expect(stored?.absentIds).toEqual(['m3']);
      expect(stored?.leaveNotes.m3).toBe('因病请假');
    });
    expect(screen.getByTestId('draft-saved-at')).toHaveTextContent(/已自动保存 \d\d:\d\d:\d\d/);

    // Back to 实到: the note field goes away and the member counts as present again.
    await userEvent.click(toggle);
    expect(screen.queryByTestId('leave-note-m3')).not.toBeInTheDocument();
    await waitFor(() =>
      expect(calls['entries.check']).toHaveBeenLastCalledWith({
        bookId,
        entry: {
          kind: 'meeting',
          meeting: expect.objectContaining({ presentIds: ['m1', 'm2', 'm3'], absent: [] }) as unknown,
        },
      }),
    );
    await waitFor(() => expect(within(panel).getByTestId('quorum-result')).not.toHaveTextContent('未达到'));
  });

  it('refuses to open the confirmation while an absent member has no leave note', async () => {
    const { calls } = await setup({ ...completeForm(), leaveNotes: {} });
    await userEvent.click(await screen.findByTestId('seal-button'));
    expect(await screen.findByTestId('form-problems')).toHaveTextContent('缺席成员“王五”未填写请假说明');
    expect(screen.queryByTestId('seal-confirm')).not.toBeInTheDocument();
    expect(calls['meetings.seal']).not.toHaveBeenCalled();
  });
});

describe('MeetingEditor live rule checks', () => {
  it('debounces entries.check and shows counts, quorum, decisions and filing from the service', async () => {
    const { calls, bookId } = await setup({ ...allPresent(), startAt: '', endAt: '' });
    const panel = await screen.findByTestId('rule-panel');
    await waitFor(() => expect(within(panel).getByTestId('quorum-result')).toHaveTextContent('达到法定人数'));
    expect(within(panel).getByTestId('quorum-result')).toHaveTextContent('2/3');
    await waitFor(() => expect(within(panel).getByTestId('rule-decision-0')).toHaveTextContent('通过'));
    expect(screen.getByTestId('decision-result-0')).toHaveTextContent('通过');

    const before = calls['entries.check'].mock.calls.length;
    fireEvent.change(screen.getByTestId('meeting-start'), { target: { value: '2025-03-18T09:30' } });
    fireEvent.change(screen.getByTestId('meeting-start'), { target: { value: '2025-03-18T09:45' } });
    // Two quick edits → one call with the last value (debounced), and the roster re-read for that day.
    await waitFor(() => expect(calls['entries.check'].mock.calls.length).toBeGreaterThan(before));
    await new Promise((r) => setTimeout(r, 400));
    const after = calls['entries.check'].mock.calls.slice(before);
    expect(after).toHaveLength(1);
    // 3 working days after Tuesday 2025-03-18, by the service's calendar.
    await waitFor(() => expect(within(panel).getByTestId('filing-deadline')).toHaveTextContent('最迟 2025-03-21'));
    expect(after[0]![0]).toMatchObject({ entry: { kind: 'meeting', meeting: { startAt: '2025-03-18T09:45' } } });
    expect(calls['members.list']).toHaveBeenCalledWith({ bookId, on: '2025-03-18' });

    // Typing minutes changes nothing the rules look at: no new call.
    const count = calls['entries.check'].mock.calls.length;
    await userEvent.type(screen.getByTestId('minutes'), '补充');
    await new Promise((r) => setTimeout(r, 400));
    expect(calls['entries.check'].mock.calls.length).toBe(count);
  });
});

describe('MeetingEditor sealing', () => {
  it('shows field errors from the schema before calling the service', async () => {
    const { calls } = await setup();
    await userEvent.click(await screen.findByTestId('seal-button'));
    const banner = await screen.findByTestId('form-problems');
    expect(banner).toHaveTextContent('请填写会议次序');
    expect(banner).toHaveTextContent('请填写议题 › 第 1 项 › 标题');
    expect(screen.queryByTestId('seal-confirm')).not.toBeInTheDocument();
    expect(calls['meetings.seal']).not.toHaveBeenCalled();
    expect(banner).toHaveTextContent('请填写记录人');
    // The organisation's registered recorder is offered, not filled in behind the user's back.
    expect(screen.getByTestId('meeting-recorder')).toHaveValue('');
    await userEvent.click(screen.getByRole('button', { name: '填入登记的记录人：赵六' }));
    expect(screen.getByTestId('meeting-recorder')).toHaveValue('赵六');
    // Fixing a field clears its problem at once.
    await userEvent.type(screen.getByTestId('meeting-number'), '3');
    await waitFor(() => expect(screen.getByTestId('form-problems')).not.toHaveTextContent('会议次序'));
  });

  it('lists what becomes permanent, seals, deletes the draft and reports the seq', async () => {
    const { calls, onSealed, bookId, id } = await setup(completeForm());
    await userEvent.click(await screen.findByTestId('seal-button'));
    const summary = await screen.findByTestId('seal-summary');
    for (const text of [
      '第 5 次',
      '现场会议',
      '2025-03-18 09:30 至 2025-03-18 11:00',
      '学会302会议室',
      '张三',
      '赵六',
      '张三、李四',
      '王五：出差在外，会前已向组长请假',
      '钱七（学会秘书处）',
      '学习贯彻全会精神',
      '李四：建议增加青年会员座谈。',
      '同意年度工作计划',
      '同意 2 票，反对 0 票，弃权 0 票',
      '会议由张三主持，审议并通过年度工作计划。',
      '是，未与理事会或其他会议合并',
      '未达到法定人数',
      '会议纪要应在形成后3个工作日内报送',
    ])
      expect(summary).toHaveTextContent(text);
    expect(screen.getByText('封存后，这条记录将永久保存，不能再修改或删除。')).toBeInTheDocument();
    expect(calls['meetings.seal']).not.toHaveBeenCalled();

    await userEvent.click(screen.getByTestId('seal-confirm'));
    await waitFor(() => expect(onSealed).toHaveBeenCalledTimes(1));
    expect(calls['meetings.seal']).toHaveBeenCalledWith({
      bookId,
      requestId: id,
      meeting: expect.objectContaining({
        number: 5,
        chairId: 'm1',
        presentIds: ['m1', 'm2'],
        absent: [{ memberId: 'm3', leaveNote: '出差在外，会前已向组长请假' }],
        decisions: [{ text: '同意年度工作计划', votes: { for: 2, against: 0, abstain: 0 } }],
        heldSeparately: true,
      }),
    });
    expect(await getDraft(id)).toBeUndefined();
    // In the real book, with the service's own verdict sealed beside it.
    const sealed = (await calls['entries.get']({ bookId, seq: onSealed.mock.calls[0]?.[0] as number })) as EntryDetail;
    expect(sealed.summary.kind).toBe('meeting');
    expect(sealed.summary.flags.map((f) => f.code)).toContain('inquorate');
  });

  it('keeps the draft and shows the Chinese error when sealing fails, marking the field', async () => {
    const { calls, onSealed, id } = await setup(completeForm());
    // Injected: a refusal naming a field.
    calls['meetings.seal'].mockRejectedValueOnce(
      apiError('rule-violation', '地点与会议室登记不符，请核对', 'meeting.place'),
    );
    await userEvent.click(await screen.findByTestId('seal-button'));
    await userEvent.click(await screen.findByTestId('seal-confirm'));
    expect(await screen.findByTestId('seal-error')).toHaveTextContent('地点与会议室登记不符，请核对');
    await waitFor(() => expect(screen.queryByTestId('seal-confirm')).not.toBeInTheDocument());
    const place = screen.getByTestId('meeting-place');
    expect(place.closest('.ant-form-item')).toHaveClass('ant-form-item-has-error');
    expect(onSealed).not.toHaveBeenCalled();
    expect((await getDraft<MeetingForm>(id))?.data.place).toBe('学会302会议室');
  });

  it('disables confirmation when the service reports a blocking problem', async () => {
    // A meeting dated after today (the service's clock): the service refuses to record it.
    await setup({ ...completeForm(), startAt: '2025-03-25T09:30', endAt: '2025-03-25T11:00' });
    await userEvent.click(await screen.findByTestId('seal-button'));
    expect(await screen.findByTestId('seal-blocked')).toHaveTextContent('晚于今天');
    expect(screen.getByTestId('seal-confirm')).toBeDisabled();
  });

  it('Ctrl+S writes the draft at once and Ctrl+Enter opens the confirmation', async () => {
    const { id } = await setup(completeForm());
    const place = await screen.findByTestId('meeting-place');
    fireEvent.change(place, { target: { value: '线上会议室' } });
    fireEvent.keyDown(window, { key: 's', ctrlKey: true });
    await waitFor(async () => expect((await getDraft<MeetingForm>(id))?.data.place).toBe('线上会议室'));
    fireEvent.keyDown(window, { key: 'Enter', ctrlKey: true });
    expect(await screen.findByTestId('seal-confirm')).toBeInTheDocument();
  });
});

describe('MeetingEditor on a draft saved before the editors were on antd Form', () => {
  it('opens it as it was typed and keeps every value when one field changes', async () => {
    // Exactly what the hand-rolled editor wrote: raw strings, absentees as ids with their notes by
    // member, and none of the keys added since (chairDelegated, duties, election, attachments).
    const old = { ...completeForm(), mode: 'onsite' } as Partial<MeetingForm>;
    delete old.chairDelegated;
    delete old.election;
    delete old.attachments;
    delete old.hasElection;
    const { id } = await setup(old as MeetingForm);

    expect(await screen.findByTestId('meeting-number')).toHaveValue(5);
    expect(screen.getByTestId('meeting-place')).toHaveValue('学会302会议室');
    expect(screen.getByTestId('meeting-start')).toHaveValue('2025-03-18T09:30');
    expect(screen.getByTestId('leave-note-m3')).toHaveValue('出差在外，会前已向组长请假');
    expect(screen.getByTestId('guest-name-0')).toHaveValue('钱七');
    expect(screen.getByTestId('topic-dissent-0')).toHaveValue('李四：建议增加青年会员座谈。');
    expect(screen.getByTestId('votes-for-0')).toHaveValue(2);
    expect(screen.getByTestId('held-separately')).toBeChecked();
    expect(screen.getByTestId('attendance-m3')).toHaveAttribute('aria-checked', 'false');

    fireEvent.change(screen.getByTestId('minutes'), { target: { value: '会议由张三主持。' } });
    await waitFor(async () => expect((await getDraft<MeetingForm>(id))?.data.minutes).toBe('会议由张三主持。'));
    const saved = (await getDraft<MeetingForm>(id))!.data;
    expect(saved).toMatchObject({
      number: '5',
      leaveNotes: { m3: '出差在外，会前已向组长请假' },
      absentIds: ['m3'],
      decisions: [{ text: '同意年度工作计划', for: '2', against: '0', abstain: '0' }],
      // The keys the old draft lacked are filled with the editor's defaults.
      chairDelegated: false,
      hasElection: false,
      attachments: [],
    });
  });
});
