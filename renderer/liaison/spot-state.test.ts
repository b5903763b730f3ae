import { describe, expect, it } from 'vitest';
import { checkedCount, missingBeforeSeal, sealInput, startState } from './spot-state';
import { parseRoute, routeHash, type Route } from '../app/routes';
import { DRAW } from './test-fixtures';

describe('a spot check in progress', () => {
  it('names everything still missing before the seal, in Chinese', () => {
    const state = startState(DRAW);
    expect(checkedCount(state)).toBe(0);
    expect(missingBeforeSeal(state)).toEqual([
      '第 3 条记录尚未判定：准确、规范、完整、原始',
      '第 7 条记录尚未判定：准确、规范、完整、原始',
      '请选择抽查结论',
    ]);
    const marked = {
      ...state,
      findings: [
        { seq: 3, checks: { accurate: 'ok', standard: 'problem', complete: 'ok', original: 'ok' } as const, note: '' },
        { seq: 7, checks: { accurate: 'ok', standard: 'ok', complete: 'ok', original: 'ok' } as const, note: '' },
      ],
      conclusion: 'rectify' as const,
    };
    expect(checkedCount(marked)).toBe(2);
    expect(missingBeforeSeal(marked)).toEqual([
      '第 3 条记录有问题，请在说明中写明问题',
      '请写明需整改的内容',
      '请选择整改期限',
    ]);
  });

  it('seals the sample exactly as drawn, with the scope asked for and each finding', () => {
    const state = {
      ...startState(DRAW),
      findings: [
        {
          seq: 3,
          checks: { accurate: 'ok', standard: 'problem', complete: 'ok', original: 'ok' } as const,
          note: '备案逾期',
        },
        { seq: 7, checks: { accurate: 'ok', standard: 'ok', complete: 'ok', original: 'ok' } as const, note: '' },
      ],
      conclusion: 'rectify' as const,
      rectifyWhat: '按期备案纪要',
      rectifyBy: '2025-06-30',
    };
    expect(missingBeforeSeal(state)).toEqual([]);
    expect(sealInput(state, 'req-12345678')).toEqual({
      requestId: 'req-12345678',
      bookId: DRAW.bookId,
      size: 12,
      root: DRAW.root,
      sample: { seed: DRAW.sample.seed, count: 2, populationSize: 12, scope: { type: 'all' }, seqs: [3, 7] },
      findings: [
        { seq: 3, checks: { accurate: 'ok', standard: 'problem', complete: 'ok', original: 'ok' }, note: '备案逾期' },
        { seq: 7, checks: { accurate: 'ok', standard: 'ok', complete: 'ok', original: 'ok' }, note: '' },
      ],
      conclusion: 'rectify',
      rectify: { what: '按期备案纪要', by: '2025-06-30' },
    });
  });
});

describe('the liaison routes', () => {
  it('round-trip through the hash, and a malformed one falls back to the workspace', () => {
    const routes: Route[] = [
      { page: 'workspace' },
      { page: 'liaison' },
      { page: 'receipts' },
      { page: 'spot-check', bookId: DRAW.bookId },
      { page: 'evidence', alarmId: 4 },
    ];
    for (const r of routes) expect(parseRoute(routeHash(r))).toEqual(r);
    expect(parseRoute('#/spot-check/<script>')).toEqual({ page: 'workspace' });
    expect(parseRoute('#/evidence/-1')).toEqual({ page: 'workspace' });
  });
});
