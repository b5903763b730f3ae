/**
 * Builds the three parts of the app with vite's build API:
 * - renderer: `renderer/index.html` → out/renderer (whatever the page contains; a
 *   `renderer/vite.config.ts`, if the renderer adds one, is honoured);
 * - main: electron/main.ts → out/main/index.cjs (CommonJS, Node target, electron and
 *   better-sqlite3 left external: the native module must be loaded from node_modules);
 * - preload: electron/preload.ts → out/preload/index.cjs, ONE CommonJS file whose only
 *   require is `electron` (a sandboxed preload can require nothing else);
 * - worker: db/ledger/verify-worker.ts → out/worker/index.cjs, the background full verify's
 *   thread (the main bundle hands its path to the ledger; from source, tsx runs the .ts).
 * The configs are plain functions so tests can build into a temporary folder.
 */
import { existsSync } from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { build } from 'vite';
import type { InlineConfig } from 'vite';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export interface BuildPaths {
  root: string;
  outDir: string;
}

const defaults: BuildPaths = { root: ROOT, outDir: path.join(ROOT, 'out') };

export function rendererConfig(paths: BuildPaths = defaults): InlineConfig {
  const rendererRoot = path.join(paths.root, 'renderer');
  const own = path.join(rendererRoot, 'vite.config.ts');
  return {
    configFile: existsSync(own) ? own : false,
    root: rendererRoot,
    // Relative asset URLs work under app://logbook/ and http://127.0.0.1:<port>/ alike.
    base: './',
    logLevel: 'warn',
    plugins: existsSync(own) ? [] : [react()],
    build: {
      outDir: path.join(paths.outDir, 'renderer'),
      emptyOutDir: true,
      sourcemap: false,
      chunkSizeWarningLimit: 4096,
    },
  };
}

export const NODE_BUILTINS = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];

/** One CommonJS file for Node from `entry` (also used by the benchmark to run the app's code as packaged). */
export function nodeBundle(entry: string, outDir: string, external: string[], root: string): InlineConfig {
  return {
    configFile: false,
    root,
    logLevel: 'warn',
    publicDir: false,
    // No process.env.NODE_ENV games: the main process reads app.isPackaged instead.
    build: {
      ssr: entry,
      outDir,
      emptyOutDir: true,
      target: 'node22',
      minify: false,
      sourcemap: false,
      reportCompressedSize: false,
      rolldownOptions: {
        external,
        output: { format: 'cjs', entryFileNames: 'index.cjs', codeSplitting: false },
      },
    },
    ssr: { noExternal: true, target: 'node' },
  };
}

export function mainConfig(paths: BuildPaths = defaults): InlineConfig {
  return nodeBundle(
    path.join(paths.root, 'electron', 'main.ts'),
    path.join(paths.outDir, 'main'),
    ['electron', 'better-sqlite3', ...NODE_BUILTINS],
    paths.root,
  );
}

export function preloadConfig(paths: BuildPaths = defaults): InlineConfig {
  return nodeBundle(
    path.join(paths.root, 'electron', 'preload.ts'),
    path.join(paths.outDir, 'preload'),
    ['electron'],
    paths.root,
  );
}

export function workerConfig(paths: BuildPaths = defaults): InlineConfig {
  return nodeBundle(
    path.join(paths.root, 'db', 'ledger', 'verify-worker.ts'),
    path.join(paths.outDir, 'worker'),
    ['better-sqlite3', ...NODE_BUILTINS],
    paths.root,
  );
}

export type Part = 'renderer' | 'main' | 'preload' | 'worker';

export async function buildParts(
  parts: readonly Part[] = ['renderer', 'main', 'preload', 'worker'],
  paths: BuildPaths = defaults,
): Promise<void> {
  const configs: Record<Part, () => InlineConfig> = {
    renderer: () => rendererConfig(paths),
    main: () => mainConfig(paths),
    preload: () => preloadConfig(paths),
    worker: () => workerConfig(paths),
  };
  for (const part of parts) {
    await build(configs[part]());
  }
}

/** CLI: `node scripts/build.mjs [renderer|main|preload ...]`. */
export async function main(argv: readonly string[]): Promise<number> {
  const known: readonly Part[] = ['renderer', 'main', 'preload', 'worker'];
  const requested = argv.filter((a): a is Part => (known as readonly string[]).includes(a));
  const unknown = argv.filter((a) => !(known as readonly string[]).includes(a));
  if (unknown.length > 0) {
    console.error(`未知的构建目标：${unknown.join(', ')}（可选：renderer、main、preload、worker）`);
    return 2;
  }
  try {
    await buildParts(requested.length > 0 ? requested : known);
    console.log(`构建完成 → ${path.relative(process.cwd(), defaults.outDir) || 'out'}/`);
    return 0;
  } catch (error) {
    // vite has already printed the details; one line here says what to do.
    console.error(
      `构建失败：${(error instanceof Error ? error.message : String(error)).split('\n')[0] ?? ''}（详见上方输出，修正后重新运行 npm run build）`,
    );
    return 1;
  }
}
