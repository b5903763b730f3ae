/**
 * Ledger benchmark (`npm run bench`).
 *
 * 1. Seal latency: 2,000 single seals into a real file (WAL, synchronous=FULL, each seal also
 *    writes the outside checkpoint file with fsync + rename + directory fsync); p50/p95.
 * 2. Full verify: a 100,000-entry book of realistic Chinese meeting minutes (0.5–4 KB each,
 *    seeded PRNG) built with sealBatch, the ledger closed and reopened, then `verify` timed.
 * 3. Baseline: the same canonical bytes, already in memory, hashed with node:crypto one-shot
 *    SHA-256. `verify_vs_raw_hash` = verify time / baseline time. Verify and baseline are
 *    each the median of three runs.
 *
 * 4. Opening (bench/timeline.ts): a fresh process opens a 100k book and a 200-book workspace.
 * 4b. Workspace overview (bench/workspace.ts): 200 imported books of 1,000 demo entries, opened fresh.
 * 5. Search (bench/search.ts): p50/p95 of search.query on a 100k book, against a LIKE scan.
 * 6. Signed bundles (bench/bundle.ts): export and import+verify of 100k entries + 200 MB of
 *    attachments (and 1 GB), against raw SHA-256 and the outsider's unzip + sha256sum + ssh-keygen.
 *
 * Targets (2-core machine): seal p50 <= 2 ms; verify of 100k <= 1.5 s and <= 3x the baseline;
 * open + first page <= 100 ms, page at 50,000 <= 20 ms, RSS after open < 150 MB, 200 books <= 1 s.
 * Writes only under os.tmpdir() and removes it. The LAST line is one JSON object.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { FileKeyStore, openLedger, type EntryInput, type Ledger } from '../db/ledger/index';
import { meetingBody, seededRandom } from './chinese-minutes';
import { measureBundles } from './bundle';
import { measureSearch } from './search';
import { bundleOpenChild, measureOpen, measureWorkspace } from './timeline';
import { measureWorkspaceOverview } from './workspace';

const SEALS = 2_000;
const BOOK_SIZE = 100_000;
const BATCH = 2_000;
const RUNS = 3;
const WORKSPACE_BOOKS = 200;
const WORKSPACE_BOOK_SIZE = 500;
/** The liaison's overview: 200 imported books of 1,000 demo entries (bench/workspace.ts). */
const OVERVIEW_BOOK_SIZE = 1_000;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

function median(values: number[]): number {
  return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
}

function seconds(from: bigint): number {
  return Number(process.hrtime.bigint() - from) / 1e9;
}

