/**
 * The newcomer's demo book shows everything once: every entry kind of the contract and every
 * rule flag of db/rules that its profile can raise. The flag list itself is checked against
 * the sources that produce flags, so a new flag cannot be missed here.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENTRY_KINDS, type EntrySummary } from '../contract';
import { flagsRaisedBy, resolveProfile, RULE_FLAG_CODES } from '../rules';
import { openHarness, type Harness } from '../service/test/service-harness';
import { DEMO_BOOK_OPTIONS } from './demo-book-options';
import { runDemo } from './index';

let h: Harness;
let bookId = '';
let timeline: EntrySummary[] = [];

beforeAll(async () => {
  h = openHarness();
  ({ bookId } = await runDemo(
    (method, input) => h.call(method, input),
    (local) => h.setNow(local),
    DEMO_BOOK_OPTIONS,
  ));
  timeline = (await h.call('entries.list', { bookId, limit: 500 })).items;
});
afterAll(() => h.cleanup());

/** Kinds no contract method seals: the key rotation is the ledger's own (a recorder's key handed over). */
const NOT_SEALED_BY_THE_SERVICE = ['ledger.key-rotation'];
/** Kinds sealed only in the liaison's own book (联络员信息, 抽查记录), never in a society's. */
const LIAISON_BOOK_KINDS = ['liaison.setup', 'spot-check'];
/** Kinds that need a liaison's signed receipt (收到抽查回执, 整改情况): the demo has no liaison to sign one. */
const RECEIPT_KINDS = ['receipt.received', 'rectification'];
/**
 * Flags the Beijing profile can raise that a faithful demo cannot show: the built-in holiday
 * calendar covers every year of the demo (calendar-missing), and the group is set up with
 * its founders (no-members).
 */
const NOT_IN_A_FAITHFUL_DEMO = ['calendar-missing', 'no-members'];

describe('the demo book a newcomer opens', () => {
  it('holds every kind of the contract the service seals', () => {
    const kinds = new Set(timeline.map((e) => e.kind));
    for (const kind of ENTRY_KINDS) {
      if (NOT_SEALED_BY_THE_SERVICE.includes(kind)) continue;
      if (LIAISON_BOOK_KINDS.includes(kind)) continue;
      if (RECEIPT_KINDS.includes(kind)) continue;
      expect(kinds, kind).toContain(kind);
    }
  });

  it('shows every rule flag its profile can raise', async () => {
    const org = await h.call('org.get', { bookId });
    const profile = resolveProfile(org.profile.id, {});
    if (!profile.ok) throw new Error(profile.errors.join('；'));
    const raised = flagsRaisedBy(profile.profile);
    expect(raised.length).toBeGreaterThan(10);
    const seen = new Set(timeline.flatMap((e) => e.flags.map((f) => f.code)));
    for (const code of raised) {
      if (NOT_IN_A_FAITHFUL_DEMO.includes(code)) continue;
      expect(seen, code).toContain(code);
    }
    // Nothing sealed carries a flag the list does not know.
    for (const code of seen) expect(RULE_FLAG_CODES, code).toContain(code);
  });

  it('corrects a field that was left empty at sealing (入党时间 of a 中共党员)', async () => {
    const corrections = await Promise.all(
      timeline
        .filter((e) => e.kind === 'ledger.correction')
        .map((c) => h.call('entries.get', { bookId, seq: c.targetSeq! })),
    );
    const filled = corrections.flatMap((d) => d.corrections).find((c) => c.field === '/input/person/partyJoinDate');
    expect(filled?.previous).toBeUndefined();
    expect(filled?.value).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(filled?.fieldLabel).toContain('入党时间');
  });

  it('verifies in full like any other book', async () => {
    const report = await h.call('books.verify', { bookId });
    expect(report.problems).toEqual([]);
    expect(report.ok).toBe(true);
  });
});

describe('the list of rule flags', () => {
  const ROOT = path.resolve(import.meta.dirname, '..');
  const read = (rel: string) => fs.readFileSync(path.join(ROOT, rel), 'utf8');
  const sources = [
    ...fs
      .readdirSync(path.join(ROOT, 'service'))
      .filter((f) => f.endsWith('-service.ts'))
      .map((f) => `service/${f}`),
    'service/rule-checks.ts',
    'service/check-parts.ts',
    'service/seal-checks.ts',
  ];

  it('names every code the sealing code flags with', () => {
    const found = new Set<string>();
    for (const file of sources) {
      const text = read(file);
      for (const m of text.matchAll(/flag\('([a-z-]+)'/g)) found.add(m[1]!);
      for (const m of text.matchAll(/flags?\.push\(\{ code: '([a-z-]+)'/g)) found.add(m[1]!);
      for (const m of text.matchAll(/\[\{ code: '([a-z-]+)', message/g)) found.add(m[1]!);
    }
    for (const m of read('rules/composition-checks.ts').matchAll(/code: '([a-z-]+)'/g)) found.add(m[1]!);
    for (const m of read('rules/meeting-checks.ts').matchAll(/code: '(chair-[a-z-]+)'/g)) found.add(m[1]!);
    // Its warnings are flags; its problems (…-exceeds-…) block sealing.
    for (const m of read('rules/election-attendance.ts').matchAll(/code: '(election-counts-[a-z-]+)'/g))
      found.add(m[1]!);
    expect(found.size).toBeGreaterThan(10);
    expect([...found].sort()).toEqual([...RULE_FLAG_CODES].sort());
  });
});
