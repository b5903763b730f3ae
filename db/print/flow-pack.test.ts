/** Cutting a print into pages: the flow of items, the packer's rules, and a kind print knows only by its description. */
import { describe, expect, it } from 'vitest';
import type { EntryDescription, EntryDetail, FlowMeasure } from '../contract';
import type { ServiceContext } from '../service/service-context';
import { flowItems, sliceText, topLevel } from './flow';
import { MAX_SHEETS, pack } from './pack';
import { measureHtml, pagesHtml, type PrintModel } from './print-document';
import { entrySection } from './print-model';
import { fakeLayout } from './test-layout';

describe('the flow of a section', () => {
  it('splits top-level elements and knows blocks, headings, tables and prose', () => {
    const html =
      '<h3>议题</h3><p class="entry-ref">第 1 条<br>x</p>' +
      '<table class="list"><thead><tr><th>序号</th></tr></thead><tbody><tr><td>1</td></tr><tr><td>2</td></tr></tbody></table>' +
      '<div class="prose"><span class="sans">讨论：</span><span class="pre">甲&amp;乙</span></div>';
    expect(topLevel(html)).toHaveLength(4);
    const items = flowItems(html);
    expect(items.map((i) => i.kind)).toEqual(['block', 'block', 'table', 'text']);
    expect(items[0]).toMatchObject({ keep: true });
    expect(items[1]).toMatchObject({ keep: false });
    expect(items[2]).toMatchObject({
      head: '<tr><th>序号</th></tr>',
      rows: ['<tr><td>1</td></tr>', '<tr><td>2</td></tr>'],
    });
  });

  it('cuts prose by text offset, closing and reopening the marks it cuts through', () => {
    const inner = '<span class="sans">讨论：</span><del class="pre">甲&amp;乙丙</del><span class="corr">更正</span>';
    // textContent: 讨论：甲&乙丙更正 (offsets 0..9)
    expect(sliceText(inner, 0, 4)).toBe('<span class="sans">讨论：</span><del class="pre">甲</del>');
    expect(sliceText(inner, 4, 7)).toBe('<del class="pre">&amp;乙丙</del>');
    expect(sliceText(inner, 7)).toBe('<span class="corr">更正</span>');
    expect(sliceText(inner, 3) + '').toContain('<del class="pre">甲&amp;乙丙</del>');
  });
});

const flow = (items: FlowMeasure['items'], id = 'e1'): FlowMeasure => ({ id, items });

describe('pack', () => {
  const table = flowItems(
    `<h3>决议</h3><table class="list"><thead><tr><th>决议</th></tr></thead><tbody>${'<tr><td>x</td></tr>'.repeat(10)}</tbody></table>`,
  );

  it('breaks a table between rows, its header on every page, and keeps a heading with the first row', () => {
    const m = flow([{ h: 60 }, { h: 30 + 20 + 10 * 20, head: 20, rows: Array(10).fill(20) as number[] }]);
    const sheets = pack([table], [m], 200);
    expect(sheets.map((s) => s.parts)).toEqual([
      [
        { item: 0, kind: 'whole' },
        { item: 1, kind: 'rows', from: 0, to: 4 },
      ],
      [{ item: 1, kind: 'rows', from: 4, to: 10 }],
    ]);
    // No room for the heading and a first row: both go to the next page.
    const late = pack([flowItems('<p>a</p>').concat(table)], [flow([{ h: 120 }, ...m.items])], 200);
    expect(late.map((s) => s.parts.map((p) => p.item))).toEqual([[0], [1, 2], [2]]);
  });

  it('breaks prose between lines, at least two on each side, and starts every flow on a page of its own', () => {
    const prose = flowItems('<div class="prose">一二三四五六七八九十</div>');
    const lines = Array.from({ length: 10 }, (_, i): [number, number] => [i, i * 20]);
    const sheets = pack(
      [prose, prose],
      [flow([{ h: 200, lines }]), flow([{ h: 40, lines: lines.slice(0, 2) }], 'e2')],
      130,
    );
    expect(sheets.map((s) => [s.flow, s.parts])).toEqual([
      [0, [{ item: 0, kind: 'text', from: 0, to: 6 }]],
      [0, [{ item: 0, kind: 'text', from: 6 }]],
      [1, [{ item: 0, kind: 'whole' }]],
    ]);
  });

  it('ends on measurements no browser gives (a prose block far taller than its lines), never looping', () => {
    // Found by the check-page work: this layout made pack() add parts for ever, until the process died.
    const prose = flowItems('<p class="prose">' + '一'.repeat(40) + '</p>');
    const lines = Array.from({ length: 10 }, (_, i): [number, number] => [i, i * 20]);
    const sheets = pack([prose], [flow([{ h: 2400, lines }])], 900);
    expect(sheets.length).toBeGreaterThan(0);
    expect(sheets.length).toBeLessThanOrEqual(10);
    const parts = sheets.flatMap((s) => s.parts);
    expect(parts.at(-1)).toMatchObject({ kind: 'text', from: 9 });
    expect(parts.at(-1)).not.toHaveProperty('to');
  });

  it('refuses measurements that would make more pages than any print has', () => {
    const table = flowItems(
      `<table class="list"><thead><tr><th>x</th></tr></thead><tbody>${'<tr><td>x</td></tr>'.repeat(MAX_SHEETS + 1)}</tbody></table>`,
    );
    const m = flow([{ h: 10, head: 0, rows: Array(MAX_SHEETS + 1).fill(900) as number[] }]);
    expect(() => pack([table], [m], 500)).toThrow('不是浏览器的测量结果');
  });

  it('refuses measurements that are not of these flows', () => {
    expect(() => pack([table], [flow([{ h: 1 }])], 200)).toThrow('排版测量与打印内容不符');
    expect(() => pack([table], [flow([{ h: 1 }, { h: 1, rows: [1] }])], 200)).toThrow('排版测量与打印内容不符');
  });
});

