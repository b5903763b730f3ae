import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { LogbookBridge as RendererBridge } from '../renderer/logbook-global';
import type { LogbookBridge } from './preload-api';

// Never load the real `electron` package in tests: without its binary it tries to download one.
const electron = vi.hoisted(() => {
  const listeners = new Map<string, (...args: unknown[]) => void>();
  return {
    exposed: new Map<string, unknown>(),
    listeners,
    invoke: vi.fn(),
    on: vi.fn((channel: string, l: (...args: unknown[]) => void) => void listeners.set(channel, l)),
    removeListener: vi.fn((channel: string) => void listeners.delete(channel)),
  };
});

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => electron.exposed.set(key, api) },
  ipcRenderer: { invoke: electron.invoke, on: electron.on, removeListener: electron.removeListener },
}));

await import('./preload');
const bridge = electron.exposed.get('logbook') as LogbookBridge;

beforeEach(() => {
  electron.invoke.mockReset();
});

describe('preload', () => {
  it('exposes exactly one object, window.logbook, with call, onCommand and platform', () => {
    expect([...electron.exposed.keys()]).toEqual(['logbook']);
    expect(Object.keys(bridge).sort()).toEqual(['call', 'onCommand', 'platform']);
    expect(bridge.platform).toBe('electron');
  });

  it('forwards call(method, input) to logbook:<method>', async () => {
    electron.invoke.mockResolvedValue({ ok: true, value: [] });
    await expect(bridge.call('books.list', {})).resolves.toEqual({ ok: true, value: [] });
    expect(electron.invoke).toHaveBeenCalledWith('logbook:books.list', {});
  });

  it('refuses malformed method names without touching IPC', async () => {
    for (const name of ['', '../x', 'a b', 'x'.repeat(200)]) {
      await expect(bridge.call(name as 'books.list', {})).resolves.toMatchObject({
        ok: false,
        error: { code: 'unknown-method' },
      });
    }
    expect(electron.invoke).not.toHaveBeenCalled();
  });

  it('turns IPC failures into data', async () => {
    electron.invoke.mockRejectedValueOnce(new Error("No handler registered for 'logbook:nope'"));
    await expect((bridge.call as (m: string, i: unknown) => Promise<unknown>)('nope', {})).resolves.toMatchObject({
      ok: false,
      error: { code: 'unknown-method' },
    });
    electron.invoke.mockRejectedValueOnce(new Error('object could not be cloned'));
    await expect(bridge.call('books.list', {})).resolves.toMatchObject({ ok: false, error: { code: 'ipc-failed' } });
  });

  it('forwards only known menu commands and can unsubscribe', () => {
    const seen: string[] = [];
    const off = bridge.onCommand((c) => seen.push(c));
    const forward = electron.listeners.get('logbook:command');
    forward?.({}, 'export-bundle');
    forward?.({}, 'rm -rf');
    forward?.({}, { command: 'export-bundle' });
    expect(seen).toEqual(['export-bundle']);
    off();
    expect(electron.listeners.has('logbook:command')).toBe(false);
  });
});

describe('electron/ modules', () => {
  it('only main.ts and preload.ts import values from electron (everything else is testable in Node)', () => {
    const dir = path.dirname(new URL(import.meta.url).pathname);
    const offenders = readdirSync(dir)
      .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && f !== 'main.ts' && f !== 'preload.ts')
      .filter((f) => /^import\s+(?!type\b)[^;]*from\s+'electron'/m.test(readFileSync(path.join(dir, f), 'utf8')));
    expect(offenders).toEqual([]);
  });
});

// Compile-time: the typed bridge fits the renderer's declaration of window.logbook.
const _fitsRenderer: RendererBridge = null as unknown as LogbookBridge;
void _fitsRenderer;
