import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEntry, SCOPE_TYPES, type SpotDrawView } from '../contract';
import { drawSample } from './spot-sample';
import { readSignedReceipt, RECEIPT_NAMESPACE } from './receipt';
import { liaisonWorld, type LiaisonWorld } from './liaison-test-kit';

/**
 * The spot check through the real service, on a liaison's folder that imported a demo book:
 * the draw re-drawn from its seed and size gives the same seqs; a meeting's facts name
 * quorum, votes and filing; the sealed check names the checked book, its size and root; a
 * tampered sample or a wrong root is refused in Chinese; the exported receipt verifies with
 * readSignedReceipt and with `ssh-keygen -Y verify`.
 */

let w: LiaisonWorld;
let bookId = '';
beforeAll(async () => {
  w = await liaisonWorld([11]);
  bookId = w.books[0]!;
}, 120_000);
afterAll(() => w?.cleanup());

const checks = { accurate: 'ok', standard: 'ok', complete: 'ok', original: 'ok' } as const;

function sealInput(draw: SpotDrawView, over: Record<string, unknown> = {}) {
  return {
    bookId: draw.bookId,
    size: draw.size,
    root: draw.root,
    sample: {
      seed: draw.sample.seed,
      count: draw.sample.count,
      populationSize: draw.sample.populationSize,
      scope: draw.sample.select,
      seqs: draw.sample.seqs,
    },
    findings: draw.sample.seqs.map((seq, i) => ({
      seq,
      checks: i === 0 ? { ...checks, complete: 'problem' } : checks,
      note: i === 0 ? '缺少签到表' : '',
    })),
    conclusion: 'rectify',
    rectify: { what: '补齐会议签到表', by: '2026-01-31' },
    notes: '抽查过程顺利。',
    ...over,
  };
}