describe('a kind print knows only by its description', () => {
  const description: EntryDescription = {
    title: '抽查报告',
    fields: [
      { path: ['checkedOn'], label: '抽查日期', show: 'date' },
      { path: ['inspector'], label: '抽查人', show: 'text' },
      { path: ['findings'], label: '发现的问题', show: 'longText' },
      {
        path: ['items'],
        label: '抽查项目',
        show: 'list',
        item: '项目',
        fields: [
          { path: ['name'], label: '项目', show: 'text' },
          { path: ['result'], label: '结论', show: 'text' },
        ],
      },
      { path: ['token'], label: '内部编号', show: 'code', technical: true },
    ],
  };
  const detail = {
    summary: {
      seq: 7,
      kind: 'future.report',
      kindLabel: '抽查报告',
      title: '上半年抽查',
      date: '2025-05-06',
      recordedAt: '2025-05-06T02:00:00.000Z',
      flags: [],
      memberIds: [],
      correctedBy: [],
    },
    hash: 'ab12cd34'.repeat(8),
    prev: '',
    author: '',
    original: {
      input: {
        checkedOn: '2025-05-06',
        inspector: '刘联络',
        findings: '会议纪要备案及时。\n个别活动记录缺少照片。',
        items: [
          { name: '会议记录', result: '合格' },
          { name: '活动记录', result: '基本合格' },
        ],
        token: 'zz-internal',
      },
    },
    corrections: [],
    current: undefined,
    ledgerFlags: [],
  } as EntryDetail;

  it('prints from the description through the generic path, readable, with its pages and codes', () => {
    const entry = entrySection(
      {} as ServiceContext,
      'b',
      detail,
      (id) => id,
      (kind) => (kind === 'future.report' ? description : undefined),
    );
    expect(entry.body).toContain('<h2>抽查报告</h2>');
    for (const s of [
      '抽查日期',
      '2025年5月6日',
      '抽查人',
      '刘联络',
      '发现的问题',
      '个别活动记录缺少照片',
      '抽查项目',
      '基本合格',
    ])
      expect(entry.body).toContain(s);
    expect(entry.body).not.toContain('zz-internal');
    const model: PrintModel = {
      bookId: '0f0e0d0c-0000-4000-8000-000000000000',
      bookName: '记录本',
      organisation: null,
      scope: { kind: 'entry', seq: 7 },
      paper: 'A4',
      checkpoint: { size: 9, fingerprint: 'ABCDEF12', time: '' },
      entries: [entry],
    };
    const printed = pagesHtml(model, fakeLayout(measureHtml(model)));
    expect(printed.pages[0]).toMatchObject({ page: 1, seq: 7 });
    expect(printed.pages[0]!.code).toMatch(/^DJ2\/0F0E0D0C\/E7\/9\/ABCDEF12\/7\/AB12CD34\/1-\d+$/);
    expect(printed.html).toContain('个别活动记录缺少照片');
  });

  it('without a description, refuses to print it rather than guess', () => {
    expect(() => entrySection({} as ServiceContext, 'b', detail, (id) => id)).toThrow('较新版本的软件');
  });
});
