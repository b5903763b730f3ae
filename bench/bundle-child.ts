/**
 * One liaison import in a fresh process (bench/bundle.ts): a new data folder, the bundle
 * verified and imported with its fingerprint; prints `{seconds, peakRssMb, outcome}` so the
 * peak RSS is the import's own (process.resourceUsage().maxRSS), not the benchmark's.
 */
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
console.log(JSON.stringify({ seconds, peakRssMb: process.resourceUsage().maxRSS / 1024, outcome: result.outcome }));
