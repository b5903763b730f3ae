import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ledgerFixture, type LedgerFixture } from '../test-support/ledger-fixture';
import { seededRandom } from '../test-support/seeded-random';
import { makeTempDir } from '../test-support/temp-dir';

/*
 * (e) A child process seals entries and acknowledges each one after `seal` returns; it is
 * killed with SIGKILL at random moments (during startup and open, or while sealing), 200
 * times. After every kill: the book opens writable, the full verify passes, and every
 * acknowledged entry is there with the acknowledged hash.
 */

const KILLS = 200;
const here = path.dirname(fileURLToPath(import.meta.url));
let tmp: ReturnType<typeof makeTempDir>;
let fx: LedgerFixture;
let child: string;
let bookId: string;

beforeAll(() => {
  tmp = makeTempDir('crash-');
  fx = ledgerFixture(tmp.dir);
  const started = performance.now();
  child = tmp.file('seal-child.cjs');
  // better-sqlite3 stays external (native addon); the child finds it through NODE_PATH.
  buildSync({
    entryPoints: [path.join(here, '../test-support/seal-child.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['better-sqlite3'],
    outfile: child,
    logLevel: 'error',
  });
  console.log(`child bundled in ${(performance.now() - started).toFixed(0)} ms`);
  const ledger = fx.open();
  bookId = ledger.createBook('崩溃测试').bookId;
  ledger.close();
});
afterAll(() => tmp.remove());

interface Run {
  acks: [number, string][];
  signal: NodeJS.Signals | null;
  code: number | null;
  stderr: string;
  sawReady: boolean;
}

function runAndKill(killAfterSpawnMs: number | null, killAfterReadyMs: number): Promise<Run> {
  return new Promise((resolve) => {
    const proc = spawn(process.execPath, [child, fx.dbPath, path.join(tmp.dir, 'keys'), bookId], {
      env: { ...process.env, NODE_PATH: path.resolve(here, '../../node_modules') },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let sawReady = false;
    const kill = () => proc.kill('SIGKILL');
    if (killAfterSpawnMs !== null) setTimeout(kill, killAfterSpawnMs);
    proc.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      if (!sawReady && stdout.includes('ready')) {
        sawReady = true;
        if (killAfterSpawnMs === null) setTimeout(kill, killAfterReadyMs);
      }
    });
    proc.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    proc.on('close', (code, signal) => {
      // Only complete lines count: a line cut by the kill was never fully acknowledged.
      const lines = stdout.split('\n').slice(0, -1);
      const acks = lines
        .filter((line) => line.startsWith('ack '))
        .map((line) => {
          const [, seq, hash] = line.split(' ');
          return [Number(seq), hash!] as [number, string];
        });
      resolve({ acks, signal, code, stderr, sawReady });
    });
  });
}

it(`(e) SIGKILL at random moments, ${KILLS} times: every acknowledged entry survives and the chain verifies`, async () => {
  const started = performance.now();
  const random = seededRandom(4242);
  const acked = new Map<number, string>();
  const stats = { kills: 0, killedBeforeReady: 0, acks: 0, maxSize: 0 };
  for (let i = 0; i < KILLS; i++) {
    // One run in six is killed blindly soon after spawn (startup, open, quick check, the
    // first seal); the others a random 0–30 ms into sealing.
    const blind = random() < 1 / 6 ? Math.floor(random() * 120) : null;
    const run = await runAndKill(blind, Math.floor(random() * 30));
    expect(run.signal, `run ${i} ended by itself: ${run.stderr}`).toBe('SIGKILL');
    stats.kills++;
    if (!run.sawReady) stats.killedBeforeReady++;
    let last = 0;
    for (const [seq, hash] of run.acks) {
      expect(acked.has(seq), `seq ${seq} acknowledged twice`).toBe(false);
      expect(seq).toBeGreaterThan(last);
      last = seq;
      acked.set(seq, hash);
      stats.acks++;
    }
    const ledger = fx.open();
    try {
      const status = ledger.status(bookId);
      expect(status.readOnly, `after run ${i}: ${status.reason ?? ''}`).toBe(false);
      const report = ledger.verify(bookId);
      expect(report.problems, `after run ${i}`).toEqual([]);
      for (const [seq, hash] of run.acks) expect(ledger.getEntry(bookId, seq)?.hash).toBe(hash);
      stats.maxSize = report.size;
    } finally {
      ledger.close();
    }
  }
  const ledger = fx.open();
  try {
    for (const [seq, hash] of acked) expect(ledger.getEntry(bookId, seq)?.hash, `seq ${seq}`).toBe(hash);
    expect(ledger.verify(bookId).ok).toBe(true);
  } finally {
    ledger.close();
  }
  console.log(`crash test: ${((performance.now() - started) / 1000).toFixed(1)} s`, stats);
  expect(stats.kills).toBe(KILLS);
  expect(stats.acks).toBeGreaterThan(KILLS / 2);
}, 180_000);
