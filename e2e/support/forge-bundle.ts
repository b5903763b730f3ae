/**
 * The forger of issue 10's Done-when, node side: the society itself (holding its own book key)
 * rewrites its history at entry `seq` and re-signs everything a verifier checks — each later
 * entry's `prev`, the Merkle root, the signed checkpoint, the bag's manifests and signature.
 * Optionally it also drops its `receipt.received` / `rectification` entries (renumbering the
 * rest), so no carried receipt is left to betray it. Only ever run on a test's own bundle.
 */
import fs from 'node:fs';
import { readBag, reseal, withFile, withLines, zipBag, entryLines, type Bag } from '../../db/bundle/bundle-test-kit';
import { canonicalJson } from '../../db/ledger/canonical';
import { FileKeyStore } from '../../db/ledger/index';
import { importPrivateKey } from '../../db/ledger/keys';
import { appendLeaf, leafHash, rootOfPeaks, type Peak } from '../../db/ledger/merkle';
import { parseSignedCheckpoint, serializeSignedCheckpoint, signCheckpoint } from '../../db/ledger/checkpoint';
import { ZERO_HASH } from '../../db/ledger/hashing';
import { keysDir } from '../../host/real-service';

const RECEIPT_KINDS = new Set(['receipt.received', 'rectification']);

export interface ForgeOptions {
  /** The entry to rewrite and the text in it to replace. */
  seq: number;
  from: string;
  to: string;
  /** Also drop the receipt entries (and the rectifications against them). */
  dropReceipts?: boolean;
}

type EntryObject = Record<string, unknown> & { seq: number; prev: string; kind: string; book: string };

/** Writes the forged bundle of `bundleFile` to `out`, signed with the key in `societyDataDir`. */
export async function forgeBundle(bundleFile: string, societyDataDir: string, out: string, o: ForgeOptions) {
  const bag = await readBag(bundleFile);
  let entries = entryLines(bag).map((l) => JSON.parse(l) as EntryObject);
  const target = entries[o.seq - 1];
  if (!target) throw new Error(`数据包中没有第 ${o.seq} 条`);
  const rewritten = JSON.stringify(target.body).replace(o.from, o.to);
  if (rewritten === JSON.stringify(target.body)) throw new Error(`第 ${o.seq} 条中没有“${o.from}”`);
  target.body = JSON.parse(rewritten);
  if (o.dropReceipts) entries = entries.filter((e) => !RECEIPT_KINDS.has(e.kind));

  let prev = ZERO_HASH;
  let peaks: Peak[] = [];
  const lines: string[] = [];
  entries.forEach((e, i) => {
    e.seq = i + 1;
    e.prev = prev;
    const line = canonicalJson(e);
    const hash = leafHash(Buffer.from(line));
    peaks = appendLeaf(peaks, hash).peaks;
    prev = hash.toString('hex');
    lines.push(line);
  });
  const root = rootOfPeaks(peaks).toString('hex');

  const signed = parseSignedCheckpoint(bag.files.get('data/checkpoint.json')!.toString('utf8'));
  if (!signed) throw new Error('数据包的检查点无法读取');
  const keyId = signed.checkpoint.keyId;
  const der = new FileKeyStore(keysDir(societyDataDir)).load(keyId);
  if (!der) throw new Error(`学会的数据文件夹中没有密钥 ${keyId}`);
  const key = importPrivateKey(der, keyId);
  const checkpoint = { ...signed.checkpoint, size: lines.length, root, time: new Date().toISOString() };
  const resigned = signCheckpoint(checkpoint, key.privateKey);

  let forged: Bag = withLines(bag, lines);
  forged = withFile(forged, 'data/checkpoint.json', serializeSignedCheckpoint(resigned));
  const info = forged.files
    .get('bag-info.txt')!
    .toString('utf8')
    .replace(/^Logbook-Size: .*$/mu, `Logbook-Size: ${lines.length}`)
    .replace(/^Logbook-Root: .*$/mu, `Logbook-Root: ${root}`)
    .replace(/^Logbook-Checkpoint-Time: .*$/mu, `Logbook-Checkpoint-Time: ${checkpoint.time}`);
  forged = withFile(forged, 'bag-info.txt', info);
  const book = JSON.parse(bag.files.get('data/book.json')!.toString('utf8')) as {
    keys: { keyId: string; publicKey: string }[];
  };
  const publicKeyLine = book.keys.find((k) => k.keyId === keyId)?.publicKey;
  if (!publicKeyLine) throw new Error(`book.json 中没有密钥 ${keyId}`);
  forged = reseal(forged, { publicKeyLine, privateKey: key.privateKey }, target.book);
  fs.writeFileSync(out, zipBag(forged));
  return { size: lines.length, root };
}
