/**
 * Run in a fresh process by bench/timeline.ts, bundled as the packaged app's code is (one
 * CommonJS file, the verify worker its own bundle), so its figures are those of an app that
 * has just opened the data folder: not of the benchmark that built the book, and not of tsx.
 * Opens the folder as the app does (the full verify starts in its worker thread), times the
 * first timeline page and pages deep in the book, reads RSS, then waits for the background
 * verify. Prints one JSON line.
 */
import path from 'node:path';
import { FileKeyStore } from '../db/ledger/index';
import { callService, createService } from '../db/service';

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  // `--workspace`: the liaison's overview (bench/workspace.ts) instead of one book's timeline.
  const workspace = args.includes('--workspace');
  const [dir, bookId] = args.filter((a) => a !== '--workspace') as [string, string | undefined];
  const worker = process.env.LOGBOOK_VERIFY_WORKER;
  const keyStore = new FileKeyStore(path.join(dir, 'keys'));
  const started = performance.now();
  const service = createService({ dataDir: dir, keyStore, ...(worker ? { verifyWorker: worker } : {}) });
  const books = await callService(service, 'books.list', {});
  const result: Record<string, number> = { books: books.length, open_ms: performance.now() - started };
  if (workspace) await measureOverview(service, started, result);
  if (bookId) {
    const first = await callService(service, 'entries.list', { bookId, limit: 100 });
    result.open_first_page_ms = performance.now() - started;
    // Pages around offset 50,000, the median of five: one call alone is at the mercy of the machine.
    const deepTimes: number[] = [];
    let deep = first;
    for (let i = 0; i < 5; i++) {
      const t0 = performance.now();
      deep = await callService(service, 'entries.list', { bookId, offset: 50_000 + i * 100, limit: 100 });
      deepTimes.push(performance.now() - t0);
    }
    result.page_50k_ms = deepTimes.sort((a, b) => a - b)[2]!;
    const t = performance.now();
    const filtered = await callService(service, 'entries.list', {
      bookId,
      kinds: ['activity'],
      year: 2025,
      offset: 1_000,
      limit: 100,
    });
    result.filtered_page_ms = performance.now() - t;
    if (
      first.items.length !== 100 ||
      deep.items.length !== 100 ||
      filtered.items.length !== 100 ||
      first.items.some((s) => s.problem)
    ) {
      throw new Error(`timeline answered ${first.items.length} / ${deep.items.length} / ${filtered.items.length}`);
    }
    result.entries = first.total;
  }
  result.rss_open_mb = process.memoryUsage().rss / 1024 / 1024;
  for (const book of books) {
    const view = await callService(service, 'books.verify', { bookId: book.bookId });
    if (!view.ok) throw new Error(`background verify failed: ${JSON.stringify(view.problems.slice(0, 2))}`);
  }
  result.background_verify_s = (performance.now() - started) / 1000;
  result.rss_after_verify_mb = process.memoryUsage().rss / 1024 / 1024;
  service.close();
  console.log(JSON.stringify(result));
}

/** Open + the first overview page, then a sorted, filtered page (median of five). */
async function measureOverview(
  service: ReturnType<typeof createService>,
  started: number,
  result: Record<string, number>,
): Promise<void> {
  const first = await callService(service, 'workspace.overview', { limit: 50 });
  result.workspace_open_ms = performance.now() - started;
  result.workspace_total = first.total;
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    const page = await callService(service, 'workspace.overview', {
      sort: i % 2 === 0 ? 'org' : 'size',
      order: 'desc',
      filter: { text: '第 1' },
      offset: 50,
      limit: 50,
    });
    times.push(performance.now() - t0);
    if (page.total === 0) throw new Error('the filtered overview is empty');
  }
  result.workspace_page_ms = times.sort((a, b) => a - b)[2]!;
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
