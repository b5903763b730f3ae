import { mkdtemp, mkdir, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rendererIsStale } from './serve-app';

let root: string;

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'logbook-stale-'));
  await mkdir(path.join(root, 'renderer', 'pages'), { recursive: true });
  await mkdir(path.join(root, 'db', 'contract'), { recursive: true });
  await writeFile(path.join(root, 'package.json'), '{}');
  await writeFile(path.join(root, 'renderer', 'index.html'), '');
  await writeFile(path.join(root, 'renderer', 'pages', 'home.tsx'), '');
  await writeFile(path.join(root, 'db', 'contract', 'index.ts'), '');
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

async function touch(file: string, seconds: number): Promise<void> {
  const t = new Date(Date.UTC(2025, 0, 1) + seconds * 1000);
  await utimes(file, t, t);
}

describe('rendererIsStale', () => {
  it('is stale without a build, fresh after one, stale again when a source or the contract changes', async () => {
    expect(rendererIsStale(root)).toBe(true);
    for (const f of ['package.json', 'renderer/index.html', 'renderer/pages/home.tsx', 'db/contract/index.ts'])
      await touch(path.join(root, f), 0);
    await mkdir(path.join(root, 'out', 'renderer'), { recursive: true });
    await writeFile(path.join(root, 'out', 'renderer', 'index.html'), '');
    await touch(path.join(root, 'out', 'renderer', 'index.html'), 10);
    expect(rendererIsStale(root)).toBe(false);
    await touch(path.join(root, 'renderer', 'pages', 'home.tsx'), 20);
    expect(rendererIsStale(root)).toBe(true);
    await touch(path.join(root, 'renderer', 'pages', 'home.tsx'), 0);
    await touch(path.join(root, 'db', 'contract', 'index.ts'), 20);
    expect(rendererIsStale(root)).toBe(true);
  });

  it('ignores test files', async () => {
    await touch(path.join(root, 'db', 'contract', 'index.ts'), 0);
    await writeFile(path.join(root, 'renderer', 'pages', 'home.test.tsx'), '');
    await touch(path.join(root, 'renderer', 'pages', 'home.test.tsx'), 50);
    expect(rendererIsStale(root)).toBe(false);
  });
});
