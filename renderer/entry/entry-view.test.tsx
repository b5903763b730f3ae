import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { EntryDetail } from '../../db/contract';
import { EntryPage } from './entry-page';
import { ORG, ROSTER, fakeApi, renderInBook, status } from '../test/kit';
import { detail, entryApi } from './test-fixtures';

describe('entry view', () => {
  it('renders the sealed meeting read-only with the correction beside the original', async () => {
    renderInBook(<EntryPage seq={7} />, entryApi());
    const view = await screen.findByTestId('entry-view');
    await within(view).findByText('李四');
    // No edit control anywhere: the only action is 更正.
    expect(within(view).queryByRole('button', { name: /编辑|修改|保存/ })).toBeNull();
    expect(within(view).queryAllByRole('textbox')).toHaveLength(0);
    expect(within(view).getByTestId('correction-button')).toHaveTextContent('更正');

    const field = view.querySelector('[data-field="/input/place"]') as HTMLElement;
    expect(field).toHaveAttribute('data-corrected', 'true');
    const original = within(field).getByTestId('original-value');
    expect(original).toHaveTextContent('学会302会议室');
    expect(original.querySelector('del')).not.toBeNull();
    const beside = within(field).getByTestId('correction-beside');
    expect(beside).toHaveTextContent('学会501会议室');
    expect(beside).toHaveTextContent('会议室临时调整，记录有误');
    expect(beside).toHaveTextContent('赵六');
    expect(beside).toHaveTextContent('第 9 条');

    // Meeting specifics: absentee with leave note, 列席, votes and results, quorum, filing.
    expect(view).toHaveTextContent('出差在外，已向组长书面请假');
    expect(view).toHaveTextContent('周八');
    expect(within(view).getByTestId('quorum-result')).toHaveTextContent('未达到');
    expect(within(view).getByTestId('decisions')).toHaveTextContent('通过');
    expect(within(view).getByTestId('filing-deadline')).toHaveTextContent('截止日期为2025年3月21日');
    expect(view).toHaveTextContent('到会人数未达到规定');
  });

  it('seals a correction of one field through entries.correct', async () => {
    const user = userEvent.setup();
    const api = entryApi();
    renderInBook(<EntryPage seq={7} />, api);
    await user.click(await screen.findByTestId('correction-button'));
    const form = await screen.findByTestId('correction-form');
    await user.click(within(form).getByRole('combobox', { name: '更正的字段' }));
    await user.click(await screen.findByTitle('记录人'));
    expect(await within(form).findByTestId('correction-current')).toHaveTextContent('赵六');
    const value = within(form).getByLabelText('更正为');
    await user.clear(value);
    await user.type(value, '钱七');
    await user.type(within(form).getByLabelText('更正理由'), '记录人填写错误');
    await user.click(screen.getByTestId('correction-submit'));
    await waitFor(() => expect(api['entries.correct']).toHaveBeenCalledTimes(1));
    expect(api['entries.correct'].mock.calls[0]?.[0]).toEqual({
      bookId: status().bookId, seq: 7, requestId: expect.stringMatching(/^[0-9a-f-]{36}$/), field: '/input/recorder', value: '钱七', reason: '记录人填写错误', by: '赵六',
    });
    await waitFor(() => expect(api['entries.get']).toHaveBeenCalledTimes(2));
  });

  it('shows an activity field by field and a correction entry with its target', async () => {
    const activity: EntryDetail = {
      ...detail,
      summary: { ...detail.summary, seq: 8, kind: 'activity', kindLabel: '活动记录', title: '七一主题党日', flags: [], correctedBy: [10] },
      original: { v: 1, input: { type: 'theme-day', title: '七一主题党日', date: '2025-07-01', place: '革命纪念馆', organizer: '张三',
        participantIds: ['m1', 'm2'], otherParticipants: '', content: '重温入党誓词', outcome: '', attachments: [] }, computed: {}, flags: [] },
      corrections: [{ seq: 10, field: '/input/content', fieldLabel: '内容', previous: '重温入党誓词', value: '重温入党誓词，参观展览',
        reason: '漏记活动内容', by: '赵六', recordedAt: '2025-07-02T01:00:00.000Z' }],
    };
    const correction: EntryDetail = {
      ...detail,
      summary: { ...detail.summary, seq: 10, kind: 'ledger.correction', kindLabel: '更正', title: '更正第 8 条', flags: [], correctedBy: [], targetSeq: 8 },
      original: { target: 8, targetHash: 'd'.repeat(64), field: '/input/content', value: '重温入党誓词，参观展览', reason: '漏记活动内容', by: '赵六' },
      corrections: [], current: null,
    };
    const api = fakeApi({
      'books.status': () => status(), 'members.list': () => ROSTER, 'org.get': () => ORG,
      'entries.get': (input: { seq: number }) => (input.seq === 8 ? activity : correction),
    });
    const { unmount } = renderInBook(<EntryPage seq={8} />, api);
    const view = await screen.findByTestId('entry-view');
    expect(await within(view).findByText('主题党日')).toBeInTheDocument();
    // Attendance is corrected as a whole only for meetings; activities get the single-field 更正.
    expect(within(view).getByTestId('correction-button')).toBeInTheDocument();
    expect(within(view).queryByTestId('attendance-button')).toBeNull();
    expect(view).toHaveTextContent('革命纪念馆');
    const content = view.querySelector('[data-field="/input/content"]') as HTMLElement;
    expect(within(content).getByTestId('original-value')).toHaveTextContent('重温入党誓词');
    expect(within(content).getByTestId('corrected-value')).toHaveTextContent('重温入党誓词，参观展览');
    await waitFor(() => expect(view.querySelector('[data-field="/input/participantIds/1"]')).toHaveTextContent('李四'));
    unmount();

    renderInBook(<EntryPage seq={10} />, api);
    const body = await screen.findByTestId('correction-body');
    expect(body).toHaveTextContent('第 8 条记录');
    expect(body).toHaveTextContent('内容');
    expect(body).toHaveTextContent('漏记活动内容');
    // A correction is itself never corrected.
    expect(screen.queryByTestId('correction-button')).toBeNull();
    expect(screen.queryByTestId('attendance-button')).toBeNull();
  });

  it('offers no correction on a read-only book', async () => {
    renderInBook(<EntryPage seq={7} />, entryApi(true), [status({ readOnly: true, reason: '这是从备份导入的副本' })]);
    await screen.findByTestId('entry-view');
    await screen.findByText('李四');
    expect(screen.queryByTestId('correction-button')).toBeNull();
    expect(screen.queryByTestId('attendance-button')).toBeNull();
  });
});
