/** The duty picker inside an editor: ticked duties appear in the confirmation and are sealed with the entry. */
import { fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ActivityEditor } from '../editors/activity-editor';
import { renderWithApi } from '../test/kit';
import { realBook } from '../test/real-service';

describe('duties in the activity editor', () => {
  it('seals what the clerk ticked, after showing it for confirmation', async () => {
    // The real service: its own suggestion (志愿服务 from the activity type) and its own seal.
    const { api: calls, bookId } = await realBook('2025-05-21T10:00');
    const onSealed = vi.fn();
    renderWithApi(
      <ActivityEditor bookId={bookId} draftId={`duty-draft-${Date.now()}`} onSealed={onSealed} onCancel={vi.fn()} />,
      calls,
    );
    await userEvent.click(await screen.findByRole('radio', { name: '志愿服务' }));
    fireEvent.change(screen.getByTestId('activity-title'), { target: { value: '科普进社区志愿服务' } });
    fireEvent.change(screen.getByTestId('activity-date'), { target: { value: '2025-05-20' } });
    fireEvent.change(screen.getByLabelText('活动地点'), { target: { value: '朝阳区某社区活动中心' } });
    fireEvent.change(screen.getByLabelText('组织者'), { target: { value: '张三' } });
    fireEvent.change(screen.getByTestId('activity-content'), { target: { value: '为社区居民讲解科普知识。' } });
    await userEvent.click(await screen.findByTestId('duty-accept'));
    await userEvent.click(screen.getByText(/3\. 党建与业务融合/));

    await userEvent.click(screen.getByTestId('seal-button'));
    expect(await screen.findByTestId('seal-summary')).toHaveTextContent('党建与业务融合、志愿服务');
    await userEvent.click(screen.getByTestId('seal-confirm'));
    await waitFor(() => expect(onSealed).toHaveBeenCalled());
    const seq = onSealed.mock.calls[0]![0] as number;
    const sealed = (await calls['entries.get']({ bookId, seq })) as { current: { input: { duties?: string[] } } };
    expect(sealed.current.input.duties).toEqual(['integration', 'volunteer']);
    expect(calls['activities.seal']).toHaveBeenCalledWith(
      expect.objectContaining({
        activity: expect.objectContaining({ duties: ['integration', 'volunteer'] }) as unknown,
      }),
    );
  });
});
