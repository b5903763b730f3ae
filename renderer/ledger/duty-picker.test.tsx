import { describe, expect, it, vi } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { fakeApi, renderInBook, status } from '../test/kit';
import { DutyPicker, dutiesOf, formText, type DutyForm } from './duty-picker';

function Harness({ initial, seen }: { initial: DutyForm & { content: string }; seen: (f: DutyForm) => void }) {
  const [form, setFormState] = useState(initial);
  const setForm = (change: Partial<typeof form>) =>
    setFormState((f) => {
      const next = { ...f, ...change };
      seen(next);
      return next;
    });
  return <DutyPicker kind="activity" form={form} setForm={setForm} />;
}

describe('duty picker', () => {
  it('shows the service’s suggestions, counts only what is ticked, and adopts suggestions on request', async () => {
    const user = userEvent.setup();
    const seen = vi.fn();
    const api = fakeApi({
      'books.status': () => status(),
      'duties.suggest': (i: { kind: string; type?: string; text: string }) =>
        i.text.includes('科普')
          ? [
              { duty: 'integration', label: '党建与业务融合', reason: '内容提到“科普”' },
              { duty: 'volunteer', label: '志愿服务', reason: '活动类型为志愿服务' },
            ]
          : [],
    });
    renderInBook(<Harness initial={{ type: 'volunteer', content: '开展科普讲座', duties: [] }} seen={seen} />, api);
    expect(await screen.findByText(/根据内容建议：党建与业务融合、志愿服务/)).toBeInTheDocument();
    expect(api['duties.suggest']).toHaveBeenCalledWith({
      kind: 'activity',
      type: 'volunteer',
      text: 'volunteer\n开展科普讲座',
    });

    await user.click(screen.getByText(/9\. 请示报告/));
    expect(seen).toHaveBeenLastCalledWith(expect.objectContaining({ duties: ['reporting'] }));
    await user.click(screen.getByTestId('duty-accept'));
    // Kept in the table's order, whatever the order of clicks.
    await waitFor(() =>
      expect(seen).toHaveBeenLastCalledWith(
        expect.objectContaining({ duties: ['integration', 'volunteer', 'reporting'] }),
      ),
    );
    expect(screen.queryByTestId('duty-accept')).toBeNull();
  });

  it('seals no field when nothing is ticked, and reads every typed string', () => {
    expect(dutiesOf({ duties: [] })).toBeUndefined();
    expect(dutiesOf({})).toBeUndefined();
    expect(dutiesOf({ duties: ['volunteer', 'political-guarantee'] })).toEqual(['political-guarantee', 'volunteer']);
    expect(formText({ a: '甲', b: [{ c: '乙' }, 3], d: true })).toEqual(['甲', '乙']);
  });
});
