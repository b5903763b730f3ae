/**
 * The liaison's workspace overview, part of `npm run bench` (also alone: `npx tsx bench/workspace.ts`).
 *
 * 1. One realistic 1,000-entry book is generated once with the demo generator, through the
 *    service (its rules, flags, corrections), and read back entry by entry.
 * 2. 200 society books are sealed from those entries with the bare ledger (each its own key
 *    and id, its own organisation name) and exported as signed bundles through the service, in
 *    a child process; meanwhile, on the other core, each bundle is imported as soon as it is
 *    ready into one liaison data folder through the service's own import path
 *    (`bundles.import` with the fingerprint confirmed, as typed from the paper 备案), which
 *    stores each book's overview row right after its import.
 * 3. A fresh process (bench/open-child.ts, bundled as the app is) opens the folder and is
 *    timed: open + the first overview page (`workspace_open_200_s`), then a sorted, filtered
 *    page, the median of five (`workspace_page_ms`). Targets: open <= 1 s, page <= 100 ms.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';
import { runDemo } from '../db/demo';
import { FileKeyStore, openLedger, type CorrectionRequest, type EntryInput } from '../db/ledger/index';
import { callService, createService, DATABASE_FILE } from '../db/service';
import { bundleOpenChild, openInFreshProcess } from './timeline';

export interface WorkspaceOverviewFigures {
  books: number;
  entriesPerBook: number;
  /** The demo book, generated through the service. */
  buildS: number;
  /** The society books sealed and exported (child process) while the liaison imports them. */
  importS: number;
  openS: number;
  pageMs: number;
}

const keys = (dir: string) => new FileKeyStore(path.join(dir, 'keys'));

/** The demo book's entries after its genesis (kind, body, attachments), and its genesis meta. */
async function demoEntries(
  dir: string,
  entries: number,
): Promise<{ meta: Record<string, unknown>; inputs: EntryInput[] }> {
  let now = new Date();
  const service = createService({ dataDir: dir, keyStore: keys(dir), verifyWorker: null, clock: () => now });
  let bookId: string;
  try {
    ({ bookId } = await runDemo(
      (method, input) => callService(service, method, input),
      (local) => (now = new Date(`${local}:00+08:00`)),
      { entries, seed: 20, startYear: new Date().getUTCFullYear() - 2 },
    ));
  } finally {
    service.close();
  }
  const ledger = openLedger({ path: path.join(dir, DATABASE_FILE), keyStore: keys(dir), verifyWorker: null });
  try {
    const all = ledger.listEntries(bookId);
    const genesis = all[0]!.body as { societyName?: string };
    return {
      meta: genesis.societyName ? { societyName: genesis.societyName } : {},
      inputs: all.slice(1).map((e) => ({ kind: e.kind, body: e.body, attachments: e.attachments })),
    };
  } finally {
    ledger.close();
  }
}

/** The organisation's entries (set-up, changes) with its own name: each book its own society. */
function renamed(inputs: EntryInput[], n: number): EntryInput[] {
  return inputs.map((e) => {
    const org = (e.body as { input?: { organisation?: { orgName?: unknown } } }).input?.organisation;
    if (typeof org?.orgName !== 'string') return e;
    const body = structuredClone(e.body) as { input: { organisation: { orgName: string } } };
    body.input.organisation.orgName = `${org.orgName}（第 ${n} 本）`;
    return { ...e, body };
  });
}

/** One society book as the society child reports it: its bundle and its key fingerprint. */
interface Exported {
  file: string;
  fingerprint: string;
}

/**
 * The society's side, run in a child process (`--society`): 200 books sealed from the demo
 * entries with the bare ledger (each its own key and id, its own organisation name), then
 * exported through the service as the app does, one JSON line per bundle on stdout as soon
 * as it is written, so the liaison's imports run on the other core meanwhile.
 */