function measureSeals(ledger: Ledger): { p50: number; p95: number; mean: number } {
  const random = seededRandom(1);
  const { bookId } = ledger.createBook('基准测试：封存延迟');
  const times: number[] = [];
  for (let i = 1; i <= SEALS; i++) {
    const input: EntryInput = { kind: 'meeting', body: meetingBody(random, i) };
    const started = performance.now();
    ledger.seal(bookId, input);
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return {
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    mean: times.reduce((a, b) => a + b, 0) / times.length,
  };
}

function buildBook(ledger: Ledger): { bookId: string; seconds: number } {
  const random = seededRandom(2);
  const { bookId } = ledger.createBook('基准测试：十万条记录');
  const started = process.hrtime.bigint();
  for (let n = 1; n < BOOK_SIZE; n += BATCH) {
    const count = Math.min(BATCH, BOOK_SIZE - n);
    const inputs: EntryInput[] = [];
    for (let i = 0; i < count; i++) inputs.push({ kind: 'meeting', body: meetingBody(random, n + i) });
    ledger.sealBatch(bookId, inputs);
  }
  return { bookId, seconds: seconds(started) };
}

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-bench-'));
  try {
    const keyStore = new FileKeyStore(path.join(dir, 'keys'));
    const dbPath = path.join(dir, 'bench.db');
    // Verify is timed here in this thread: no background verify on open competing for the CPU.
    let ledger = openLedger({ path: dbPath, keyStore, verifyOnOpen: false });
    const seal = measureSeals(ledger);
    const built = buildBook(ledger);
    ledger.close();

    const reopenStarted = process.hrtime.bigint();
    ledger = openLedger({ path: dbPath, keyStore, verifyOnOpen: false });
    const reopen = seconds(reopenStarted);
    const quick = ledger.quickCheck(built.bookId);

    // Median of three runs each: the figures are less at the mercy of other processes.
    const verifyRuns: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const verifyStarted = process.hrtime.bigint();
      const report = ledger.verify(built.bookId);
      verifyRuns.push(seconds(verifyStarted));
      if (!report.ok || report.size !== BOOK_SIZE) {
        throw new Error(`verify failed: ${JSON.stringify(report.problems.slice(0, 3))} size ${report.size}`);
      }
    }
    const verify = median(verifyRuns);

    const canonical: Buffer[] = [];
    let totalBytes = 0;
    for (let seq = 1; seq <= BOOK_SIZE; seq++) {
      const bytes = ledger.rawEntry(built.bookId, seq);
      canonical.push(bytes);
      totalBytes += bytes.length;
    }
    ledger.close();
    const rawRuns: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const rawStarted = process.hrtime.bigint();
      for (const bytes of canonical) crypto.hash('sha256', bytes, 'buffer');
      rawRuns.push(seconds(rawStarted));
    }
    const rawHash = median(rawRuns);
    const fileBytes = fs.statSync(dbPath).size;
    const timelineDir = path.join(dir, 'timeline');
    fs.mkdirSync(timelineDir);
    const bundle = await bundleOpenChild();
    const opened = await measureOpen(bundle, timelineDir, BOOK_SIZE);
    const workspaceDir = path.join(dir, 'workspace');
    fs.mkdirSync(workspaceDir);
    const workspace = await measureWorkspace(bundle, workspaceDir, WORKSPACE_BOOKS, WORKSPACE_BOOK_SIZE);
    const overviewDir = path.join(dir, 'overview');
    fs.mkdirSync(overviewDir);
    const overview = await measureWorkspaceOverview(bundle, overviewDir, WORKSPACE_BOOKS, OVERVIEW_BOOK_SIZE);
    const searchDir = path.join(dir, 'search');
    fs.mkdirSync(searchDir);
    const found = await measureSearch(searchDir, BOOK_SIZE);
    const bundleDir = path.join(dir, 'bundles');
    fs.mkdirSync(bundleDir);
    const bundles = await measureBundles(bundleDir);

    const rows: [string, string][] = [
      ['seal p50 (ms)', seal.p50.toFixed(3)],
      ['seal p95 (ms)', seal.p95.toFixed(3)],
      ['seal mean (ms)', seal.mean.toFixed(3)],
      [`build ${BOOK_SIZE} via sealBatch (s)`, built.seconds.toFixed(2)],
      ['canonical bytes (MB)', (totalBytes / 1e6).toFixed(1)],
      ['database file (MB)', (fileBytes / 1e6).toFixed(1)],
      ['reopen incl. quick checks (ms)', (reopen * 1000).toFixed(1)],
      ['quickCheck 100k (ms)', quick.ms.toFixed(2)],
      ['full verify 100k, median of 3 (s)', verify.toFixed(3)],
      ['  runs (s)', verifyRuns.map((t) => t.toFixed(3)).join(' ')],
      ['raw SHA-256 of same bytes, median (s)', rawHash.toFixed(3)],
      ['  runs (s)', rawRuns.map((t) => t.toFixed(3)).join(' ')],
      ['verify / raw hash', (verify / rawHash).toFixed(2)],
      [`read model built once from ${opened.entries} entries (s)`, opened.readModelBuildS.toFixed(2)],
      ['open + first timeline page, fresh process (ms)', opened.openFirstPageMs.toFixed(1)],
      ['timeline: page at offset 50,000 (ms)', opened.page50kMs.toFixed(1)],
      ['timeline: filtered page (ms)', opened.filteredPageMs.toFixed(1)],
      ['RSS after open (MB)', opened.rssOpenMb.toFixed(1)],
      ['background full verify done, from open (s)', opened.backgroundVerifyS.toFixed(2)],
      ['RSS after the background verify (MB)', opened.rssAfterVerifyMb.toFixed(1)],
      [`open ${workspace.books} books of ${WORKSPACE_BOOK_SIZE} (s)`, workspace.openS.toFixed(3)],
      [`  background verify of all ${workspace.books}, from open (s)`, workspace.backgroundVerifyS.toFixed(2)],
      [
        `workspace overview: open ${overview.books} imported books of ${overview.entriesPerBook} + first page (s)`,
        overview.openS.toFixed(3),
      ],
      ['workspace overview: sorted, filtered page, median of 5 (ms)', overview.pageMs.toFixed(1)],
      [
        `  ${overview.books} books built / imported through bundles.import (s)`,
        `${overview.buildS.toFixed(1)} / ${overview.importS.toFixed(1)}`,
      ],
      [`search: read model + index built from ${BOOK_SIZE} entries (s)`, found.buildS.toFixed(2)],
      ...Object.keys(found.p95).map((k): [string, string] => [
        `search p50 / p95, ${k} (ms)`,
        `${found.p50[k]!.toFixed(1)} / ${found.p95[k]!.toFixed(1)}`,
      ]),
      ['search baseline: LIKE scan p50 / p95 (ms)', `${found.likeP50.toFixed(1)} / ${found.likeP95.toFixed(1)}`],
      [`bundle export, ${bundles.bundle_mb} MB (MB/s)`, String(bundles.export_mb_s)],
      ['bundle import + verify (s / MB/s)', `${bundles.import_verify_s} / ${bundles.import_verify_mb_s}`],
      ['bundle raw SHA-256 (MB/s)', String(bundles.raw_sha256_mb_s)],
      ['bundle outsider pipeline (s)', String(bundles.outsider_pipeline_s)],
      [
        `bundle import peak RSS, ${bundles.bundle_mb} MB / ${bundles.bundle_mb_1gb} MB (MB)`,
        `${bundles.import_peak_rss_mb} / ${bundles.import_peak_rss_mb_1gb}`,
      ],
    ];
    const width = Math.max(...rows.map(([k]) => k.length));
    console.log('ledger benchmark'.padEnd(width) + '  value');
    for (const [k, v] of rows) console.log(`${k.padEnd(width)}  ${v}`);
    console.log(
      JSON.stringify({
        seal_p50_ms: Number(seal.p50.toFixed(3)),
        seal_p95_ms: Number(seal.p95.toFixed(3)),
        verify_100k_s: Number(verify.toFixed(3)),
        raw_hash_100k_s: Number(rawHash.toFixed(3)),
        verify_vs_raw_hash: Number((verify / rawHash).toFixed(2)),
        open_first_page_100k_ms: Number(opened.openFirstPageMs.toFixed(1)),
        page_50k_ms: Number(opened.page50kMs.toFixed(1)),
        filtered_page_100k_ms: Number(opened.filteredPageMs.toFixed(1)),
        rss_open_100k_mb: Number(opened.rssOpenMb.toFixed(1)),
        background_verify_100k_s: Number(opened.backgroundVerifyS.toFixed(2)),
        read_model_build_100k_s: Number(opened.readModelBuildS.toFixed(2)),
        open_200_books_s: Number(workspace.openS.toFixed(3)),
        workspace_open_200_s: Number(overview.openS.toFixed(3)),
        workspace_page_ms: Number(overview.pageMs.toFixed(1)),
        search_p95_ms_1: Number(found.p95['1']!.toFixed(1)),
        search_p95_ms_2: Number(found.p95['2']!.toFixed(1)),
        search_p95_ms_3: Number(found.p95['3']!.toFixed(1)),
        search_p95_ms_6: Number(found.p95['6']!.toFixed(1)),
        search_p95_ms_name: Number(found.p95.name!.toFixed(1)),
        search_p95_ms_pinyin: Number(found.p95.pinyin!.toFixed(1)),
        search_like_p95_ms: Number(found.likeP95.toFixed(1)),
        export_mb_s: bundles.export_mb_s,
        import_verify_mb_s: bundles.import_verify_mb_s,
        raw_sha256_mb_s: bundles.raw_sha256_mb_s,
        outsider_pipeline_s: bundles.outsider_pipeline_s,
        import_verify_s: bundles.import_verify_s,
        import_peak_rss_mb: bundles.import_peak_rss_mb,
        import_peak_rss_mb_1gb: bundles.import_peak_rss_mb_1gb,
      }),
    );
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

await main();
