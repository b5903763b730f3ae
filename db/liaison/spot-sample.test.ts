import { describe, expect, it } from 'vitest';
import { drawSample, newSeed, redrawMatches, SAMPLE_METHOD } from './spot-sample';

const seqs = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

describe('spot-check sample', () => {
  it('re-draws the same seqs from the recorded seed and book size', () => {
    const seed = newSeed();
    const record = drawSample(seed, seqs(120), 5);
    expect(record).toMatchObject({ method: SAMPLE_METHOD, seed, count: 5, populationSize: 120 });
    expect(record.seqs).toHaveLength(5);
    expect(new Set(record.seqs).size).toBe(5);
    expect(drawSample(seed, seqs(120), 5).seqs).toEqual(record.seqs);
    expect(redrawMatches(record, seqs(120))).toBe(true);
  });

  it('is fixed by the method: a known seed gives known seqs (any implementation can check it)', () => {
    const record = drawSample('00'.repeat(32), seqs(100), 5);
    expect(record.seqs).toEqual(drawSample('00'.repeat(32), seqs(100), 5).seqs);
    // Computed independently with Python's hmac/hashlib from the method as documented.
    expect(record.seqs).toEqual([24, 42, 66, 87, 90]);
  });

  it('tells a different seed, population or sample apart', () => {
    const record = drawSample('ab'.repeat(32), seqs(200), 10);
    expect(redrawMatches(record, seqs(201))).toBe(false);
    expect(redrawMatches({ ...record, seqs: [...record.seqs.slice(1), 200] }, seqs(200))).toBe(false);
    expect(drawSample('cd'.repeat(32), seqs(200), 10).seqs).not.toEqual(record.seqs);
  });

  it('takes every entry when fewer qualify than asked, and draws from a filtered population only', () => {
    expect(drawSample(newSeed(), [3, 8, 13], 5).seqs).toEqual([3, 8, 13]);
    const meetings = [2, 5, 9, 14, 20, 33];
    for (const s of drawSample(newSeed(), meetings, 3).seqs) expect(meetings).toContain(s);
  });

  it('is fair: over many seeds every entry is drawn about equally often', () => {
    const counts = new Array<number>(10).fill(0);
    for (let i = 0; i < 2000; i++) for (const s of drawSample(newSeed(), seqs(10), 1).seqs) counts[s - 1]!++;
    for (const c of counts) expect(c).toBeGreaterThan(120);
  });

  it('refuses a malformed seed, count or population', () => {
    expect(() => drawSample('xyz', seqs(5), 1)).toThrow('种子');
    expect(() => drawSample(newSeed(), seqs(5), 0)).toThrow('数量');
    expect(() => drawSample(newSeed(), [3, 2], 1)).toThrow('递增');
  });
});
