import { fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { getDraft } from '../drafts';
import type { EntryDetail } from '../../db/contract';
import { ActivityEditor, type ActivityForm } from './activity-editor';
import { apiError, renderWithApi } from '../test/kit';
import { realBook } from '../test/real-service';

let n = 0;
const newId = () => `activity-draft-${++n}-${Math.random().toString(36).slice(2)}`;

/** The editor over the real service, the day after the activity. */
async function setup(draftId: string) {
  const { api: calls, bookId } = await realBook('2025-05-21T10:00');
  const onSealed = vi.fn();
  renderWithApi(<ActivityEditor bookId={bookId} draftId={draftId} onSealed={onSealed} onCancel={vi.fn()} />, calls);
  return { calls, onSealed, bookId };
}

async function fillActivity() {
  await userEvent.click(await screen.findByRole('radio', { name: '志愿服务' }));
  // fireEvent.change, like Playwright's fill(): one change per field keeps the test fast under jsdom.
  fireEvent.change(screen.getByTestId('activity-title'), { target: { value: '科普进社区志愿服务' } });
  fireEvent.change(screen.getByTestId('activity-date'), { target: { value: '2025-05-20' } });
  fireEvent.change(screen.getByLabelText('活动地点'), { target: { value: '朝阳区某社区活动中心' } });
  await userEvent.type(screen.getByLabelText('组织者'), '张三');
  await userEvent.click(await screen.findByTestId('participant-m2'));
  fireEvent.change(screen.getByTestId('activity-content'), { target: { value: '为社区居民讲解防范电信诈骗知识。' } });
}

describe('ActivityEditor', () => {
  it('seals with participants from the roster of that day and deletes the draft', async () => {
    const id = newId();
    const { calls, onSealed, bookId } = await setup(id);
    await fillActivity();
    await waitFor(() => expect(calls['members.list']).toHaveBeenCalledWith({ bookId, on: '2025-05-20' }));
    await waitFor(async () => expect((await getDraft<ActivityForm>(id))?.data.participantIds).toEqual(['m2']));

    await userEvent.click(screen.getByTestId('seal-button'));
    const summary = await screen.findByTestId('seal-summary');
    for (const text of [
      '志愿服务',
      '科普进社区志愿服务',
      '2025-05-20',
      '参加成员（1 人）',
      '李四',
      '为社区居民讲解防范电信诈骗知识。',
    ]) {
      expect(summary).toHaveTextContent(text);
    }
    await userEvent.click(screen.getByTestId('seal-confirm'));
    await waitFor(() => expect(onSealed).toHaveBeenCalledTimes(1));
    expect(calls['activities.seal']).toHaveBeenCalledWith({
      bookId,
      // The draft's id: a repeated seal of this draft returns the entry already sealed.
      requestId: id,
      activity: expect.objectContaining({
        type: 'volunteer',
        title: '科普进社区志愿服务',
        participantIds: ['m2'],
        place: '朝阳区某社区活动中心',
      }),
    });
    expect(await getDraft(id)).toBeUndefined();
    // Sealed in the real book: the entry the editor reported is this activity.
    const sealed = (await calls['entries.get']({ bookId, seq: onSealed.mock.calls[0]?.[0] as number })) as EntryDetail;
    expect(sealed.summary).toMatchObject({
      kind: 'activity',
      title: '志愿服务：科普进社区志愿服务',
      date: '2025-05-20',
      memberIds: ['m2'],
    });
  });

  it('keeps the draft, shows the service error and marks its field when sealing fails', async () => {
    const id = newId();
    const { calls, onSealed } = await setup(id);
    // Injected: a refusal naming a field, as the service answers one.
    calls['activities.seal'].mockRejectedValueOnce(
      apiError('invalid-input', '结束日期不能早于开始日期', 'activity.endDate'),
    );
    await fillActivity();
    await userEvent.click(screen.getByTestId('seal-button'));
    await userEvent.click(await screen.findByTestId('seal-confirm'));
    expect(await screen.findByTestId('seal-error')).toHaveTextContent('结束日期不能早于开始日期');
    expect(screen.getByTestId('activity-endDate').closest('.ant-form-item')).toHaveClass('ant-form-item-has-error');
    expect(onSealed).not.toHaveBeenCalled();
    expect((await getDraft<ActivityForm>(id))?.data.title).toBe('科普进社区志愿服务');
  });

  it('requires content before the confirmation opens', async () => {
    const { calls } = await setup(newId());
    await userEvent.click(await screen.findByTestId('seal-button'));
    const banner = await screen.findByTestId('form-problems');
    expect(banner).toHaveTextContent('请填写内容');
    expect(banner).toHaveTextContent('日期：日期格式应为 年-月-日');
    expect(calls['activities.seal']).not.toHaveBeenCalled();
  });

  it("checks a field with the contract's schema as it changes, before any seal (antd Form + zodRule)", async () => {
    await setup(newId());
    const date = await screen.findByTestId('activity-date');
    fireEvent.change(date, { target: { value: '2025-05-20' } });
    fireEvent.change(date, { target: { value: '' } });
    const item = date.closest('.ant-form-item')!;
    await waitFor(() => expect(item).toHaveClass('ant-form-item-has-error'));
    await waitFor(() => expect(item).toHaveTextContent('请填写活动日期'));
    fireEvent.change(date, { target: { value: '2025-05-20' } });
    await waitFor(() => expect(item).not.toHaveClass('ant-form-item-has-error'));
  });
});
