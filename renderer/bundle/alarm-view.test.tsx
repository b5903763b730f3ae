import { describe, expect, it } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import type { BundleAlarmView } from '../../db/contract';
import { AlarmView } from './alarm-view';

const side = (size: number, root: string, time: string, keyId: string) => ({
  size,
  root,
  time,
  keyId,
  signature: `sig-${size}`,
});

describe('the bundle alarm view', () => {
  it('shows both signed checkpoints side by side, the differing values marked, and where the evidence is', () => {
    const alarm: BundleAlarmView = {
      id: 3,
      bookId: 'b-1',
      kind: 'rollback',
      kindLabel: '回滚警报',
      at: '2026-12-01T09:00:00.000Z',
      message: '回滚警报：包只有 7 条，本机上次核验时已有 9 条（旧包或记录被删减）。',
      pinned: side(9, 'aa'.repeat(32), '2026-12-01T08:00:00.000Z', 'SHA256:key'),
      found: side(7, 'bb'.repeat(32), '2026-11-30T08:00:00.000Z', 'SHA256:key'),
      bundleSha256: 'cc'.repeat(32),
      evidenceFile: '2026-12-01-b-1.zip',
    };
    render(<AlarmView alarm={alarm} />);
    const table = screen.getByTestId('bundle-alarm-checkpoints');
    const row = (label: string) => within(table).getByText(label).closest('tr')!;
    expect(row('记录条数').textContent).toContain('9 条');
    expect(row('记录条数').textContent).toContain('7 条');
    expect(row('默克尔树根').textContent).toContain('aa'.repeat(32));
    expect(row('默克尔树根').textContent).toContain('bb'.repeat(32));
    expect(row('签名密钥指纹').querySelectorAll('.alarm-differs')).toHaveLength(0);
    expect(row('记录条数').querySelectorAll('.alarm-differs')).toHaveLength(1);
    expect(screen.getByTestId('bundle-alarm').textContent).toContain('回滚警报');
    expect(screen.getByTestId('bundle-alarm').textContent).toContain('evidence/2026-12-01-b-1.zip');
  });

  it('names the receipt, not a pin, as the other side of a checked-history alarm', () => {
    const alarm: BundleAlarmView = {
      id: 5,
      bookId: 'b-2',
      kind: 'checked-history',
      kindLabel: '已查历史被改写警报',
      at: '2026-12-01T09:00:00.000Z',
      message: '已查历史被改写警报：前 7 条已被改写。',
      pinned: side(7, 'aa'.repeat(32), '2026-12-01T08:00:00.000Z', 'SHA256:liaison'),
      found: side(9, 'bb'.repeat(32), '2026-12-01T08:30:00.000Z', 'SHA256:book'),
      bundleSha256: 'cc'.repeat(32),
      evidenceFile: null,
    };
    render(<AlarmView alarm={alarm} />);
    const card = screen.getByTestId('bundle-alarm');
    expect(card.textContent).toContain('联络员回执确认的状态');
    expect(card.textContent).not.toContain('本机上次核验并固定的检查点');
    expect(card.textContent).toContain('回执有联络员密钥的签名');
  });
});
