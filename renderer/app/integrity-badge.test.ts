import { describe, expect, it } from 'vitest';
import { status } from '../test/kit';
import { describeIntegrity } from './integrity-badge';

const report = (
  over: Partial<{
    ok: boolean;
    size: number;
    ms: number;
    problems: { code: string; seq?: number; message: string }[];
  }> = {},
) => ({
  ok: true,
  size: 12,
  root: null,
  problems: [],
  ms: 400,
  checkedAt: '2025-03-18T02:00:00.000Z',
  full: true,
  ...over,
});

describe('what the badge claims', () => {
  it('names the quick check while the full verify runs, with its progress', () => {
    const s = status({ verification: { state: 'running', done: 50, total: 200 } });
    expect(describeIntegrity(s, false)).toEqual({ state: 'running', text: '快速检查通过 · 完整校验中 25%' });
  });
  it('says how many entries the full verify saw, and how many were sealed after it', () => {
    expect(
      describeIntegrity(
        status({ size: 12, verification: { state: 'done', done: 12, total: 12, report: report() } }),
        false,
      ),
    ).toEqual({ state: 'ok', text: '完整校验通过（12 条，0.4 秒）' });
    expect(
      describeIntegrity(
        status({ size: 14, verification: { state: 'done', done: 12, total: 12, report: report() } }),
        false,
      ).text,
    ).toBe('完整校验通过（12 条，0.4 秒） · 其后新增 2 条');
  });
  it('names the first bad entry of a failed verify or a remembered one, never "passed"', () => {
    const failed = report({ ok: false, problems: [{ code: 'hash-mismatch', seq: 5, message: '第 5 条被改动' }] });
    expect(
      describeIntegrity(status({ verification: { state: 'done', done: 5, total: 12, report: failed } }), false),
    ).toEqual({ state: 'problem', text: '校验未通过（第 5 条）' });
    const alarm = {
      at: '2025-03-18T02:00:00.000Z',
      problems: [{ code: 'not-in-checkpoint', seq: 9, message: '第 9 条' }],
    };
    expect(describeIntegrity(status({ alarm }), false)).toEqual({ state: 'problem', text: '校验未通过（第 9 条）' });
    expect(
      describeIntegrity(
        status({
          integrity: report({ ok: false, full: false } as never),
          verification: { state: 'running', done: 0, total: 12 },
        }),
        false,
      ).state,
    ).toBe('problem');
  });
});
