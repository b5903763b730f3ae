/**
 * Where the liaison's import of the bench bundle spends its time, phase by phase, in one fresh
 * child process (wall and CPU seconds of each phase, and the peak RSS of that process image):
 *   inflate-entries  (a floor, before the import) entries.jsonl only inflated, CRC-32 checked
 *   verify    open (central directory, local headers), every file inflated once, CRC-32 and
 *             SHA-256; entries.jsonl line by line in that read: UTF-8, safe JSON, canonical,
 *             seq/prev chain, keys, Merkle root — each line staged and given to the receipts
 *             scan as it passes; then manifests, signature, checkpoint, attachments named
 *   receipts  the carried receipts checked against the leaf hashes the verify kept
 *   import    the zip opened again for the attachments, then Ledger.importBook: one transaction —
 *             every staged entry re-checked (its envelope against its bytes; genesis and rotations
 *             parsed again), rows and attachments inserted, the ledger's full verify on the
 *             uncommitted rows, COMMIT
 * Run: `npx tsx bench/bundle-phases.ts` (builds the bench book of bench/bundle.ts and exports
 * it first) or `npx tsx bench/bundle-phases.ts <bundle.zip>`. Last line: JSON.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BundleZip } from '../db/bundle/bundle-reader';
import { exportBookBundle } from '../db/bundle/export-book';
import { importVerifiedBundle, verifyStaged } from '../db/bundle/verified-book';
import { FileKeyStore, openLedger } from '../db/ledger/index';
import { CarriedReceipts, checkBundleReceipts } from '../db/liaison/carried-receipts';
import { buildBook } from './bundle';

type Phase = 'inflate-entries' | 'verify' | 'receipts' | 'import';
interface Timing {
  wall_s: number;
  cpu_s: number;
}

function vmHwmMb(): number {
  const hwm = /^VmHWM:\s+(\d+) kB$/mu.exec(fs.readFileSync('/proc/self/status', 'utf8'));
  return hwm ? Number(hwm[1]) / 1024 : process.resourceUsage().maxRSS / 1024;
}

class Clock {
  private wall = process.hrtime.bigint();
  private cpu = process.cpuUsage();
  lap(): Timing {
    const cpu = process.cpuUsage(this.cpu);
    const wall = Number(process.hrtime.bigint() - this.wall) / 1e9;
    this.wall = process.hrtime.bigint();
    this.cpu = process.cpuUsage();
    return { wall_s: Number(wall.toFixed(2)), cpu_s: Number(((cpu.user + cpu.system) / 1e6).toFixed(2)) };
  }
}

async function child(dir: string, bundle: string): Promise<void> {
  const ledger = openLedger({
    path: path.join(dir, 'logbook.sqlite'),
    keyStore: new FileKeyStore(path.join(dir, 'keys')),
    verifyOnOpen: false,
  });
  const phases: Partial<Record<Phase, Timing>> = {};
  let clock = new Clock();
  // A floor, not a phase of the import: entries.jsonl inflated alone, nothing hashed or parsed.
  const zip = await BundleZip.open(bundle);
  try {
    for await (const _chunk of zip.chunks(zip.files.get('data/entries.jsonl')!)) {
      // Reading only.
    }
  } finally {
    zip.close();
  }
  phases['inflate-entries'] = clock.lap();
  clock = new Clock();
  const seen = new CarriedReceipts();
  const { report, stage } = await verifyStaged(bundle, path.join(dir, 'staging'), { onEntry: seen.onEntry });
  try {
    phases.verify = clock.lap();
    if (!report.ok) throw new Error(JSON.stringify(report.checks.find((c) => !c.ok)));
    checkBundleReceipts(seen, report, []);
    phases.receipts = clock.lap();
    await importVerifiedBundle(ledger, bundle, report, stage, { imported: true });
    phases.import = clock.lap();
  } finally {
    stage.remove();
    ledger.close();
  }
  console.log(JSON.stringify({ ...phases, peak_rss_mb: Number(vmHwmMb().toFixed(1)) }));
}

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bundle-phases-'));
  try {
    let bundle = process.argv[2];
    if (!bundle) {
      const keyStore = new FileKeyStore(path.join(dir, 'keys'));
      const ledger = openLedger({ path: path.join(dir, 'society.db'), keyStore, verifyOnOpen: false });
      try {
        const bookId = buildBook(ledger);
        bundle = path.join(dir, 'book.zip');
        await exportBookBundle(ledger, bookId, keyStore, bundle);
      } finally {
        ledger.close();
      }
    }
    const target = path.join(dir, 'liaison');
    fs.mkdirSync(target);
    const r = spawnSync(process.execPath, ['--import', 'tsx', import.meta.filename, '--child', target, bundle], {
      encoding: 'utf8',
      maxBuffer: 16 << 20,
    });
    const last = r.stdout.trim().split('\n').pop() ?? '';
    if (r.status !== 0 || !last.startsWith('{')) throw new Error(`phases child failed: ${r.stdout}${r.stderr}`);
    const mb = fs.statSync(bundle).size / (1 << 20);
    console.log(`bundle ${mb.toFixed(1)} MB, load average ${os.loadavg()[0]!.toFixed(1)}`);
    console.log(last);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[2] === '--child') await child(process.argv[3]!, process.argv[4]!);
else if (import.meta.url === `file://${process.argv[1]}`) await main();
