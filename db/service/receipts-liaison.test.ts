/**
 * The receipt's whole way with the liaison's own book (issue 10): the liaison imports the
 * society's bundle, seals a spot check and exports its receipt (receipts.export); the society
 * imports it as 收到抽查回执; the liaison's receipts file (receipts.exportFile, signed by the
 * liaison's key) is loaded by another data folder, which checks its copy of the book at once.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { readReceiptsFile } from '../liaison/receipts-file';
import { FIVE, openHarness, ORG, type Harness } from './test/service-harness';

const open: Harness[] = [];
const harness = (start?: string) => {
  const h = openHarness(start);
  open.push(h);
  return h;
};
afterAll(() => {
  for (const h of open.splice(0)) h.cleanup();
});

async function importInto(h: Harness, file: string) {
  const upload = await h.service.stageBundle(file);
  const first = await h.call('bundles.import', { upload });
  if (first.outcome !== 'needs-fingerprint') return first;
  return h.call('bundles.import', { upload, fingerprint: first.genesisKeyId });
}

it('spot check → receipts.export → receipts.import in the society; receipts.exportFile → receipts.loadFile elsewhere', async () => {
  const society = harness('2025-01-06T09:00');
  const { bookId } = await society.call('books.create', {
    organisation: ORG,
    profile: { id: 'beijing-work-group' },
    members: FIVE,
  });
  const bundle = path.join(society.dir, 'book.zip');
  await society.service.exportBundle(bookId, bundle);

  const liaison = harness('2025-02-10T10:00');
  await expect(liaison.call('receipts.exportFile', {})).rejects.toMatchObject({ code: 'no-liaison' });
  await liaison.call('liaison.setup', { liaison: { name: '张联络', office: '北京市科协社会组织党建工作委员会' } });
  await expect(liaison.call('receipts.exportFile', {})).rejects.toMatchObject({ code: 'no-receipts' });
  expect(await importInto(liaison, bundle)).toMatchObject({ outcome: 'imported', receipts: [] });
  const draw = await liaison.call('spotChecks.draw', { bookId, count: 3, scope: { type: 'all' } });
  const ok = { accurate: 'ok', standard: 'ok', complete: 'ok', original: 'ok' } as const;
  const sealed = await liaison.call('spotChecks.seal', {
    bookId,
    size: draw.size,
    root: draw.root,
    sample: { ...draw.sample, scope: draw.sample.select },
    findings: draw.sample.seqs.map((seq) => ({ seq, checks: ok, note: '' })),
    conclusion: 'compliant',
  });
  const receipt = await liaison.call('receipts.export', { liaisonSeq: sealed.seq });

  society.setNow('2025-02-12T10:00');
  const imported = await society.call('receipts.import', {
    bookId,
    text: Buffer.from(receipt.dataBase64, 'base64').toString('utf8'),
  });
  expect(imported.verdict).toContain('张联络');
  expect(await society.call('receipts.list', { bookId })).toMatchObject([
    { seq: imported.seq, liaisonName: '张联络', conclusion: 'compliant', verdict: 'consistent', rectify: null },
  ]);

  const file = await liaison.call('receipts.exportFile', { bookId });
  expect(file).toMatchObject({ mediaType: 'application/json', count: 1, fileName: expect.stringMatching(/\.json$/u) });
  const text = Buffer.from(file.dataBase64, 'base64').toString('utf8');
  const liaisonView = (await liaison.call('liaison.get', {}))!;
  expect(readReceiptsFile(text)).toMatchObject({ ok: true, issuer: { keyId: liaisonView.keyId } });
  expect((await liaison.call('receipts.exportFile', {})).count).toBe(1);

  const office = harness('2025-02-15T10:00');
  expect((await importInto(office, bundle)).outcome).toBe('imported');
  expect(await office.call('receipts.loadFile', { text })).toMatchObject({
    loaded: 1,
    added: 1,
    verdicts: [{ bookId, state: 'consistent', text: expect.stringContaining('一致') }],
  });
  // The society's next bundle carries the receipt: consistent in the liaison's folder, as an extension.
  const next = path.join(society.dir, 'next.zip');
  await society.service.exportBundle(bookId, next);
  expect(await importInto(liaison, next)).toMatchObject({
    outcome: 'extended',
    receipts: [{ state: 'consistent', source: 'carried' }],
  });
  expect(fs.readdirSync(path.join(liaison.dir, 'incoming'))).toEqual([]);
}, 60_000);
