import type { App } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { claimSingleInstance } from './single-instance';

function fakeApp(gotLock: boolean) {
  const listeners = new Map<string, () => void>();
  const app = {
    requestSingleInstanceLock: vi.fn(() => gotLock),
    quit: vi.fn(),
    on: vi.fn((event: string, listener: () => void) => {
      listeners.set(event, listener);
      return app;
    }),
  };
  return { app, listeners, typed: app as unknown as Pick<App, 'requestSingleInstanceLock' | 'quit' | 'on'> };
}

describe('claimSingleInstance', () => {
  it('the first instance keeps running and focuses its window when a second one starts', () => {
    const { app, listeners, typed } = fakeApp(true);
    const focus = vi.fn();
    expect(claimSingleInstance(typed, focus)).toBe(true);
    expect(app.quit).not.toHaveBeenCalled();
    listeners.get('second-instance')?.();
    expect(focus).toHaveBeenCalledOnce();
  });

  it('a second instance quits at once and registers nothing', () => {
    const { app, typed } = fakeApp(false);
    const focus = vi.fn();
    expect(claimSingleInstance(typed, focus)).toBe(false);
    expect(app.quit).toHaveBeenCalledOnce();
    expect(app.on).not.toHaveBeenCalled();
  });
});
