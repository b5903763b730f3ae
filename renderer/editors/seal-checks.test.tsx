/**
 * The seal's own checks on screen: the live panel and the confirmation show `entries.check`
 * grouped as 须修改后才能封存 / 将随记录一并封存的提示 / 已通过; a blocking problem disables the
 * confirmation; the confirmation checks exactly the input it is about to seal.
 */
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App } from 'antd';
import { describe, expect, it, vi } from 'vitest';
import type { EntryCheck } from '../../db/contract';
import { ActivityEditor } from './activity-editor';
import { ORG, renderWithApi } from '../test/kit';
import { realBook } from '../test/real-service';
import { RulePanel } from './rule-panel';
import { SealDialog } from './seal-dialog';

const LATE = { code: 'late-recording', message: '事项发生于2025年5月20日，4天后（2025年5月24日）才记录，超过3天。' };
const FUTURE = {
  code: 'future-date',
  field: 'date',
  message: '活动日期为2025年6月1日，晚于今天（2025年5月24日），不能记录尚未发生的事项',
};

const check = (over: Partial<EntryCheck> = {}): EntryCheck => ({
  kind: 'activity',
  blocking: [],
  flags: [],
  passed: [],
  ...over,
});

describe('the check groups', () => {
  it('the panel names what blocks, what will be sealed as a flag, and what passed', () => {
    render(
      <App>
        <RulePanel
          org={ORG}
          pending={false}
          error={null}
          check={check({ blocking: [FUTURE], flags: [LATE], passed: ['参加成员均为活动当天在任的成员。'] })}
        />
      </App>,
    );
    const panel = screen.getByTestId('rule-panel');
    expect(within(panel).getByTestId('check-blocking')).toHaveTextContent('须修改后才能封存（1 项）');
    expect(within(panel).getByTestId('rule-error')).toHaveTextContent('晚于今天');
    expect(within(panel).getByTestId('check-flags')).toHaveTextContent('将随记录一并封存的提示（1 项）');
    expect(within(panel).getByTestId('rule-flag')).toHaveTextContent('4天后');
    expect(within(panel).getByTestId('check-flags')).toHaveTextContent('不妨碍封存');
    expect(within(panel).getByTestId('check-passed')).toHaveTextContent('已通过（1 项）');
  });

  it('an empty check says what will appear, not that all is well', () => {
    render(
      <App>
        <RulePanel org={null} pending={false} error={null} check={check()} />
      </App>,
    );
    expect(screen.getByTestId('check-empty')).toHaveTextContent('填写日期等内容后');
    expect(screen.queryByTestId('check-passed')).not.toBeInTheDocument();
  });

  it('the confirmation cannot be confirmed while a check blocks, and lists the flags it will seal', async () => {
    const onConfirm = vi.fn();
    const { rerender } = render(
      <App>
        <SealDialog
          open
          sealing={false}
          check={check({ blocking: [FUTURE], flags: [LATE] })}
          onConfirm={onConfirm}
          onCancel={vi.fn()}
        >
          摘要
        </SealDialog>
      </App>,
    );
    expect(await screen.findByTestId('seal-blocked')).toHaveTextContent('须修改后才能封存');
    expect(screen.getByTestId('check-flags')).toHaveTextContent(LATE.message);
    expect(screen.getByTestId('seal-confirm')).toBeDisabled();

    rerender(
      <App>
        <SealDialog
          open
          sealing={false}
          check={check({ flags: [LATE], passed: ['日期不晚于今天。'] })}
          onConfirm={onConfirm}
          onCancel={vi.fn()}
        >
          摘要
        </SealDialog>
      </App>,
    );
    expect(screen.queryByTestId('seal-blocked')).not.toBeInTheDocument();
    expect(screen.getByText('已通过的检查（1 项）')).toBeInTheDocument();
    await userEvent.click(screen.getByTestId('seal-confirm'));
    expect(onConfirm).toHaveBeenCalledTimes(1);
  });

  it('a check that could not be made says sealing still checks, and waits no one', () => {
    render(
      <App>
        <SealDialog open sealing={false} checkError="无法连接记录本服务" onConfirm={vi.fn()} onCancel={vi.fn()}>
          摘要
        </SealDialog>
      </App>,
    );
    expect(screen.getByTestId('seal-checks')).toHaveTextContent('确认封存时仍会检查');
    expect(screen.getByTestId('seal-confirm')).toBeEnabled();
  });
});

describe('an activity recorded late', () => {
  async function fill(date: string) {
    await userEvent.click(await screen.findByRole('radio', { name: '学习' }));
    fireEvent.change(screen.getByTestId('activity-title'), { target: { value: '集体学习' } });
    fireEvent.change(screen.getByTestId('activity-date'), { target: { value: date } });
    fireEvent.change(screen.getByLabelText('活动地点'), { target: { value: '学会会议室' } });
    fireEvent.change(screen.getByLabelText('组织者'), { target: { value: '张三' } });
    fireEvent.change(screen.getByTestId('activity-content'), { target: { value: '学习全会精神。' } });
  }

  // The real service, four days after the activity: its own check, and its own seal refusing nothing it did not show.
  it('shows the late-recording flag while typing and in the confirmation, from the check of the very input sealed', async () => {
    const { api: calls, bookId } = await realBook('2025-05-24T10:00');
    renderWithApi(
      <ActivityEditor
        bookId={bookId}
        draftId={`late-${Math.random().toString(36).slice(2)}`}
        onSealed={vi.fn()}
        onCancel={vi.fn()}
      />,
      calls,
    );
    await fill('2025-05-20');
    const panel = await screen.findByTestId('rule-panel');
    await waitFor(() => expect(within(panel).getByTestId('rule-flag')).toHaveTextContent('才记录'));
    expect(calls['entries.check']).toHaveBeenLastCalledWith({
      bookId,
      entry: { kind: 'activity', activity: { date: '2025-05-20', participantIds: [] } },
    });

    await userEvent.click(screen.getByTestId('seal-button'));
    const dialog = await screen.findByRole('dialog');
    await waitFor(() => expect(within(dialog).getByTestId('check-flags')).toHaveTextContent('将随记录一并封存的提示'));
    expect(within(dialog).getByTestId('rule-flag')).toHaveTextContent('才记录');
    // The confirmation's check is of the parsed input that will be sealed, not of the form.
    expect(calls['entries.check']).toHaveBeenLastCalledWith({
      bookId,
      entry: {
        kind: 'activity',
        activity: expect.objectContaining({ type: 'study', title: '集体学习', date: '2025-05-20' }) as unknown,
      },
    });
    expect(within(dialog).getByTestId('seal-confirm')).toBeEnabled();
  });

  it('a future date blocks before the seal is tried', async () => {
    const { api: calls, bookId } = await realBook('2025-05-24T10:00');
    renderWithApi(
      <ActivityEditor
        bookId={bookId}
        draftId={`future-${Math.random().toString(36).slice(2)}`}
        onSealed={vi.fn()}
        onCancel={vi.fn()}
      />,
      calls,
    );
    await fill('2025-06-01');
    await waitFor(() =>
      expect(within(screen.getByTestId('rule-panel')).getByTestId('check-blocking')).toHaveTextContent('晚于今天'),
    );
    await userEvent.click(screen.getByTestId('seal-button'));
    expect(await screen.findByTestId('seal-blocked')).toHaveTextContent('晚于今天');
    expect(screen.getByTestId('seal-confirm')).toBeDisabled();
    expect(calls['activities.seal']).not.toHaveBeenCalled();
  });
});
