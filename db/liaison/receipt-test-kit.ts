/**
 * Test support for receipts: a liaison's key that signs receipts (db/liaison/receipt.ts
 * signReceipt, as the liaison's book will), and `forgeHistory`, which rewrites a society's
 * bundle as its recorder could: entries edited (and some dropped), the chain re-linked, the
 * checkpoint re-signed with the book's own key, the bag's manifests and signature redone.
 */
import fs from 'node:fs';
import type { KeyObject } from 'node:crypto';
import { readBag, reseal, entryLines, withFile, withLines, zipBag } from '../bundle/bundle-test-kit';
import { canonicalJson } from '../ledger/canonical';
import { parseSignedCheckpoint, serializeSignedCheckpoint, signCheckpoint } from '../ledger/checkpoint';
import { generateSigningKey, importPrivateKey, openSshLineOf, signBytes } from '../ledger/keys';
import { appendLeaf, leafHash, rootOfPeaks, type Peak } from '../ledger/merkle';
import type { KeyStore } from '../ledger/types';
import { signReceipt, type Receipt, type SignedReceipt } from './receipt';
import { buildReceiptsFile } from './receipts-file';
import { drawSample, newSeed } from './spot-sample';

export function testLiaison(name = '刘联络', office = '市科协科技社团党委') {
  const key = generateSigningKey();
  const publicKey = openSshLineOf(key.publicKey, 'liaison');
  const sign = (data: Buffer) => signBytes(key.privateKey, data);
  return {
    keyId: key.keyId,
    publicKey,
    sign,
    receipt(bookId: string, size: number, root: string, over: Partial<Receipt> = {}): Receipt {
      const population = Array.from({ length: size }, (_, i) => i + 1);
      const sample = drawSample(newSeed(), population, Math.min(3, size));
      return {
        type: 'dangjian-logbook-receipt',
        version: 1,
        bookId,
        orgName: '北京市某某科技学会党建工作小组',
        size,
        root,
        sample: {
          method: sample.method,
          seed: sample.seed,
          count: sample.seqs.length,
          populationSize: size,
          scope: '全部条目',
          seqs: sample.seqs,
        },
        conclusion: 'rectify',
        rectify: { what: '第 3 条会议记录缺少请假说明，请补充。', by: '2025-03-31' },
        checkedAt: '2025-02-10T02:00:00.000Z',
        liaison: { name, office, publicKey, keyId: key.keyId },
        ...over,
      };
    },
    signed(r: Receipt): SignedReceipt {
      return signReceipt(r, sign);
    },
    file(receipts: SignedReceipt[]): string {
      return buildReceiptsFile({ name, office, publicKey, keyId: key.keyId }, receipts, sign);
    },
  };
}

/** The book's current private key from a key store (what the society's recorder holds). */
export function bookKey(keyStore: KeyStore, keyId: string): KeyObject {
  return importPrivateKey(keyStore.load(keyId)!, keyId).privateKey;
}

type Line = Record<string, unknown> & { seq: number; kind: string; body: unknown; prev: string };

/**
 * Rewrites `src` into `out`: `edit` may change any entry (from `atSeq` on the chain differs),
 * `drop` removes entries (later ones renumbered); re-linked, re-rooted, re-signed.
 */
export async function forgeHistory(
  src: string,
  out: string,
  options: { edit: (e: Line) => void; drop?: (e: Line) => boolean },
  privateKey: KeyObject,
  publicKeyLine: string,
  bookId: string,
): Promise<{ size: number; root: string }> {
  const bag = await readBag(src);
  const entries = entryLines(bag).map((l) => JSON.parse(l) as Line);
  const kept = entries.filter((e) => !(options.drop?.(e) ?? false));
  let prev = '0'.repeat(64);
  let peaks: Peak[] = [];
  const lines = kept.map((e, i) => {
    options.edit(e);
    const line = canonicalJson({ ...e, seq: i + 1, prev });
    const hash = leafHash(Buffer.from(line, 'utf8'));
    prev = hash.toString('hex');
    peaks = appendLeaf(peaks, hash).peaks;
    return line;
  });
  const root = rootOfPeaks(peaks).toString('hex');
  const old = parseSignedCheckpoint(bag.files.get('data/checkpoint.json')!.toString('utf8'))!;
  const cp = signCheckpoint({ ...old.checkpoint, size: lines.length, root }, privateKey);
  const forged = withFile(withLines(bag, lines), 'data/checkpoint.json', serializeSignedCheckpoint(cp));
  fs.writeFileSync(out, zipBag(reseal(forged, { publicKeyLine, privateKey }, bookId)));
  return { size: lines.length, root };
}
