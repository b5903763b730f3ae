/**
 * Signed bundles (issue 9): a book of 100,000 entries with 200 MB of attachments exported and
 * imported (+ verified) by the liaison's import, against, on the same bytes:
 * - raw SHA-256 of the bundle file (read from disk, page cache warm), one core;
 * - the outsider's pipeline: `unzip`, `sha256sum -c` on both manifests, `ssh-keygen -Y verify`.
 * The import runs in a fresh child process whose peak RSS is reported; the same book with
 * 1 GB of attachments shows that it does not grow with the bundle.
 * Goals: import+verify >= 1/2 raw SHA-256 throughput and faster than the outsider; RSS < 300 MB.
 * Run alone: `npx tsx bench/bundle.ts` (prints the figures, last line JSON); bench/run.ts calls measureBundles.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { exportBookBundle } from '../db/bundle/export-book';
import { FileKeyStore, openLedger, type EntryInput, type Ledger } from '../db/ledger/index';
import { meetingBody, seededRandom } from './chinese-minutes';

const ENTRIES = 100_000;
const BATCH = 2_000;
const MB = 1024 * 1024;
const ATTACHMENT_MB = 4;

export interface BundleFigures {
  export_mb_s: number;
  import_verify_mb_s: number;
  raw_sha256_mb_s: number;
  outsider_pipeline_s: number;
  import_verify_s: number;
  import_peak_rss_mb: number;
  import_peak_rss_mb_1gb: number;
  import_verify_s_1gb: number;
  bundle_mb: number;
  bundle_mb_1gb: number;
}

const seconds = (from: bigint): number => Number(process.hrtime.bigint() - from) / 1e9;
const round = (n: number, d = 1): number => Number(n.toFixed(d));

/** Incompressible attachments of ATTACHMENT_MB each, distinct (a counter in every block). */
function addAttachments(ledger: Ledger, bookId: string, totalMb: number, from: number): void {
  const block = crypto.randomBytes(ATTACHMENT_MB * MB);
  for (let i = 0; i < totalMb / ATTACHMENT_MB; i++) {
    const bytes = Buffer.from(block);
    bytes.writeUInt32BE(from + i, 0);
    crypto.randomFillSync(bytes, 4, 64);
    const hash = ledger.putAttachment(bytes);
    ledger.seal(bookId, { kind: 'meeting', body: { title: `附件 ${from + i}` }, attachments: [hash] });
  }
}

/** The bench's book: 100,000 entries of Chinese minutes, then 200 MB of attachments (also used by bundle-phases.ts). */
export function buildBook(ledger: Ledger): string {
  const random = seededRandom(7);
  const { bookId } = ledger.createBook('基准测试：数据包');
  for (let n = 1; n < ENTRIES - 50; n += BATCH) {
    const inputs: EntryInput[] = [];
    for (let i = 0; i < Math.min(BATCH, ENTRIES - 50 - n); i++)
      inputs.push({ kind: 'meeting', body: meetingBody(random, n + i) });
    ledger.sealBatch(bookId, inputs);
  }
  addAttachments(ledger, bookId, 200, 0);
  return bookId;
}

function rawSha256(file: string): number {
  const fd = fs.openSync(file, 'r');
  const buffer = Buffer.allocUnsafe(4 * MB);
  const started = process.hrtime.bigint();
  const hash = crypto.createHash('sha256');
  for (;;) {
    const n = fs.readSync(fd, buffer, 0, buffer.length, null);
    if (n === 0) break;
    hash.update(buffer.subarray(0, n));
  }
  hash.digest();
  fs.closeSync(fd);
  return seconds(started);
}

