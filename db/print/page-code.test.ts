import { describe, expect, it } from 'vitest';
import { bookShort, fingerprint, formatCode, parseCode, type PageCode, type PrintScope } from './page-code';

const CODE: PageCode = {
  book: 'A2B7390F',
  scope: { kind: 'year', year: 2025 },
  checkpointSize: 69,
  checkpoint: '6270CB11',
  seq: 68,
  entry: 'E7DDAFD8',
};

describe('page codes', () => {
  it('round-trip every kind of print, forgiving case and spaces', () => {
    const scopes: PrintScope[] = [
      CODE.scope,
      { kind: 'range', from: '2025-01-01', to: '2025-06-30' },
      { kind: 'entry', seq: 8 },
      { kind: 'selection', seqs: [3, 12, 15] },
    ];
    for (const scope of scopes) {
      const text = formatCode({ ...CODE, scope });
      expect(parseCode(` ${text.toLowerCase()} `)).toEqual({ ok: true, code: { ...CODE, scope } });
    }
    expect(formatCode(CODE)).toBe('DJ1/A2B7390F/Y2025/69/6270CB11/68/E7DDAFD8');
    const paged = { ...CODE, page: { n: 3, total: 5 } };
    expect(formatCode(paged)).toBe('DJ2/A2B7390F/Y2025/69/6270CB11/68/E7DDAFD8/3-5');
    expect(parseCode('dj2/a2b7390f/y2025/69/6270cb11/68/e7ddafd8/3-5')).toEqual({ ok: true, code: paged });
    const ledger = { ...paged, scope: { kind: 'ledger', year: 2025 } as const };
    expect(parseCode(formatCode(ledger))).toEqual({ ok: true, code: ledger });
  });

  it('uses only QR alphanumeric characters', () => {
    expect(formatCode({ ...CODE, scope: { kind: 'selection', seqs: [1, 2] } })).toMatch(/^[0-9A-Z $%*+\-./:]+$/);
  });

  it('refuses what is not a page code, saying why', () => {
    const refuse = (text: string) => {
      const r = parseCode(text);
      expect(r.ok).toBe(false);
      return r.ok ? '' : r.reason;
    };
    expect(refuse('')).toContain('请输入');
    expect(refuse('XX1/A2B7390F/Y2025/69/6270CB11/68/E7DDAFD8')).toContain('DJ2/');
    expect(refuse('DJ2/A2B7390F/Y2025/69/6270CB11/68/E7DDAFD8')).toContain('8 段');
    expect(refuse('DJ2/A2B7390F/Y2025/69/6270CB11/68/E7DDAFD8/6-5')).toContain('只有 5 页');
    expect(refuse('DJ2/A2B7390F/Y2025/69/6270CB11/68/E7DDAFD8/0-5')).toContain('页码无效');
    expect(refuse('DJ2/A2B7390F/Y2025/69/6270CB11/68/E7DDAFD8/3')).toContain('页码无效');
    expect(refuse('DJ1/A2B7390F/Y2025/69/6270CB11/68')).toContain('7 段');
    expect(refuse('DJ1/A2B7390F/R20250231-20250301/69/6270CB11/68/E7DDAFD8')).toContain('打印范围');
    expect(refuse('DJ1/A2B7390F/R20250601-20250101/69/6270CB11/68/E7DDAFD8')).toContain('打印范围');
    expect(refuse('DJ1/A2B7390F/L5.3/69/6270CB11/68/E7DDAFD8')).toContain('打印范围');
    expect(refuse('DJ1/A2B7390F/Y2025/0/6270CB11/68/E7DDAFD8')).toContain('校验点条数');
    expect(refuse('DJ1/A2B7390F/Y2025/69/6270CB1G/68/E7DDAFD8')).toContain('校验点指纹');
    expect(refuse('DJ1/A2B7390F/Y2025/69/6270CB11/68/E7DDAFD')).toContain('条目指纹');
    expect(refuse('DJ1/' + 'A'.repeat(500))).toContain('过长');
  });

  it('shortens ids and hashes to their first 8 hex digits, upper case', () => {
    expect(bookShort('a2b7390f-0e6b-4b59-a1a8-77e3d55479c0')).toBe('A2B7390F');
    expect(fingerprint('e7ddafd8aa00')).toBe('E7DDAFD8');
  });
});
