import type { IpcMain } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { INTERNAL_MESSAGE } from '../host/invoke-method';
import { createFixtureService, fixtureContract } from '../host/testing/fixture-contract';
import { channelFor, createSenderCheck, FORBIDDEN_SENDER, registerContract } from './ipc-adapter';
import type { SenderInfo } from './ipc-adapter';

type Handler = (event: SenderInfo, input?: unknown) => Promise<unknown>;

function fakeIpcMain() {
  const handlers = new Map<string, Handler>();
  const ipcMain = {
    handle: (channel: string, listener: Handler) => {
      if (handlers.has(channel)) throw new Error(`duplicate handler ${channel}`);
      handlers.set(channel, listener);
    },
    removeHandler: (channel: string) => {
      handlers.delete(channel);
    },
  };
  return { handlers, ipcMain: ipcMain as unknown as Pick<IpcMain, 'handle' | 'removeHandler'> };
}

const WINDOW_ID = 7;
const mainFrame = (url = 'app://logbook/index.html') => ({ url, parent: null });
const fromWindow = (frame: SenderInfo['senderFrame'] = mainFrame()): SenderInfo => ({
  sender: { id: WINDOW_ID },
  senderFrame: frame,
});

function setup() {
  const { handlers, ipcMain } = fakeIpcMain();
  const service = createFixtureService();
  const onInternalError = vi.fn();
  const onRejectedSender = vi.fn();
  const dispose = registerContract(ipcMain, fixtureContract, service, {
    isTrustedSender: createSenderCheck(() => WINDOW_ID),
    onInternalError,
    onRejectedSender,
  });
  const call = (method: string, input: unknown, event: SenderInfo = fromWindow()) => {
    const handler = handlers.get(channelFor(method));
    if (!handler) throw new Error(`no handler for ${method}`);
    return handler(event, input);
  };
  return { handlers, service, call, dispose, onInternalError, onRejectedSender };
}

describe('registerContract', () => {
  it('registers one logbook:<method> handler per contract method, and removes them', () => {
    const { handlers, dispose } = setup();
    expect([...handlers.keys()].sort()).toEqual(['logbook:notes.add', 'logbook:notes.fail']);
    dispose();
    expect(handlers.size).toBe(0);
  });

  it('parses the input and returns ok with the value', async () => {
    const { call, service } = setup();
    await expect(call('notes.add', { title: ' 学习 ', pages: 2 })).resolves.toEqual({
      ok: true,
      value: { id: 1, title: '学习', pages: 2 },
    });
    expect(service.received).toEqual([{ title: '学习', pages: 2 }]);
  });

  it('rejects invalid input with invalid-input naming the field', async () => {
    const { call, service } = setup();
    const result = await call('notes.add', { title: 5 });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-input', field: 'title' } });
    expect(service.received).toEqual([]);
  });

  it('maps service errors to data and unexpected errors to internal without details', async () => {
    const { call, onInternalError } = setup();
    await expect(call('notes.fail', { kind: 'service' })).resolves.toMatchObject({
      ok: false,
      error: { code: 'book-readonly', field: 'bookId' },
    });
    const crash = await call('notes.fail', { kind: 'crash' });
    expect(crash).toEqual({ ok: false, error: { code: 'internal', message: INTERNAL_MESSAGE } });
    expect(JSON.stringify(crash)).not.toMatch(/SQLITE|secret|at /);
    expect(onInternalError).toHaveBeenCalledOnce();
  });

  it.each<[string, SenderInfo]>([
    ['another web contents', { sender: { id: WINDOW_ID + 1 }, senderFrame: mainFrame() }],
    ['a subframe of our window', fromWindow({ url: 'app://logbook/index.html', parent: mainFrame() })],
    ['our window after navigating to a remote page', fromWindow(mainFrame('https://evil.example/'))],
    ['a file:// page', fromWindow(mainFrame('file:///home/user/index.html'))],
    ['another app:// host', fromWindow(mainFrame('app://other/index.html'))],
    ['a destroyed frame', fromWindow(null)],
  ])('refuses calls from %s without calling the service', async (_name, event) => {
    const { call, service, onRejectedSender } = setup();
    await expect(call('notes.add', { title: '会议' }, event)).resolves.toEqual(FORBIDDEN_SENDER);
    expect(service.received).toEqual([]);
    expect(onRejectedSender).toHaveBeenCalledOnce();
  });

  it('refuses everything while there is no window', () => {
    const check = createSenderCheck(() => null);
    expect(check(fromWindow())).toBe(false);
  });
});
