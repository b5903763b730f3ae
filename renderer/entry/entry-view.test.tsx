import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { EntryPage } from './entry-page';
import { renderInBook, status } from '../test/kit';
import { bookApi, detail, entryApi } from './test-fixtures';

/** What a record-book page never shows: schema paths, codes, UTC instants. */
function expectReadsLikeTheBook(view: HTMLElement, codes: string[] = []) {
  const text = view.textContent ?? '';
  expect(text).not.toMatch(/›|第 \d+ 项/);
  expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/);
  for (const code of codes) expect(text).not.toContain(code);
}

/** The labels of the page's record section, in order. */
function labels(view: HTMLElement): string[] {
  return [...within(view).getByTestId('record-view').querySelectorAll('th.ant-descriptions-item-label')].map(
    (th) => th.textContent ?? '',
  );
}

async function open(seq: number, api = bookApi()) {
  renderInBook(<EntryPage seq={seq} />, api);
  return screen.findByTestId('entry-view');
}

describe('entry view', () => {
  it('renders the sealed meeting read-only with the correction beside the original', async () => {
    const view = await open(7, entryApi());
    await waitFor(() => expect(view).toHaveTextContent('张三、李四'));
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
    expect(beside).toHaveTextContent('2025年3月19日 09:00');

    // Meeting specifics, with the editor's labels: absentee with leave note, 列席, votes and results, quorum, filing.
    expect(view).toHaveTextContent('会议地点');
    expect(view).toHaveTextContent('第3次');
    expect(view).toHaveTextContent('2025年3月18日 09:30');
    expect(view).toHaveTextContent('出差在外，已向组长书面请假');
    expect(view).toHaveTextContent('周八');
    expect(within(view).getByTestId('quorum-result')).toHaveTextContent('未达到');
    expect(within(view).getByTestId('decisions')).toHaveTextContent('通过');
    expect(within(view).getByTestId('filing-deadline')).toHaveTextContent('截止日期为2025年3月21日');
    expect(view).toHaveTextContent('到会人数未达到规定');
    // Sealed 2025-03-18T03:10Z: the page says Beijing time; the UTC instant and the kind code are folded away.
    expect(view).toHaveTextContent('封存时间：2025年3月18日 11:10');
    expectReadsLikeTheBook(view, ['group-meeting', 'onsite', 'a'.repeat(64)]);
    const technical = within(view).getByTestId('technical-info');
    expect(technical).not.toHaveTextContent('类别代码');
    await userEvent.setup().click(within(technical).getByText('技术信息'));
    expect(await within(technical).findByText('类别代码')).toBeInTheDocument();
    expect(technical).toHaveTextContent('2025-03-18T03:10:00.000Z');
    expect(technical).toHaveTextContent('a'.repeat(64));
  });

  it('shows a meeting whose minutes were filed: when, to whom, and by which entry', async () => {
    const filed = {
      ...detail,
      summary: { ...detail.summary, filed: { seq: 11, date: '2025-03-20', to: '市科协党建委办公室', late: false } },
    };
    const view = await open(7, entryApi(false, { 'entries.get': () => filed }));
    const filing = await within(view).findByTestId('filing-deadline');
    expect(filing).toHaveTextContent('已备案 2025年3月20日报送市科协党建委办公室备案（第 11 条记录）');
    expect(filing).not.toHaveTextContent('尚未备案');
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
      bookId: status().bookId,
      seq: 7,
      requestId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      field: '/input/recorder',
      value: '钱七',
      reason: '记录人填写错误',
      by: '赵六',
    });
    await waitFor(() => expect(api['entries.get']).toHaveBeenCalledTimes(2));
  });

  it('shows an activity with the form’s labels, its correction beside the original', async () => {
    const view = await open(8);
    await waitFor(() => expect(view).toHaveTextContent('张三、李四'));
    expect(labels(view)).toEqual([
      '活动类型',
      '活动名称',
      '活动日期',
      '结束日期',
      '活动地点',
      '组织者',
      '参加成员',
      '其他参加人员',
      '活动内容',
      '活动成效',
    ]);
    expect(view).toHaveTextContent('主题党日');
    expect(view).toHaveTextContent('2025年7月1日');
    expect(view).toHaveTextContent('革命纪念馆');
    const content = view.querySelector('[data-field="/input/content"]') as HTMLElement;
    expect(within(content).getByTestId('original-value')).toHaveTextContent('重温入党誓词');
    expect(within(content).getByTestId('corrected-value')).toHaveTextContent('重温入党誓词，参观展览');
    expect(within(content).getByTestId('correction-beside')).toHaveTextContent('漏记活动内容');
    // Attendance is corrected as a whole only for meetings; activities get the single-field 更正.
    expect(within(view).getByTestId('correction-button')).toBeInTheDocument();
    expect(within(view).queryByTestId('attendance-button')).toBeNull();
    expectReadsLikeTheBook(view, ['theme-day', 'm1', 'activity']);
  });

  it('shows a correction entry by the corrected entry’s labels, and offers no correction of it', async () => {
    const view = await open(10);
    await waitFor(() => expect(view).toHaveTextContent('活动内容'));
    expect(labels(view)).toEqual(['更正对象', '更正字段', '更正为', '更正理由', '更正人']);
    expect(view).toHaveTextContent('第 8 条记录');
    expect(view).toHaveTextContent('重温入党誓词，参观展览');
    expect(view).toHaveTextContent('漏记活动内容');
    expectReadsLikeTheBook(view, ['/input/content', 'd'.repeat(64)]);
    expect(screen.queryByTestId('correction-button')).toBeNull();
    expect(screen.queryByTestId('attendance-button')).toBeNull();
  });

  it('shows work items by their type’s fields: a filing and an annual report', async () => {
    const { unmount } = renderInBook(<EntryPage seq={11} />, bookApi());
    let view = await screen.findByTestId('entry-view');
    await within(view).findByText('第 7 条记录');
    expect(labels(view)).toEqual(['工作类型', '标题', '日期', '备案的会议', '报送对象', '备注']);
    expect(view).toHaveTextContent('会议纪要备案');
    expect(view).toHaveTextContent('2025年3月20日');
    expect(view).toHaveTextContent('科技社团党委');
    expectReadsLikeTheBook(view, ['filing']);
    unmount();

    view = await open(12);
    await waitFor(() => expect(view).toHaveTextContent('张三'));
    expect(labels(view)).toEqual([
      '工作类型',
      '标题',
      '日期',
      '述职年度',
      '述职人',
      '本年度工作情况',
      '存在问题',
      '下一年度工作计划',
    ]);
    expect(view).toHaveTextContent('2024年');
    expect(view).toHaveTextContent('召开小组会议4次');
    expectReadsLikeTheBook(view, ['annual-report', 'reporterId']);
  });

  it('shows a member join as the 备案表 with its approval, and corrects a field left empty', async () => {
    const user = userEvent.setup();
    const view = await open(13);
    await within(view).findByText('王志强');
    expect(labels(view)).toEqual([
      '姓名',
      '性别',
      '民族',
      '出生日期',
      '是否中共党员',
      '入党时间',
      '职称',
      '学历',
      '工作单位',
      '在学会任职',
      '处于党纪或政务处分期',
      '职务',
      '加入日期',
      '批复',
      '备注',
    ]);
    expect(view).toHaveTextContent('京科协党建〔2026〕3号，2026年3月1日');
    expect(view).toHaveTextContent('1975年6月1日');
    expect(view.querySelector('[data-field="/input/person/partyJoinDate"]')).toHaveTextContent('（未填写）');
    expectReadsLikeTheBook(view, ['member.join', 'm9']);

    await user.click(within(view).getByTestId('correction-button'));
    const form = await screen.findByTestId('correction-form');
    const picker = within(form).getByRole('combobox', { name: '更正的字段' });
    await user.click(picker);
    expect(await screen.findByTitle('入党时间')).toBeInTheDocument();
    expect(screen.queryByTitle(/›|成员编号/)).toBeNull();
    // The list is virtual: search brings the approval's parts into view.
    await user.type(picker, '批复');
    expect(await screen.findByTitle('批复文号')).toBeInTheDocument();
    expect(screen.getByTitle('批复日期')).toBeInTheDocument();
  });

  it('offers no correction on a read-only book', async () => {
    renderInBook(<EntryPage seq={7} />, entryApi(true), [status({ readOnly: true, reason: '这是从备份导入的副本' })]);
    const view = await screen.findByTestId('entry-view');
    await waitFor(() => expect(view).toHaveTextContent('张三、李四'));
    expect(screen.queryByTestId('correction-button')).toBeNull();
    expect(screen.queryByTestId('attendance-button')).toBeNull();
  });
});
