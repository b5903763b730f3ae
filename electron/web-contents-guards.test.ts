import type { Session, WebContents } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { denyAllPermissions, enforceCspHeaders, guardWebContents } from './web-contents-guards';

type Listener = (...args: unknown[]) => void;

function fakeContents() {
  const listeners = new Map<string, Listener>();
  let openHandler: ((details: { url: string }) => { action: string }) | undefined;
  const contents = {
    on: (event: string, listener: Listener) => {
      listeners.set(event, listener);
      return contents;
    },
    setWindowOpenHandler: (handler: typeof openHandler) => {
      openHandler = handler;
    },
  };
  const emit = (event: string, details: Record<string, unknown>, ...rest: unknown[]) => {
    const preventDefault = vi.fn();
    const listener = listeners.get(event);
    if (!listener) throw new Error(`no listener for ${event}`);
    listener({ ...details, preventDefault }, ...rest);
    return preventDefault;
  };
  return {
    contents: contents as unknown as Pick<WebContents, 'on' | 'setWindowOpenHandler'>,
    emit,
    open: (url: string) => openHandler?.({ url }),
  };
}

describe('guardWebContents', () => {
  it('denies every navigation, even to our own origin', () => {
    const { contents, emit } = fakeContents();
    const openExternal = vi.fn();
    guardWebContents(contents, { openExternal });
    expect(emit('will-navigate', { url: 'app://logbook/other.html' })).toHaveBeenCalledOnce();
    expect(emit('will-navigate', { url: 'file:///etc/passwd' })).toHaveBeenCalledOnce();
    expect(emit('will-redirect', { url: 'https://example.org/' })).toHaveBeenCalledOnce();
    expect(emit('will-frame-navigate', { url: 'https://example.org/', isMainFrame: false })).toHaveBeenCalledOnce();
    expect(openExternal).not.toHaveBeenCalled();
  });

  it('sends a vetted https link to the system browser instead of navigating', () => {
    const { contents, emit } = fakeContents();
    const openExternal = vi.fn();
    guardWebContents(contents, { openExternal });
    // Legacy listener signature: (event, url).
    expect(emit('will-navigate', {}, 'https://www.gov.cn/')).toHaveBeenCalledOnce();
    expect(openExternal).toHaveBeenCalledWith('https://www.gov.cn/');
  });

  it('denies every new window; only vetted https links go to the system browser', () => {
    const { contents, open } = fakeContents();
    const openExternal = vi.fn();
    guardWebContents(contents, { openExternal });
    expect(open('https://www.gov.cn/zhengce/')).toEqual({ action: 'deny' });
    expect(open('http://example.org/')).toEqual({ action: 'deny' });
    expect(open('file:///C:/Windows/system32/calc.exe')).toEqual({ action: 'deny' });
    expect(open('app://logbook/index.html')).toEqual({ action: 'deny' });
    expect(openExternal.mock.calls).toEqual([['https://www.gov.cn/zhengce/']]);
  });

  it('refuses <webview>', () => {
    const { contents, emit } = fakeContents();
    guardWebContents(contents, { openExternal: vi.fn() });
    expect(emit('will-attach-webview', {})).toHaveBeenCalledOnce();
  });
});

describe('denyAllPermissions', () => {
  it('denies requests, checks and devices', () => {
    let request: ((c: unknown, p: string, cb: (granted: boolean) => void) => void) | undefined;
    let check: (() => boolean) | undefined;
    let device: (() => boolean) | undefined;
    const session = {
      setPermissionRequestHandler: (h: typeof request) => (request = h),
      setPermissionCheckHandler: (h: typeof check) => (check = h),
      setDevicePermissionHandler: (h: typeof device) => (device = h),
    };
    denyAllPermissions(session as unknown as Session);
    for (const permission of [
      'media',
      'notifications',
      'geolocation',
      'clipboard-read',
      'openExternal',
      'fullscreen',
    ]) {
      const callback = vi.fn();
      request?.({}, permission, callback);
      expect(callback).toHaveBeenCalledWith(false);
    }
    expect(check?.()).toBe(false);
    expect(device?.()).toBe(false);
  });
});

describe('enforceCspHeaders', () => {
  it('replaces any CSP in responses with ours', () => {
    let listener:
      ((details: { responseHeaders?: Record<string, string[]> }, cb: (r: unknown) => void) => void) | undefined;
    const session = { webRequest: { onHeadersReceived: (l: typeof listener) => (listener = l) } };
    enforceCspHeaders(session as unknown as Session);
    const callback = vi.fn();
    listener?.({ responseHeaders: { 'content-security-policy': ['default-src *'], 'X-Other': ['1'] } }, callback);
    const { responseHeaders } = callback.mock.calls[0]?.[0] as { responseHeaders: Record<string, string[]> };
    expect(responseHeaders['content-security-policy']).toBeUndefined();
    expect(responseHeaders['Content-Security-Policy']?.[0]).toContain("script-src 'self'");
    expect(responseHeaders['X-Other']).toEqual(['1']);
  });
});
