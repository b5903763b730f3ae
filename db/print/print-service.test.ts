/** print.pages and print.checkCode through the real service (no browser: db/print is pure HTML). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDemo } from '../demo/index';
import { openHarness, type Harness } from '../service/test/service-harness';
import { fakeLayout } from './test-layout';

let h: Harness;
let bookId = '';

beforeAll(async () => {
  h = openHarness();
  ({ bookId } = await runDemo(
    (m, i) => h.call(m, i),
    (t) => h.setNow(t),
    { entries: 60, seed: 11 },
  ));
}, 60_000);
afterAll(() => h.cleanup());

const measuring = (input: Record<string, unknown>) => h.call('print.pages', { bookId, ...input });
/** The pages of a print, cut from a made-up layout of its measuring document. */
const pages = async (input: Record<string, unknown>) =>
  h.call('print.pages', { bookId, ...input, layout: fakeLayout((await measuring(input)).html) });
const check = (code: string) => h.call('print.checkCode', { code });

describe('print.pages', () => {
  it('gives the measuring document first: every flow at the page width, no script', async () => {
    const v = await measuring({ seqs: [8] });
    expect(v.stage).toBe('measure');
    expect(v.pages).toEqual([]);
    // No code before the pages are cut: a code names its page.
    expect(v.entries.map((e) => e.code)).toEqual([undefined]);
    expect(v.html).toContain('<div class="flow" data-flow="e8">');
    expect(v.html).not.toMatch(/<script|javascript:|https?:\/\//i);
  });

  it('prints one entry without cover: each page its own code at the foot and QR at the head, no script', async () => {
    const v = await pages({ seqs: [8] });
    expect(v.stage).toBe('pages');
    expect(v.coverCode).toBeUndefined();
    expect(v.entries).toHaveLength(1);
    const total = v.pages.length;
    expect(total).toBeGreaterThanOrEqual(1);
    v.pages.forEach((p, i) => {
      expect(p).toMatchObject({ page: i + 1, seq: 8 });
      expect(p.code).toMatch(new RegExp(`^DJ2/[0-9A-F]{8}/E8/\\d+/[0-9A-F]{8}/8/[0-9A-F]{8}/${i + 1}-${total}$`));
      expect(v.html).toContain(`核对码 ${p.code}`);
      expect(v.html).toContain(`第 ${i + 1} 页 / 共 ${total} 页`);
    });
    expect(v.entries[0]!.code).toBe(v.pages[0]!.code);
    expect(v.html.match(/<div class="sheet /g)).toHaveLength(total);
    expect(v.html).toContain('<img class="qr" alt="" src="data:image/svg+xml;base64,');
    expect(v.html).not.toMatch(/<script|javascript:|https?:\/\//i);
    expect(v.html).toContain('size: A4');
    expect((await pages({ seqs: [8], paper: 'B5' })).html).toContain('size: B5');
  });

  it('prints a year with cover and contents numbered where each entry begins, corrections beside their originals', async () => {
    const v = await pages({ year: 2023 });
    expect(v.coverCode).toBe(v.pages[0]!.code);
    expect(v.coverCode).toMatch(/\/Y2023\/.*\/0\/[0-9A-F]{8}\/1-\d+$/);
    expect(v.entries.some((e) => e.kindLabel === '更正')).toBe(false);
    expect(v.html).toContain('目\u3000录');
    expect(v.html).toContain('<del class="pre">');
    expect(v.html).toContain('更正记录');
    for (const e of v.entries) {
      expect(v.pages[e.page! - 1]).toMatchObject({ seq: e.seq, code: e.code });
      expect(v.pages[e.page! - 2]!.seq).not.toBe(e.seq);
      expect(v.html).toContain(`<td class="page">第 ${e.page} 页</td>`);
    }
  });

  it('refuses a mixed or empty scope, measurements of another print, and a range with nothing in it', async () => {
    await expect(pages({ seqs: [8], year: 2023 })).rejects.toMatchObject({ code: 'invalid-input' });
    await expect(pages({})).rejects.toMatchObject({ code: 'invalid-input' });
    await expect(pages({ from: '2024-05-01', to: '2024-01-01' })).rejects.toMatchObject({
      message: expect.stringContaining('开始日期不能晚于结束日期') as string,
    });
    const other = fakeLayout((await measuring({ seqs: [9] })).html);
    await expect(measuring({ year: 2023, layout: other })).rejects.toMatchObject({
      message: expect.stringContaining('排版测量与打印内容不符') as string,
    });
    await expect(pages({ year: 2031 })).rejects.toMatchObject({ message: '所选范围内没有可打印的记录' });
    await expect(pages({ seqs: [9999] })).rejects.toMatchObject({ code: 'print-empty' });
  });

  it('prints a date range across years', async () => {
    const v = await pages({ from: '2023-11-01', to: '2024-03-31' });
    expect(v.entries.every((e) => e.date >= '2023-11-01' && e.date <= '2024-03-31')).toBe(true);
    expect(new Set(v.entries.map((e) => e.date.slice(0, 4)))).toEqual(new Set(['2023', '2024']));
  });
});

describe('print.checkCode', () => {
  it('accepts a printed page and a cover, naming the book, entry and print', async () => {
    const v = await pages({ year: 2023 });
    const e = v.entries.find((x) => x.seq === 8)!;
    const ok = await check(e.code!.toLowerCase());
    expect(ok).toMatchObject({ accepted: true, bookId, seq: 8, scope: '2023 年度', page: e.page });
    expect(ok.checks.map((c) => [c.label, c.ok])).toEqual([
      ['校验点指纹', true],
      ['页码', true],
      ['条目指纹', true],
    ]);
    expect(ok.html).toContain('第 8 条');
    expect(await check(v.coverCode!)).toMatchObject({ accepted: true, seq: 0, page: 1 });
    // A page number beyond the print's last page is refused.
    const beyond = e.code!.replace(/\/(\d+)-(\d+)$/, (_, __, t: string) => `/${Number(t) + 1}-${t}`);
    expect((await check(beyond)).reason).toContain('只有');
    // A page printed before pages had their own codes (DJ1, per entry) is still checked, without a page number.
    const legacy = e.code!.replace(/^DJ2/, 'DJ1').replace(/\/\d+-\d+$/, '');
    const old = await check(legacy);
    expect(old).toMatchObject({ accepted: true, seq: 8 });
    expect(old.page).toBeUndefined();
    expect(old.checks.find((c) => c.label === '页码')?.detail).toContain('旧版核对码');
  });

  it('refuses a one-character change of the entry fingerprint, saying what the record holds', async () => {
    const code = (await pages({ seqs: [8] })).entries[0]!.code!.split('/');
    const fp = code[6]!;
    code[6] = (fp[0] === 'A' ? 'B' : 'A') + fp.slice(1);
    const r = await check(code.join('/'));
    expect(r.accepted).toBe(false);
    expect(r.reason).toContain('条目指纹不符');
    expect(r.checks.find((c) => c.label === '条目指纹')?.detail).toContain(fp);
    expect(r.html).toBeDefined();
  });

  it('refuses a page the print never had, a cover of a print without one, a foreign book, a future checkpoint', async () => {
    const one = (await pages({ seqs: [8] })).entries[0]!.code!.split('/');
    const y2024 = (await pages({ year: 2024 })).entries[0]!.code!.split('/');
    const claim = [...one.slice(0, 5), y2024[5], y2024[6], one[7]].join('/');
    expect((await check(claim)).reason).toContain(`打印中没有第 ${y2024[5]} 条记录`);
    expect((await check([...one.slice(0, 5), '0', one[4], one[7]].join('/'))).reason).toContain('没有封面和目录页');
    expect((await check(['DJ2', '00000000', ...one.slice(2)].join('/'))).reason).toContain(
      '本机没有编号为 00000000 的记录本',
    );
    expect((await check([...one.slice(0, 3), '99999', ...one.slice(4)].join('/'))).reason).toContain('记录本只有');
    const cp = one[4]!;
    expect(
      (await check([...one.slice(0, 4), cp.replace(/^./, cp[0] === 'F' ? 'E' : 'F'), ...one.slice(5)].join('/')))
        .reason,
    ).toContain('校验点指纹不符');
  });

  it('still accepts an old page after more is sealed, showing the entry as it was at that print', async () => {
    const before = (await pages({ seqs: [8] })).entries[0]!.code!;
    await h.call('entries.correct', {
      bookId,
      seq: 8,
      field: '/input/recorder',
      value: '另一位记录人',
      reason: '核对签到表',
      by: '测试',
    });
    const r = await check(before);
    expect(r.accepted).toBe(true);
    expect(r.html).not.toContain('另一位记录人');
    const after = await pages({ seqs: [8] });
    expect(after.html).toContain('另一位记录人');
    expect(after.entries[0]!.code).not.toBe(before);
  });
});

describe('print.pages at a checkpoint size (核对纸质页 makes an old print again)', () => {
  it('leaves out a correction and an entry sealed later, gives the old codes again, refuses a size beyond the book', async () => {
    const before = await pages({ year: 2023 });
    const size = before.checkpoint.size;
    const code = before.entries.find((e) => e.seq === 8)!.code!;
    const checked = await check(code);
    expect(checked.reprint).toEqual({ year: 2023, atSize: size });
    await h.call('entries.correct', {
      bookId,
      seq: 8,
      field: '/input/recorder',
      value: '第三位记录人',
      reason: '再次核对签到表',
      by: '测试',
    });
    const later = size + 1;
    // Now: the correction prints beside seq 8, and as an entry of its own in a selection.
    expect((await pages({ year: 2023 })).html).toContain('第三位记录人');
    const both = await pages({ seqs: [8, later] });
    expect(both.entries.map((e) => e.seq)).toEqual([8, later]);
    // At the old size: neither the later correction nor the later entry, and the very same pages and codes.
    const old = await pages({ year: 2023, atSize: size });
    expect(old.html).not.toContain('第三位记录人');
    expect(old.checkpoint.size).toBe(size);
    expect(old.pages).toEqual(before.pages);
    const oldBoth = await pages({ seqs: [8, later], atSize: size });
    expect(oldBoth.entries.map((e) => e.seq)).toEqual([8]);
    expect(oldBoth.html).not.toContain('第三位记录人');
    await expect(check(code)).resolves.toMatchObject({ accepted: true, reprint: { year: 2023, atSize: size } });
    await expect(pages({ seqs: [8], atSize: later + 5 })).rejects.toMatchObject({
      message: `记录本只有 ${later} 条，没有第 ${later + 5} 条的校验点`,
    });
    await expect(measuring({ seqs: [8], atSize: 0 })).rejects.toMatchObject({ code: 'invalid-input' });
    // A DJ1 code names no page: nothing to make again.
    expect((await check(code.replace(/^DJ2/, 'DJ1').replace(/\/\d+-\d+$/, ''))).reprint).toBeUndefined();
  });
});
