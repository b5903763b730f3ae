/** print.pages and print.checkCode through the real service (no browser: db/print is pure HTML). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDemo } from '../demo/index';
import { openHarness, type Harness } from '../service/test/service-harness';

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

const pages = (input: Record<string, unknown>) => h.call('print.pages', { bookId, ...input });
const check = (code: string) => h.call('print.checkCode', { code });

describe('print.pages', () => {
  it('prints one entry without cover: its code at the foot, its QR at the head, no script', async () => {
    const v = await pages({ seqs: [8] });
    expect(v.coverCode).toBeUndefined();
    expect(v.entries).toHaveLength(1);
    expect(v.entries[0]!.code).toMatch(/^DJ1\/[0-9A-F]{8}\/E8\/\d+\/[0-9A-F]{8}\/8\/[0-9A-F]{8}$/);
    expect(v.html).toContain(`核对码 ${v.entries[0]!.code}`);
    expect(v.html).toContain('@page p-e8');
    expect(v.html).toContain('url("data:image/svg+xml;base64,');
    expect(v.html).not.toMatch(/<script|javascript:|https?:\/\//i);
    expect(v.html).toContain('size: A4');
    expect((await pages({ seqs: [8], paper: 'B5' })).html).toContain('size: B5');
  });

  it('prints a year with cover and contents, corrections beside their originals (not as entries of their own)', async () => {
    const v = await pages({ year: 2023 });
    expect(v.coverCode).toMatch(/\/Y2023\/.*\/0\//);
    expect(v.entries.some((e) => e.kindLabel === '更正')).toBe(false);
    expect(v.html).toContain('目\u3000录');
    expect(v.html).toContain('<del class="pre">');
    expect(v.html).toContain('更正记录');
    const starts = v.entries.map((_, i) => i + 3);
    const numbered = await pages({ year: 2023, pageStarts: starts });
    expect(numbered.entries.map((e) => e.page)).toEqual(starts);
    expect(numbered.html).toContain(`第 ${starts.at(-1)} 页`);
  });

  it('refuses a mixed or empty scope, page numbers that do not fit, and a range with nothing in it', async () => {
    await expect(pages({ seqs: [8], year: 2023 })).rejects.toMatchObject({ code: 'invalid-input' });
    await expect(pages({})).rejects.toMatchObject({ code: 'invalid-input' });
    await expect(pages({ from: '2024-05-01', to: '2024-01-01' })).rejects.toMatchObject({
      message: expect.stringContaining('开始日期不能晚于结束日期') as string,
    });
    await expect(pages({ year: 2023, pageStarts: [3] })).rejects.toMatchObject({
      message: expect.stringContaining('页码与打印的记录条数不符') as string,
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
    const ok = await check(e.code.toLowerCase());
    expect(ok).toMatchObject({ accepted: true, bookId, seq: 8, scope: '2023 年度' });
    expect(ok.checks.map((c) => c.ok)).toEqual([true, true]);
    expect(ok.html).toContain(`核对码 ${e.code}`);
    expect((await check(v.coverCode!)).accepted).toBe(true);
  });

  it('refuses a one-character change of the entry fingerprint, saying what the record holds', async () => {
    const code = (await pages({ seqs: [8] })).entries[0]!.code.split('/');
    const fp = code[6]!;
    code[6] = (fp[0] === 'A' ? 'B' : 'A') + fp.slice(1);
    const r = await check(code.join('/'));
    expect(r.accepted).toBe(false);
    expect(r.reason).toContain('条目指纹不符');
    expect(r.checks.find((c) => c.label === '条目指纹')?.detail).toContain(fp);
    expect(r.html).toBeDefined();
  });

  it('refuses a page the print never had, a cover of a print without one, a foreign book, a future checkpoint', async () => {
    const one = (await pages({ seqs: [8] })).entries[0]!.code.split('/');
    const y2024 = (await pages({ year: 2024 })).entries[0]!.code.split('/');
    const claim = [...one.slice(0, 5), y2024[5], y2024[6]].join('/');
    expect((await check(claim)).reason).toContain(`打印中没有第 ${y2024[5]} 条记录`);
    expect((await check([...one.slice(0, 5), '0', one[4]].join('/'))).reason).toContain('没有封面和目录页');
    expect((await check(['DJ1', '00000000', ...one.slice(2)].join('/'))).reason).toContain(
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
    const before = (await pages({ seqs: [8] })).entries[0]!.code;
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
