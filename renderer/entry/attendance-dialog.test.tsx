import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { EntryDetail, MemberView } from '../../db/contract';
import { ApiError } from '../api';
import { EntryPage } from './entry-page';
import { ROSTER, renderInBook, status } from '../test/kit';
import { attendanceChanges } from './attendance-dialog';
import { detail, entryApi, input } from './test-fixtures';

// On the meeting's day 李四 was on the roster under another name: the dialog must use it.
const DATED: MemberView[] = ROSTER.map((m) =>
  m.memberId === 'm2' ? { ...m, person: { ...m.person, name: '李肆' } } : m,
);
const datedRoster = (q: { on?: string }) => (q.on ? DATED : ROSTER);

async function openDialog(api: ReturnType<typeof entryApi>) {
  const user = userEvent.setup();
  renderInBook(<EntryPage seq={7} />, api);
  await user.click(await screen.findByTestId('attendance-button'));
  const form = await screen.findByTestId('attendance-form');
  await within(form).findByText('李肆');
  return { user, form };
}

describe('attendance correction', () => {
  it('moves one person from 实到 to 缺席 and back in ONE entries.correct, refusing a blank leave note', async () => {
    const api = entryApi(false, { 'members.list': datedRoster });
    const { user, form } = await openDialog(api);
    expect(api['members.list']).toHaveBeenCalledWith({ bookId: status().bookId, on: '2025-03-18' });
    // The absent member's leave note in force is offered for editing.
    expect(within(form).getByLabelText('王五的请假说明')).toHaveValue('出差在外，已向组长书面请假');

    await user.click(within(form).getByRole('switch', { name: '李肆是否实到' }));
    await user.click(within(form).getByRole('switch', { name: '王五是否实到' }));
    expect(within(form).queryByLabelText('王五的请假说明')).toBeNull();
    await user.click(within(form).getByLabelText('更正原因'));
    await user.paste('签到表核对有误');
    await user.click(screen.getByTestId('attendance-submit'));
    expect(await within(form).findByText('请填写李肆的请假说明')).toBeInTheDocument();
    expect(api['entries.correct']).not.toHaveBeenCalled();

    await user.click(within(form).getByLabelText('李肆的请假说明'));
    await user.paste('因病请假');
    await user.click(screen.getByTestId('attendance-submit'));
    await waitFor(() => expect(api['entries.correct']).toHaveBeenCalledTimes(1));
    expect(api['entries.correct'].mock.calls[0]?.[0]).toEqual({
      bookId: status().bookId,
      seq: 7,
      requestId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      reason: '签到表核对有误',
      by: '赵六',
      changes: [
        { field: '/input/presentIds', value: ['m1', 'm3'] },
        { field: '/input/absent', value: [{ memberId: 'm2', leaveNote: '因病请假' }] },
      ],
    });
    // As after a single-field correction: the dialog closes and the entry is read again.
    await waitFor(() => expect(api['entries.get']).toHaveBeenCalledTimes(2));
    await waitFor(() => expect(screen.queryByTestId('attendance-form')).toBeNull());
  });

  it('shows the service refusal inline and keeps the dialog open', async () => {
    const api = entryApi(false, {
      'members.list': datedRoster,
      'entries.correct': () => {
        throw new ApiError('invalid-correction', '更正后内容无效：主持人张三未实到');
      },
    });
    const { user, form } = await openDialog(api);
    await user.click(within(form).getByRole('switch', { name: '张三是否实到' }));
    await user.click(within(form).getByLabelText('张三的请假说明'));
    await user.paste('临时外出');
    await user.click(within(form).getByLabelText('更正原因'));
    await user.paste('补记');
    await user.click(screen.getByTestId('attendance-submit'));
    expect(await screen.findByTestId('attendance-problem')).toHaveTextContent('更正后内容无效：主持人张三未实到');
    // 王五 stays first in 缺席 with his note unchanged; the newly absent chair is appended.
    expect(api['entries.correct'].mock.calls[0]?.[0]).toMatchObject({
      changes: [
        { field: '/input/presentIds', value: ['m2'] },
        { field: '/input/absent', value: [input.absent[0], { memberId: 'm1', leaveNote: '临时外出' }] },
      ],
    });
    expect(screen.getByTestId('attendance-form')).toBeInTheDocument();
    expect(api['entries.get']).toHaveBeenCalledTimes(1);
  });

  it('says so and sends nothing when the attendance did not change', async () => {
    const api = entryApi(false, { 'members.list': datedRoster });
    const { user, form } = await openDialog(api);
    await user.click(within(form).getByLabelText('更正原因'));
    await user.paste('核对');
    await user.click(screen.getByTestId('attendance-submit'));
    expect(await screen.findByTestId('attendance-problem')).toHaveTextContent('出席情况没有变化');
    expect(api['entries.correct']).not.toHaveBeenCalled();
  });

  it('shows list corrections as the struck-through original with the corrected names beside it', async () => {
    const both = { reason: '签到表核对有误', by: '赵六', recordedAt: '2025-03-20T01:00:00.000Z' };
    const corrected: EntryDetail = {
      ...detail,
      corrections: [
        {
          ...both,
          seq: 13,
          field: '/input/presentIds',
          fieldLabel: '实到成员',
          previous: ['m1', 'm2'],
          value: ['m1', 'm3'],
        },
        {
          ...both,
          seq: 13,
          field: '/input/absent',
          fieldLabel: '缺席成员',
          previous: input.absent,
          value: [{ memberId: 'm2', leaveNote: '因病请假' }],
        },
      ],
    };
    renderInBook(<EntryPage seq={7} />, entryApi(false, { 'entries.get': () => corrected }));
    const view = await screen.findByTestId('entry-view');
    await waitFor(() => expect(view.querySelector('[data-field="/input/presentIds"]')).toHaveTextContent('李四'));
    const present = view.querySelector('[data-field="/input/presentIds"]') as HTMLElement;
    expect(present).toHaveAttribute('data-corrected', 'true');
    expect(within(present).getByTestId('original-value')).toHaveTextContent('张三、李四（共 2 人）');
    expect(within(present).getByTestId('original-value').querySelector('del')).not.toBeNull();
    expect(within(present).getByTestId('corrected-value')).toHaveTextContent('张三、王五（共 2 人）');
    expect(within(present).getByTestId('correction-beside')).toHaveTextContent('第 13 条');

    const absent = view.querySelector('[data-field="/input/absent"]') as HTMLElement;
    expect(within(absent).getByTestId('original-value')).toHaveTextContent(
      '王五（请假说明：出差在外，已向组长书面请假）',
    );
    expect(within(absent).getByTestId('corrected-value')).toHaveTextContent('李四（请假说明：因病请假）');
    // No raw member ids or JSON leak into the view.
    expect(view).not.toHaveTextContent('memberId');
  });
});

describe('attendanceChanges', () => {
  const now = { presentIds: ['m2', 'm1'], absent: [{ memberId: 'm3', leaveNote: '出差' }] };
  const rows = [
    { memberId: 'm2', present: true, leaveNote: '' },
    { memberId: 'm1', present: true, leaveNote: '' },
    { memberId: 'm3', present: false, leaveNote: '出差' },
  ];

  it('finds no change when nothing changed (order as recorded is kept)', () => {
    expect(attendanceChanges(now, rows)).toEqual([]);
  });

  it('sends only 缺席 when only a leave note changed', () => {
    const edited = rows.map((r) => (r.memberId === 'm3' ? { ...r, leaveNote: '出差，已书面请假' } : r));
    expect(attendanceChanges(now, edited)).toEqual([
      { field: '/input/absent', value: [{ memberId: 'm3', leaveNote: '出差，已书面请假' }] },
    ]);
  });
});
