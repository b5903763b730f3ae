/**
 * Where the liaison's import of the bench bundle spends its time, phase by phase, each in a
 * fresh child process (wall and CPU seconds, and the peak RSS of that process image):
 *   verify-pass-1  open (central directory, local headers), every file inflated, CRC-32 and SHA-256
 *   verify-pass-2  manifests, signature, then entries.jsonl again: UTF-8, safe JSON, canonical,
 *                  seq/prev chain, keys, Merkle root, checkpoint, attachments named
 *   stage          the zip checked again, entries.jsonl inflated into the staging folder
 *   import         Ledger.importBook: one transaction — every entry re-parsed and re-checked, rows
 *                  and attachments inserted, the ledger's full verify on the uncommitted rows, COMMIT
 * Run: `npx tsx bench/bundle-phases.ts` (builds the bench book of bench/bundle.ts and exports
 * it first) or `npx tsx bench/bundle-phases.ts <bundle.zip>`. Last line: JSON.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BundleZip } from '../db/bundle/bundle-reader';
import { exportBookBundle } from '../db/bundle/export-book';
import { stageVerifiedBundle } from '../db/bundle/staging';
import { verifyBundle } from '../db/bundle/verify-bundle';
import { FileKeyStore, openLedger } from '../db/ledger/index';
import { buildBook } from './bundle';

type Phase = 'verify-pass-1' | 'verify-pass-2' | 'stage' | 'import';
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
  const zip = await BundleZip.open(bundle);
  const inflated = zip.totalBytes;
  zip.close();
  const ledger = openLedger({
    path: path.join(dir, 'logbook.sqlite'),
    keyStore: new FileKeyStore(path.join(dir, 'keys')),
    verifyOnOpen: false,
  });
  const phases: Partial<Record<Phase, Timing>> = {};
  const clock = new Clock();
  let pass1Done = false;
  const report = await verifyBundle(bundle, {
    onProgress: (done) => {
      if (!pass1Done && done >= inflated) {
        pass1Done = true;
        phases['verify-pass-1'] = clock.lap();
      }
    },
  });
  phases['verify-pass-2'] = clock.lap();
  if (!report.ok) throw new Error(JSON.stringify(report.checks.find((c) => !c.ok)));
  const staged = await stageVerifiedBundle(bundle, report, path.join(dir, 'staging'));
  phases.stage = clock.lap();
  try {
    ledger.importBook(staged, { imported: true });
    phases.import = clock.lap();
  } finally {
    staged.remove();
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
