import { describe, expect, it } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { requestId } from '../../db/contract';
import { apiError, fakeApi, renderInBook, status } from '../test/kit';
import { HandoverCard } from './handover-card';

describe('the hand-over card', () => {
  it('sends a request id with the hand-over, and the same one again when the first reply failed', async () => {
    const user = userEvent.setup();
    let calls = 0;
    const api = fakeApi({
      'books.status': () => status(),
      'books.handover': () => {
        calls++;
        if (calls === 1) throw apiError('io', '连接中断，请重试');
        return status({ keyId: 'SHA256:NewKeyNewKeyNewKeyNewKeyNewKeyNewKey0123456' });
      },
    });
    renderInBook(<HandoverCard orgName="示例党建工作小组" />, api);
    await user.click(screen.getByTestId('handover-open'));
    await user.type(await screen.findByTestId('handover-reason'), '记录人由王芳变更为李娜');
    await user.click(screen.getByTestId('handover-confirm'));
    expect(await screen.findByText('连接中断，请重试')).toBeInTheDocument();
    await user.click(screen.getByTestId('handover-confirm'));
    expect(await screen.findByTestId('handover-done')).toBeInTheDocument();
    const sent = api['books.handover'].mock.calls.map((c) => (c[0] as { requestId: string }).requestId);
    expect(sent).toHaveLength(2);
    expect(requestId.safeParse(sent[0]).success).toBe(true);
    expect(sent[1]).toBe(sent[0]);
    await waitFor(() =>
      expect(api['books.handover']).toHaveBeenCalledWith(expect.objectContaining({ reason: '记录人由王芳变更为李娜' })),
    );
  }, 30_000);
});
