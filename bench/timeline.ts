/**
 * Opening a book, part of `npm run bench`. A 100,000-entry book of activities (Chinese text
 * of 0.5–4 KB each) is sealed with the ledger; the service then builds its SQLite read model
 * once (what a database from before the read model costs on its first open). Then a fresh
 * process opens the folder as the app does and is timed: open + first timeline page, a page
 * at offset 50,000, a filtered page, RSS after open, and the background full verify. The same
 * for a liaison's workspace: 200 books of 500 entries in one data folder.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { NODE_BUILTINS, nodeBundle } from '../scripts/build-app';
import { FileKeyStore, openLedger, type EntryInput } from '../db/ledger/index';
import { callService, createService, DATABASE_FILE } from '../db/service';
import { makeBody } from '../db/service/entry-body';
import { meetingBody, seededRandom } from './chinese-minutes';

const HERE = path.dirname(fileURLToPath(import.meta.url));

export interface OpenFigures {
  readModelBuildS: number;
  openFirstPageMs: number;
  page50kMs: number;
  filteredPageMs: number;
  rssOpenMb: number;
  backgroundVerifyS: number;
  rssAfterVerifyMb: number;
  entries: number;
}

export interface WorkspaceFigures {
  books: number;
  openS: number;
  backgroundVerifyS: number;
}

export function activities(random: () => number, from: number, count: number): EntryInput[] {
  const inputs: EntryInput[] = [];
  for (let i = 0; i < count; i++) {
    const n = from + i;
    const day = `2025-${String(1 + (n % 12)).padStart(2, '0')}-${String(1 + (n % 28)).padStart(2, '0')}`;
    const input = {
      type: 'study',
      title: `理论学习第${n}次`,
      date: day,
      place: '学会会议室',
      organizer: '党建工作小组',
      participantIds: [],
      otherParticipants: '',
      content: String(meetingBody(random, n).minutes),
      outcome: '',
      attachments: [],
    };
    inputs.push({ kind: 'activity', body: makeBody(input, {}, []) });
  }
  return inputs;
}

/** Seals books of `size` entries into the folder with the bare ledger (no read model yet). */
function sealBooks(dir: string, names: string[], size: number): string[] {
  const keyStore = new FileKeyStore(path.join(dir, 'keys'));
  const ledger = openLedger({ path: path.join(dir, DATABASE_FILE), keyStore, verifyWorker: null });
  try {
    return names.map((name, i) => {
      const { bookId } = ledger.createBook(name);
      const random = seededRandom(3 + i);
      for (let n = 1; n < size; n += 2_000) ledger.sealBatch(bookId, activities(random, n, Math.min(2_000, size - n)));
      return bookId;
    });
  } finally {
    ledger.close();
  }
}

/** The first open of the service builds the read model from the entries (once). */
export async function buildReadModel(dir: string): Promise<number> {
  const started = performance.now();
  const service = createService({
    dataDir: dir,
    keyStore: new FileKeyStore(path.join(dir, 'keys')),
    verifyWorker: null,
    inlineVerifyBelow: 0,
  });
  try {
    for (const book of await callService(service, 'books.list', {}))
      await callService(service, 'entries.list', { bookId: book.bookId, limit: 1 });
  } finally {
    service.close();
  }
  return (performance.now() - started) / 1000;
}

/**
 * Bundles the child and the verify worker as the app's build does, into out/bench (inside
 * the project, so the bundles find better-sqlite3 in node_modules as the packaged app does).
 */
export async function bundleOpenChild(): Promise<{ child: string; worker: string }> {
  const root = path.join(HERE, '..');
  const outDir = path.join(root, 'out', 'bench');
  const external = ['better-sqlite3', ...NODE_BUILTINS];
  await build(nodeBundle(path.join(HERE, 'open-child.ts'), path.join(outDir, 'child'), external, root));
  await build(
    nodeBundle(path.join(root, 'db', 'ledger', 'verify-worker.ts'), path.join(outDir, 'worker'), external, root),
  );
  return { child: path.join(outDir, 'child', 'index.cjs'), worker: path.join(outDir, 'worker', 'index.cjs') };
}

export function openInFreshProcess(
  bundle: { child: string; worker: string },
  dir: string,
  bookId?: string,
  flags: string[] = [],
): Record<string, number> {
  const out = execFileSync(process.execPath, [bundle.child, dir, ...(bookId ? [bookId] : []), ...flags], {
    encoding: 'utf8',
    maxBuffer: 1 << 20,
    env: { ...process.env, LOGBOOK_VERIFY_WORKER: bundle.worker },
  });
  return JSON.parse(out.trim().split('\n').pop()!) as Record<string, number>;
}

export async function measureOpen(
  bundle: { child: string; worker: string },
  dir: string,
  size: number,
): Promise<OpenFigures> {
  const [bookId] = sealBooks(dir, ['基准测试：时间线'], size) as [string];
  const readModelBuildS = await buildReadModel(dir);
  const r = openInFreshProcess(bundle, dir, bookId);
  return {
    readModelBuildS,
    openFirstPageMs: r.open_first_page_ms!,
    page50kMs: r.page_50k_ms!,
    filteredPageMs: r.filtered_page_ms!,
    rssOpenMb: r.rss_open_mb!,
    backgroundVerifyS: r.background_verify_s!,
    rssAfterVerifyMb: r.rss_after_verify_mb!,
    entries: r.entries!,
  };
}

export async function measureWorkspace(
  bundle: { child: string; worker: string },
  dir: string,
  books: number,
  size: number,
): Promise<WorkspaceFigures> {
  sealBooks(
    dir,
    Array.from({ length: books }, (_, i) => `基准测试：第 ${i + 1} 本`),
    size,
  );
  await buildReadModel(dir);
  const r = openInFreshProcess(bundle, dir);
  if (r.books !== books) throw new Error(`workspace opened ${r.books} of ${books} books`);
  return { books, openS: r.open_ms! / 1000, backgroundVerifyS: r.background_verify_s! };
}