describe('spotChecks', () => {
  it('draws a sample that anyone re-draws from its seed and the book size', async () => {
    const status = await w.liaison.call('books.status', { bookId });
    const draw = await w.liaison.call('spotChecks.draw', { bookId, count: 5, scope: { type: 'all' } });
    expect(draw).toMatchObject({ bookId, size: status.size, root: status.integrity.root });
    expect(draw.sample).toMatchObject({ method: 'hmac-sha256-fisher-yates/v1', count: 5, populationSize: status.size });
    expect(draw.sample.seed).toMatch(/^[0-9a-f]{64}$/u);
    expect(draw.sample.scope).toBe(SCOPE_TYPES.all);
    const again = drawSample(
      draw.sample.seed,
      Array.from({ length: status.size }, (_, i) => i + 1),
      5,
    );
    expect(again.seqs).toEqual(draw.sample.seqs);
    expect(draw.entries.map((e) => e.seq)).toEqual(draw.sample.seqs);
    const other = await w.liaison.call('spotChecks.draw', { bookId, count: 5, scope: { type: 'all' } });
    expect(other.sample.seed).not.toBe(draw.sample.seed);
  });

  it('computes the facts of a meeting: quorum, votes, filing deadline and whether it was met', async () => {
    const draw = await w.liaison.call('spotChecks.draw', {
      bookId,
      count: 50,
      scope: { type: 'kind', kind: 'meeting' },
    });
    const meetings = await w.liaison.call('entries.list', { bookId, kinds: ['meeting'], limit: 500 });
    expect(draw.sample.populationSize).toBe(meetings.total);
    expect(draw.entries.every((e) => e.kind === 'meeting' && e.kindLabel === '会议记录')).toBe(true);
    const labels = draw.entries.flatMap((e) => e.facts.map((f) => f.label));
    expect(labels).toContain('到会人数');
    expect(labels.some((l) => l.startsWith('表决结果'))).toBe(true);
    expect(labels).toContain('纪要备案');
    expect(labels).toContain('时钟');
    const filing = draw.entries.flatMap((e) => e.facts).find((f) => f.label === '纪要备案')!;
    expect(filing.value).toMatch(/备案/u);
    // Every fact reads in Chinese, never a code.
    for (const f of draw.entries.flatMap((e) => e.facts)) expect(f.value).not.toMatch(/^[a-z-]+$/u);
  });

  it('seals the check in the liaison book naming the checked book, size and root; lists it', async () => {
    const draw = await w.liaison.call('spotChecks.draw', { bookId, count: 5, scope: { type: 'year', year: 2024 } });
    expect(draw.sample.scope).toBe('2024 年的记录');
    const sealed = await w.liaison.call('spotChecks.seal', { requestId: 'spot-check-0001', ...sealInput(draw) });
    const liaison = (await w.liaison.call('liaison.get', {}))!;
    expect(sealed.liaisonBookId).toBe(liaison.bookId);
    // The same request again answers with the same entry.
    expect(await w.liaison.call('spotChecks.seal', { requestId: 'spot-check-0001', ...sealInput(draw) })).toEqual(
      sealed,
    );
    const entry = await w.liaison.call('entries.get', { bookId: liaison.bookId, seq: sealed.seq });
    expect(entry.summary).toMatchObject({
      kind: 'spot-check',
      kindLabel: '抽查记录',
      title: `抽查${draw.orgName}（5 条）`,
    });
    const input = (entry.original as { input: Record<string, unknown> }).input;
    expect(input).toMatchObject({
      bookId,
      size: draw.size,
      root: draw.root,
      orgName: draw.orgName,
      conclusion: 'rectify',
    });
    expect(
      describeEntry('spot-check')!
        .fields.filter((f) => !f.technical)
        .map((f) => f.label),
    ).toContain('被查组织');
    const list = await w.liaison.call('spotChecks.list', { bookId });
    expect(list).toContainEqual({
      liaisonSeq: sealed.seq,
      bookId,
      orgName: draw.orgName,
      at: sealed.recordedAt,
      size: draw.size,
      count: 5,
      conclusion: 'rectify',
    });
    expect(await w.liaison.call('spotChecks.list', { bookId: liaison.bookId })).toEqual([]);
    const pages = await w.liaison.call('print.pages', { bookId: liaison.bookId, seqs: [sealed.seq] });
    expect(JSON.stringify(pages)).toContain('被查组织');
  });

  it('refuses a tampered sample, a wrong root, a missing finding, in Chinese, and seals nothing', async () => {
    const liaison = (await w.liaison.call('liaison.get', {}))!;
    const before = (await w.liaison.call('books.status', { bookId: liaison.bookId })).size;
    const draw = await w.liaison.call('spotChecks.draw', { bookId, count: 3, scope: { type: 'all' } });
    // One sampled seq replaced by one the seed did not draw.
    const outside = Array.from({ length: draw.size }, (_, i) => i + 1).find((s) => !draw.sample.seqs.includes(s))!;
    const swapped = [...draw.sample.seqs.slice(1), outside].sort((a, b) => a - b);
    const tampered = sealInput(draw);
    tampered.sample = { ...tampered.sample, seqs: swapped };
    tampered.findings = swapped.map((seq) => ({ seq, checks, note: '' }));
    await expect(w.liaison.call('spotChecks.seal', tampered)).rejects.toMatchObject({
      code: 'sample-mismatch',
      message: expect.stringMatching(/重新抽取的结果不符/u),
    });
    await expect(w.liaison.call('spotChecks.seal', sealInput(draw, { root: '0'.repeat(64) }))).rejects.toMatchObject({
      code: 'spot-stale',
      message: expect.stringMatching(/树根/u),
    });
    const short = sealInput(draw);
    short.findings = short.findings.slice(1);
    await expect(w.liaison.call('spotChecks.seal', short)).rejects.toMatchObject({ code: 'findings-mismatch' });
    await expect(w.liaison.call('spotChecks.seal', sealInput(draw, { rectify: undefined }))).rejects.toMatchObject({
      message: expect.stringMatching(/整改事项/u),
    });
    await expect(
      w.liaison.call('spotChecks.draw', { bookId: liaison.bookId, count: 3, scope: { type: 'all' } }),
    ).rejects.toMatchObject({ code: 'not-imported' });
    expect((await w.liaison.call('books.status', { bookId: liaison.bookId })).size).toBe(before);
  });

  it('exports a receipt that readSignedReceipt and ssh-keygen -Y verify accept', async () => {
    const draw = await w.liaison.call('spotChecks.draw', { bookId, count: 4, scope: { type: 'all' } });
    const sealed = await w.liaison.call(
      'spotChecks.seal',
      sealInput(draw, { conclusion: 'compliant', rectify: undefined }),
    );
    const file = await w.liaison.call('receipts.export', { liaisonSeq: sealed.seq });
    expect(file).toMatchObject({ mediaType: 'application/json' });
    expect(file.fileName).toMatch(/\.json$/u);
    const bytes = Buffer.from(file.dataBase64, 'base64');
    expect(bytes.length).toBe(file.size);
    const parsed = JSON.parse(bytes.toString('utf8')) as { receipt: string; signature: string; allowedSigners: string };
    const read = readSignedReceipt(parsed);
    const liaison = (await w.liaison.call('liaison.get', {}))!;
    expect(read).toMatchObject({
      ok: true,
      keyId: liaison.keyId,
      receipt: {
        bookId,
        size: draw.size,
        root: draw.root,
        conclusion: 'compliant',
        checkedAt: sealed.recordedAt,
        sample: { seed: draw.sample.seed, seqs: draw.sample.seqs },
        liaison: { name: liaison.name, office: liaison.office, keyId: liaison.keyId },
      },
    });
    expect(parsed.allowedSigners).toBe(liaison.allowedSigners);
    const dir = fs.mkdtempSync(path.join(w.liaison.dir, 'receipt-'));
    fs.writeFileSync(path.join(dir, 'receipt.json'), parsed.receipt);
    fs.writeFileSync(path.join(dir, 'receipt.json.sig'), parsed.signature);
    fs.writeFileSync(path.join(dir, 'allowed_signers'), `${parsed.allowedSigners}\n`);
    const verify = (message: string) =>
      execFileSync(
        'ssh-keygen',
        [
          '-Y',
          'verify',
          '-f',
          'allowed_signers',
          '-I',
          liaison.bookId,
          '-n',
          RECEIPT_NAMESPACE,
          '-s',
          'receipt.json.sig',
        ],
        { input: message, encoding: 'utf8', cwd: dir, stdio: ['pipe', 'pipe', 'pipe'] },
      );
    expect(verify(parsed.receipt)).toContain('Good');
    expect(() => verify(parsed.receipt.replace(`"size":${draw.size}`, `"size":${draw.size - 1}`))).toThrow();
    // The same check exported again: the same bytes (a deterministic signature).
    expect((await w.liaison.call('receipts.export', { liaisonSeq: sealed.seq })).dataBase64).toBe(file.dataBase64);
    await expect(w.liaison.call('receipts.export', { liaisonSeq: 1 })).rejects.toMatchObject({ code: 'not-found' });
  });
});
