/**
 * The demo book beside the real ones: its own folder, listed marked 示例, calls routed to it
 * by book id, verified in full, never exported, deleted in one call, and regenerated when a
 * generation was cut short.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { callService, createService, type Service } from '../service';
import { MemoryKeyStore, ORG } from '../service/test/service-harness';
import { demoDataDir, withDemoBook } from './demo-books';

let dir = '';
let service: Service;

const open = () =>
  withDemoBook(createService({ dataDir: dir, keyStore: new MemoryKeyStore() }), { dataDir: dir, verifyWorker: null });

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'logbook-demo-'));
  service = open();
});
afterEach(() => {
  service.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('the demo book beside the real books', () => {
  it('is generated into <data>/demo, listed marked, and verified like any other book', async () => {
    expect(await callService(service, 'books.list', {})).toEqual([]);
    const demo = await callService(service, 'demo.open', {});
    expect(demo.demo).toBe(true);
    expect(demo.size).toBeGreaterThanOrEqual(60);
    expect(fs.existsSync(path.join(demoDataDir(dir), 'logbook.sqlite'))).toBe(true);
    const list = await callService(service, 'books.list', {});
    expect(list).toEqual([expect.objectContaining({ bookId: demo.bookId, demo: true })]);
    const status = await callService(service, 'books.status', { bookId: demo.bookId });
    expect(status.demo).toBe(true);
    const report = await callService(service, 'books.verify', { bookId: demo.bookId });
    expect(report.ok).toBe(true);
    expect(report.size).toBe(demo.size);
    // A second open is the same book, not a new one.
    expect((await callService(service, 'demo.open', {})).bookId).toBe(demo.bookId);
  });

  it('keeps the real books apart: their own database, never marked, entries never mixed', async () => {
    const demo = await callService(service, 'demo.open', {});
    const real = await callService(service, 'books.create', {
      organisation: ORG,
      profile: { id: 'beijing-work-group' },
      members: [],
    });
    const list = await callService(service, 'books.list', {});
    expect(list.find((b) => b.bookId === real.bookId)?.demo).toBeUndefined();
    expect(list.filter((b) => b.demo)).toHaveLength(1);
    const realEntries = await callService(service, 'entries.list', { bookId: real.bookId });
    expect(realEntries.total).toBe(real.size);
    expect((await callService(service, 'entries.list', { bookId: demo.bookId })).total).toBe(demo.size);
    await expect(callService(service, 'books.status', { bookId: real.bookId })).resolves.not.toHaveProperty('demo');
    // The real database does not know the demo book: opened alone, it holds the real book only.
    service.close();
    const alone = createService({ dataDir: dir, keyStore: new MemoryKeyStore() });
    try {
      expect((await callService(alone, 'books.list', {})).map((b) => b.bookId)).toEqual([real.bookId]);
    } finally {
      alone.close();
    }
    service = open();
  });

  it('refuses to export the demo as a bundle', async () => {
    const demo = await callService(service, 'demo.open', {});
    await expect(service.exportBundle(demo.bookId, path.join(dir, 'demo.zip'))).rejects.toThrow(
      '示例记录本不是正式记录',
    );
    expect(fs.existsSync(path.join(dir, 'demo.zip'))).toBe(false);
  });

  it('is deleted in one call, and is there again after a restart until then', async () => {
    const demo = await callService(service, 'demo.open', {});
    service.close();
    service = open();
    expect((await callService(service, 'books.list', {})).map((b) => b.bookId)).toEqual([demo.bookId]);
    expect(await callService(service, 'demo.remove', {})).toEqual({ removed: true });
    expect(fs.existsSync(demoDataDir(dir))).toBe(false);
    expect(await callService(service, 'books.list', {})).toEqual([]);
    await expect(callService(service, 'books.status', { bookId: demo.bookId })).rejects.toThrow();
  });

  it('starts again when a generation was cut short', async () => {
    fs.mkdirSync(demoDataDir(dir), { recursive: true });
    fs.writeFileSync(path.join(demoDataDir(dir), 'logbook.sqlite'), 'half a database');
    expect(await callService(service, 'books.list', {})).toEqual([]);
    const demo = await callService(service, 'demo.open', {});
    expect((await callService(service, 'books.verify', { bookId: demo.bookId })).ok).toBe(true);
  });
});