function outsider(file: string, dir: string, bookId: string): number {
  const out = path.join(dir, 'unzipped');
  const started = process.hrtime.bigint();
  execFileSync('unzip', ['-q', file, '-d', out]);
  const bag = path.join(out, fs.readdirSync(out)[0]!);
  execFileSync('sha256sum', ['-c', '--quiet', 'manifest-sha256.txt'], { cwd: bag });
  execFileSync('sha256sum', ['-c', '--quiet', 'tagmanifest-sha256.txt'], { cwd: bag });
  const verify = spawnSync(
    'ssh-keygen',
    [
      '-Y',
      'verify',
      '-f',
      'allowed_signers',
      '-I',
      bookId,
      '-n',
      'dangjian-logbook-bundle',
      '-s',
      'tagmanifest-sha256.txt.sig',
    ],
    {
      cwd: bag,
      input: fs.readFileSync(path.join(bag, 'tagmanifest-sha256.txt')),
      encoding: 'utf8',
    },
  );
  const elapsed = seconds(started);
  if (!verify.stdout.includes('Good')) throw new Error(`ssh-keygen -Y verify: ${verify.stdout}${verify.stderr}`);
  fs.rmSync(out, { recursive: true, force: true });
  return elapsed;
}

function importInChild(dir: string, bundle: string, fingerprint: string): { seconds: number; peakRssMb: number } {
  fs.mkdirSync(dir);
  const r = spawnSync(
    process.execPath,
    ['--import', 'tsx', path.join(import.meta.dirname, 'bundle-child.ts'), dir, bundle, fingerprint],
    { encoding: 'utf8', maxBuffer: 16 * MB },
  );
  const last = r.stdout.trim().split('\n').pop() ?? '';
  let parsed: { seconds: number; peakRssMb: number; outcome: string };
  try {
    parsed = JSON.parse(last) as typeof parsed;
  } catch {
    throw new Error(`import child failed: ${r.stdout}${r.stderr}`);
  }
  if (parsed.outcome !== 'imported') throw new Error(`import child: ${parsed.outcome}`);
  fs.rmSync(dir, { recursive: true, force: true });
  return parsed;
}

export async function measureBundles(dir: string, log: (line: string) => void = () => {}): Promise<BundleFigures> {
  const keyStore = new FileKeyStore(path.join(dir, 'keys'));
  const ledger = openLedger({ path: path.join(dir, 'society.db'), keyStore, verifyOnOpen: false });
  try {
    const bookId = buildBook(ledger);
    const fingerprint = ledger.getBook(bookId).keyId;
    log(`built ${ledger.getBook(bookId).size} entries + 200 MB of attachments`);
    const file = path.join(dir, 'book.zip');
    let started = process.hrtime.bigint();
    await exportBookBundle(ledger, bookId, keyStore, file);
    const exportS = seconds(started);
    const bytes = fs.statSync(file).size;
    const rawS = rawSha256(file);
    const outsiderS = outsider(file, dir, bookId);
    const small = importInChild(path.join(dir, 'liaison-200'), file, fingerprint);
    log(
      `200 MB: export ${exportS.toFixed(2)} s, raw ${rawS.toFixed(2)} s, outsider ${outsiderS.toFixed(2)} s, import ${small.seconds.toFixed(2)} s, RSS ${small.peakRssMb.toFixed(0)} MB`,
    );
    fs.rmSync(file);

    addAttachments(ledger, bookId, 800, 1000);
    const big = path.join(dir, 'book-1gb.zip');
    started = process.hrtime.bigint();
    await exportBookBundle(ledger, bookId, keyStore, big);
    log(`1 GB export ${seconds(started).toFixed(2)} s`);
    const bigBytes = fs.statSync(big).size;
    const large = importInChild(path.join(dir, 'liaison-1gb'), big, fingerprint);
    log(`1 GB: import ${large.seconds.toFixed(2)} s, RSS ${large.peakRssMb.toFixed(0)} MB`);
    fs.rmSync(big);
    const mb = bytes / MB;
    return {
      export_mb_s: round(mb / exportS),
      import_verify_mb_s: round(mb / small.seconds),
      raw_sha256_mb_s: round(mb / rawS),
      outsider_pipeline_s: round(outsiderS, 2),
      import_verify_s: round(small.seconds, 2),
      import_peak_rss_mb: round(small.peakRssMb),
      import_peak_rss_mb_1gb: round(large.peakRssMb),
      import_verify_s_1gb: round(large.seconds, 2),
      bundle_mb: round(mb),
      bundle_mb_1gb: round(bigBytes / MB),
    };
  } finally {
    ledger.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bundle-bench-'));
  try {
    const figures = await measureBundles(dir, (line) => console.log(line));
    console.log(JSON.stringify(figures));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
