import { mkdtemp, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { builtinModules } from 'node:module';
import os, { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FileKeyStore, openLedger } from '../db/ledger';
import { buildParts, mainConfig, preloadConfig, rendererConfig, ROOT } from './build-app';

let out: string;

beforeAll(async () => {
  out = await mkdtemp(path.join(tmpdir(), 'logbook-build-'));
});

afterAll(async () => {
  await rm(out, { recursive: true, force: true });
});

/** The modules the code requires, skipping comment lines (bundled libraries quote `require('pako')` in their docs). */
function requiresOf(code: string): string[] {
  const lines = code.split('\n').filter((l) => !/^\s*(\*|\/\/)/.test(l));
  return [...lines.join('\n').matchAll(/require\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1] ?? '');
}

/** Node's own modules, with and without `node:`. */
const isBuiltin = (m: string) => m.startsWith('node:') || builtinModules.includes(m);

describe('build configs', () => {
  it('main: CommonJS for Node, electron and better-sqlite3 external, everything else bundled', () => {
    const config = mainConfig({ root: ROOT, outDir: out });
    expect(config.build?.ssr).toBe(path.join(ROOT, 'electron', 'main.ts'));
    const rolldown = config.build?.rolldownOptions as {
      external: string[];
      output: { format: string; entryFileNames: string };
    };
    expect(rolldown.output).toMatchObject({ format: 'cjs', entryFileNames: 'index.cjs' });
    expect(rolldown.external).toEqual(expect.arrayContaining(['electron', 'better-sqlite3', 'node:fs']));
    expect(rolldown.external).not.toContain('zod');
    expect(config.ssr?.noExternal).toBe(true);
  });

  it('renderer: root renderer/, relative base, out/renderer', () => {
    const config = rendererConfig({ root: ROOT, outDir: out });
    expect(config.root).toBe(path.join(ROOT, 'renderer'));
    expect(config.base).toBe('./');
    expect(config.build?.outDir).toBe(path.join(out, 'renderer'));
  });
});

describe('building', () => {
  it('the preload is ONE CommonJS file whose only require is electron', async () => {
    await buildParts(['preload'], { root: ROOT, outDir: out });
    expect(await readdir(path.join(out, 'preload'))).toEqual(['index.cjs']);
    const code = await readFile(path.join(out, 'preload', 'index.cjs'), 'utf8');
    expect(new Set(requiresOf(code))).toEqual(new Set(['electron']));
    expect(code).toContain('exposeInMainWorld("logbook"');
    expect(code).not.toMatch(/\bimport\s|export\s/);
    expect(preloadConfig({ root: ROOT, outDir: out }).build?.ssr).toBe(path.join(ROOT, 'electron', 'preload.ts'));
  });

  it('the main process bundles to out/main/index.cjs requiring only electron, better-sqlite3 and Node built-ins', async () => {
    await buildParts(['main'], { root: ROOT, outDir: out });
    expect(await readdir(path.join(out, 'main'))).toEqual(['index.cjs']);
    const code = await readFile(path.join(out, 'main', 'index.cjs'), 'utf8');
    const external = requiresOf(code).filter((m) => !isBuiltin(m));
    expect(new Set(external)).toEqual(new Set(['electron', 'better-sqlite3']));
  }, 120_000);

  it('the verify worker bundles to out/worker/index.cjs and verifies a real book in a thread', async () => {
    await buildParts(['worker'], { root: ROOT, outDir: out });
    expect(await readdir(path.join(out, 'worker'))).toEqual(['index.cjs']);
    const code = await readFile(path.join(out, 'worker', 'index.cjs'), 'utf8');
    const external = requiresOf(code).filter(
      (m) => !m.startsWith('node:') && !['fs', 'path', 'crypto', 'os', 'url', 'worker_threads', 'module'].includes(m),
    );
    expect(new Set(external)).toEqual(new Set(['better-sqlite3']));
    // The packaged app's path: the bundled worker, not tsx.
    const dir = await mkdtemp(path.join(os.tmpdir(), 'worker-bundle-'));
    const keyStore = new FileKeyStore(path.join(dir, 'keys'));
    const first = openLedger({ path: path.join(dir, 'book.db'), keyStore });
    const { bookId } = first.createBook('线程校验');
    for (let i = 0; i < 20; i++) first.seal(bookId, { kind: 'activity', body: { n: i } });
    first.close();
    const ledger = openLedger({
      path: path.join(dir, 'book.db'),
      keyStore,
      verifyWorker: path.join(out, 'worker', 'index.cjs'),
      inlineVerifyBelow: 0,
    });
    try {
      expect(ledger.status(bookId).verification.state).toBe('running');
      const report = await ledger.verifyInBackground(bookId);
      expect(report).toMatchObject({ ok: true, size: 21 });
      expect(ledger.status(bookId).verification.state).toBe('done');
    } finally {
      ledger.close();
      await rm(dir, { recursive: true, force: true });
    }
  }, 120_000);

  it('any renderer with an index.html builds, with relative asset URLs', async () => {
    // Inside the repository (out/ is ignored by git) so react resolves from node_modules.
    await mkdir(path.join(ROOT, 'out'), { recursive: true });
    const root = await mkdtemp(path.join(ROOT, 'out', 'test-renderer-'));
    await mkdir(path.join(root, 'renderer'), { recursive: true });
    await writeFile(
      path.join(root, 'renderer', 'index.html'),
      '<!doctype html><div id="root"></div><script type="module" src="./main.tsx"></script>',
    );
    await writeFile(
      path.join(root, 'renderer', 'main.tsx'),
      "import { createRoot } from 'react-dom/client';\ncreateRoot(document.getElementById('root')!).render(<p>记录本</p>);\n",
    );
    await buildParts(['renderer'], { root, outDir: path.join(root, 'out') });
    const html = await readFile(path.join(root, 'out', 'renderer', 'index.html'), 'utf8');
    expect(html).toMatch(/src="\.\/assets\/[^"]+\.js"/);
    expect(html).not.toMatch(/<script>(?!<\/script>)/);
    await rm(root, { recursive: true, force: true });
  }, 120_000);
});