async function societyChild(dir: string, entriesFile: string, books: number): Promise<void> {
  const { meta, inputs } = JSON.parse(fs.readFileSync(entriesFile, 'utf8')) as {
    meta: Record<string, unknown>;
    inputs: EntryInput[];
  };
  const societyDir = path.join(dir, 'society');
  const fingerprints = new Map<string, string>();
  // Sealed and exported in rounds: the first bundles are ready after a few seconds.
  const ROUND = 25;
  for (let from = 1; from <= books; from += ROUND) {
    const ledger = openLedger({
      path: path.join(societyDir, DATABASE_FILE),
      keyStore: keys(societyDir),
      verifyWorker: null,
    });
    const round: string[] = [];
    try {
      for (let i = from; i < from + ROUND && i <= books; i++) {
        const { bookId } = ledger.createBook(`基准测试：第 ${i} 本`, meta);
        // Runs of ordinary entries in one batch; each correction through the ledger's own method
        // (it names the target's hash in this book).
        let run: EntryInput[] = [];
        for (const e of renamed(inputs, i)) {
          if (e.kind !== 'ledger.correction') {
            run.push(e);
            continue;
          }
          if (run.length > 0) ledger.sealBatch(bookId, run);
          run = [];
          const { targetHash: _hash, ...correction } = e.body as CorrectionRequest & { targetHash: string };
          ledger.correct(bookId, correction);
        }
        if (run.length > 0) ledger.sealBatch(bookId, run);
        round.push(bookId);
        fingerprints.set(bookId, ledger.getBook(bookId).keyId);
      }
    } finally {
      ledger.close();
    }
    const society = createService({ dataDir: societyDir, keyStore: keys(societyDir), verifyWorker: null });
    try {
      for (const bookId of round) {
        const file = path.join(dir, `${bookId}.zip`);
        await society.exportBundle(bookId, file);
        const line: Exported = { file, fingerprint: fingerprints.get(bookId)! };
        process.stdout.write(`${JSON.stringify(line)}\n`);
      }
    } finally {
      society.close();
    }
  }
}

/** Starts the society child; yields each bundle as it is exported, and fails if the child does. */
async function* societyBundles(dir: string, entriesFile: string, books: number): AsyncGenerator<Exported> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', fileURLToPath(import.meta.url), '--society', dir, entriesFile, String(books)],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
  let count = 0;
  try {
    for await (const line of readline.createInterface({ input: child.stdout })) {
      if (line.trim() === '') continue;
      count++;
      yield JSON.parse(line) as Exported;
    }
    const code = await exited;
    if (code !== 0 || count !== books) throw new Error(`society child: exit ${code}, ${count} of ${books} bundles`);
  } finally {
    if (child.exitCode === null) child.kill();
  }
}

export async function measureWorkspaceOverview(
  bundle: { child: string; worker: string },
  dir: string,
  books: number,
  entriesPerBook: number,
): Promise<WorkspaceOverviewFigures> {
  const started = performance.now();
  const demoDir = path.join(dir, 'demo');
  const liaisonDir = path.join(dir, 'liaison');
  for (const d of [demoDir, path.join(dir, 'society'), liaisonDir]) fs.mkdirSync(d, { recursive: true });
  const demo = await demoEntries(demoDir, entriesPerBook);
  if (demo.inputs.some((e) => (e.attachments ?? []).length > 0)) throw new Error('demo entries carry attachments');
  const entriesFile = path.join(dir, 'demo-entries.json');
  fs.writeFileSync(entriesFile, JSON.stringify(demo));
  const buildS = (performance.now() - started) / 1000;
  console.error(`demo book of ${entriesPerBook} entries in ${buildS.toFixed(1)} s`);

  // The society child seals and exports on one core while the liaison imports on the other.
  const importStarted = performance.now();
  const liaison = createService({ dataDir: liaisonDir, keyStore: keys(liaisonDir), verifyWorker: null });
  try {
    await callService(liaison, 'liaison.setup', { liaison: { name: '基准联络员', office: '基准测试单位' } });
    for await (const { file, fingerprint } of societyBundles(dir, entriesFile, books)) {
      // The fingerprint confirmed with the first import (as typed from the paper 备案): one
      // verify per book, not a first one only to be asked for it.
      const upload = await liaison.stageBundle(file);
      const done = await callService(liaison, 'bundles.import', { upload, fingerprint });
      if (done.outcome !== 'imported') throw new Error(`import: ${done.outcome} ${done.message}`);
      fs.rmSync(file);
    }
  } finally {
    liaison.close();
  }
  const importS = (performance.now() - importStarted) / 1000;
  console.error(
    `sealed, exported and imported ${books} books in ${importS.toFixed(1)} s (set-up ${((performance.now() - started) / 1000).toFixed(1)} s)`,
  );

  const r = openInFreshProcess(bundle, liaisonDir, undefined, ['--workspace']);
  if (r.workspace_total !== books) throw new Error(`overview listed ${r.workspace_total} of ${books} books`);
  return { books, entriesPerBook, buildS, importS, openS: r.workspace_open_ms! / 1000, pageMs: r.workspace_page_ms! };
}

if (process.argv[2] === '--society') {
  await societyChild(process.argv[3]!, process.argv[4]!, Number(process.argv[5]));
} else if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'workspace-bench-'));
  const books = Number(process.env.WORKSPACE_BOOKS ?? 200);
  try {
    const figures = await measureWorkspaceOverview(await bundleOpenChild(), dir, books, 1_000);
    console.log(
      JSON.stringify({
        ...figures,
        workspace_open_200_s: Number(figures.openS.toFixed(3)),
        workspace_page_ms: Number(figures.pageMs.toFixed(1)),
      }),
    );
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
