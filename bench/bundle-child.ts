/**
 * One liaison import in a fresh process (bench/bundle.ts): a new data folder, the bundle
 * verified and imported with its fingerprint; prints `{seconds, peakRssMb, outcome}` so the
 * peak RSS is the import's own, not the benchmark's.
 *
 * The peak is VmHWM of /proc/self/status: the high-water mark of THIS process image. Not
 * getrusage's maxRSS: on Linux that survives fork + exec (the kernel folds the forked copy of
 * the parent into it), so a child of the bench process holding the 100k book reported the
 * bench's ~720 MB whatever the import used. maxRSS is the fallback where /proc is absent.
 */
import fs from 'node:fs';
import path from 'node:path';
import { importForLiaison } from '../db/bundle/liaison-import';
import { PinStore } from '../db/bundle/pin-store';
import { FileKeyStore, openLedger } from '../db/ledger/index';

const [dir, bundle, fingerprint] = process.argv.slice(2);
if (!dir || !bundle || !fingerprint) throw new Error('usage: bundle-child <dir> <bundle> <fingerprint>');
const ledger = openLedger({
  path: path.join(dir, 'logbook.sqlite'),
  keyStore: new FileKeyStore(path.join(dir, 'keys')),
  verifyOnOpen: false,
});
const started = process.hrtime.bigint();
const result = await importForLiaison(ledger, new PinStore(ledger.database), bundle, {
  acceptFingerprint: fingerprint,
  evidenceDir: path.join(dir, 'evidence'),
});
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
ledger.close();
console.log(JSON.stringify({ seconds, peakRssMb: peakRssMb(), outcome: result.outcome }));

function peakRssMb(): number {
  try {
    const hwm = /^VmHWM:\s+(\d+) kB$/mu.exec(fs.readFileSync('/proc/self/status', 'utf8'));
    if (hwm) return Number(hwm[1]) / 1024;
  } catch {
    // Not Linux: getrusage below.
  }
  return process.resourceUsage().maxRSS / 1024;
}
