import { fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { getDraft, saveDraft } from '../drafts';
import { BOOK, apiError, fakeApi, renderWithApi } from './editor-test-kit';
import { WorkItemEditor } from './work-item-editor';
import { emptyWorkItemForm, type WorkItemForm } from './work-item-form-state';

let n = 0;
const newId = () => `work-draft-${++n}-${Math.random().toString(36).slice(2)}`;
const MEETINGS = {
  total: 1,
  items: [{ seq: 7, kind: 'meeting', kindLabel: '会议记录', title: '第5次党建工作小组会议', date: '2025-03-18',
    recordedAt: '2025-03-18T03:00:00.000Z', flags: [], memberIds: [], correctedBy: [] }],
};

function setup(draftId: string, calls = fakeApi({ 'entries.list': () => Promise.resolve(MEETINGS) })) {
  const onSealed = vi.fn();
  renderWithApi(<WorkItemEditor bookId={BOOK} draftId={draftId} onSealed={onSealed} onCancel={vi.fn()} />, calls);
  return { calls, onSealed };
}

async function seeded(form: WorkItemForm): Promise<string> {
  const id = newId();
  await saveDraft({ id, bookId: BOOK, kind: 'work', title: form.title, data: form });
  return id;
}

describe('WorkItemEditor', () => {
  it('shows only the fields of the chosen type and keeps typed text across switches', async () => {
    const id = newId();
    const { calls } = setup(id);
    fireEvent.change(await screen.findByTestId('work-matter'), { target: { value: '关于召开会员代表大会的请示' } });
    expect(screen.getByLabelText('报送对象')).toBe(screen.getByTestId('work-to'));
    expect(screen.queryByTestId('work-year')).not.toBeInTheDocument();

    await userEvent.click(screen.getByRole('radio', { name: '述职' }));
    for (const f of ['year', 'reporterId', 'work', 'problems', 'plan']) expect(screen.getByTestId(`work-${f}`)).toBeInTheDocument();
    expect(screen.queryByTestId('work-matter')).not.toBeInTheDocument();
    expect(screen.getByLabelText('下一年度工作计划')).toBeInTheDocument();

    await userEvent.click(screen.getByRole('radio', { name: '意识形态研判 / 舆情应对预案' }));
    expect(screen.getByLabelText('舆情应对预案')).toBeInTheDocument();
    expect(screen.getByRole('radio', { name: '国际交流活动' })).toBeInTheDocument();
    expect(screen.queryByTestId('work-year')).not.toBeInTheDocument();

    await userEvent.click(screen.getByRole('radio', { name: '会议纪要备案' }));
    expect(screen.getByTestId('work-fields-filing')).toBeInTheDocument();
    expect(screen.getByTestId('work-meetingSeq')).toBeInTheDocument();
    expect(calls['entries.list']).toHaveBeenCalledWith(expect.objectContaining({ bookId: BOOK, kinds: ['meeting'] }));

    await userEvent.click(screen.getByRole('radio', { name: '请示报告' }));
    expect(screen.getByTestId('work-matter')).toHaveValue('关于召开会员代表大会的请示');
    await waitFor(async () => expect((await getDraft<WorkItemForm>(id))?.data.type).toBe('report'));
  });

  it("names the chosen type's missing fields before sealing", async () => {
    const id = await seeded({ ...emptyWorkItemForm(), type: 'annual-report', title: '2024年度述职', date: '2025-01-10' });
    const { calls } = setup(id);
    await userEvent.click(await screen.findByTestId('seal-button'));
    const banner = await screen.findByTestId('form-problems');
    expect(banner).toHaveTextContent('述职年度：必须填写');
    expect(banner).toHaveTextContent('述职人：必须填写');
    expect(banner).toHaveTextContent('下一年度工作计划：不能为空');
    expect(banner).not.toHaveTextContent('报送对象');
    expect(calls['work.seal']).not.toHaveBeenCalled();
  });

  it('seals a filing record with only its own fields, then deletes the draft', async () => {
    const id = await seeded({
      ...emptyWorkItemForm(), type: 'filing', title: '第5次会议纪要备案', date: '2025-03-20', meetingSeq: '7',
      to: '科技社团党委', note: '已通过电子邮件报送', matter: '切换类型前输入的内容',
    });
    const { calls, onSealed } = setup(id);
    await userEvent.click(await screen.findByTestId('seal-button'));
    const summary = await screen.findByTestId('seal-summary');
    expect(summary).toHaveTextContent('会议纪要备案');
    await waitFor(() => expect(summary).toHaveTextContent('第 7 条 · 2025-03-18 · 第5次党建工作小组会议'));
    expect(summary).toHaveTextContent('已通过电子邮件报送');
    expect(summary).not.toHaveTextContent('切换类型前输入的内容');

    await userEvent.click(screen.getByTestId('seal-confirm'));
    await waitFor(() => expect(onSealed).toHaveBeenCalledWith(44));
    expect(calls['work.seal']).toHaveBeenCalledWith({
      bookId: BOOK,
      requestId: id,
      item: { type: 'filing', title: '第5次会议纪要备案', date: '2025-03-20', meetingSeq: 7, to: '科技社团党委', note: '已通过电子邮件报送', attachments: [] },
    });
    expect(await getDraft(id)).toBeUndefined();
  });

  it('keeps the draft when the service refuses the seal', async () => {
    const id = await seeded({ ...emptyWorkItemForm(), type: 'other', title: '整理档案', date: '2025-03-20', content: '整理2024年度党建档案。' });
    const calls = fakeApi({ 'work.seal': () => Promise.reject(apiError('book-readonly', '记录本为只读，不能封存新记录')) });
    const { onSealed } = setup(id, calls);
    await userEvent.click(await screen.findByTestId('seal-button'));
    await userEvent.click(await screen.findByTestId('seal-confirm'));
    expect(await screen.findByTestId('seal-error')).toHaveTextContent('记录本为只读，不能封存新记录');
    expect(onSealed).not.toHaveBeenCalled();
    expect((await getDraft<WorkItemForm>(id))?.data.content).toBe('整理2024年度党建档案。');
  });
});
