import { describe, expect, it, vi } from 'vitest';
import { ApiError, NETWORK_MESSAGE, captureToken, createApi, httpTransport, ipcTransport } from './api';

const BOOK = '0f0e0d0c-0000-4000-8000-0000000000aa';

describe('api transport', () => {
  it('posts to /api/<method> with the token and returns the value', async () => {
    const fetchImpl = vi.fn(() =>
      Promise.resolve(new Response(JSON.stringify({ ok: true, value: [{ bookId: BOOK }] }))),
    );
    const api = createApi(httpTransport(() => 'tok-123', fetchImpl));
    await expect(api['books.list']({})).resolves.toEqual([{ bookId: BOOK }]);
    const [url, init] = fetchImpl.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/api/books.list');
    expect(init.method).toBe('POST');
    expect((init.headers as Record<string, string>)['X-Logbook-Token']).toBe('tok-123');
    expect((init.headers as Record<string, string>)['Content-Type']).toBe('application/json');
  });

  it('turns a failed Result into an ApiError with code, message and field', async () => {
    const transport = vi.fn(() =>
      Promise.resolve({
        ok: false as const,
        error: { code: 'book-readonly', message: '记录本为只读', field: 'bookId' },
      }),
    );
    const api = createApi(transport);
    const error = await api['books.status']({ bookId: BOOK }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ code: 'book-readonly', message: '记录本为只读', field: 'bookId' });
  });

  it('reports a network failure in Chinese', async () => {
    const fetchImpl = vi.fn(() => Promise.reject(new TypeError('Failed to fetch')));
    const api = createApi(httpTransport(() => null, fetchImpl));
    await expect(api['books.list']({})).rejects.toMatchObject({ code: 'network', message: NETWORK_MESSAGE });
    expect(NETWORK_MESSAGE).toContain('无法连接到记录本服务');
  });

  it('reports a rejected token and a non-Result answer', async () => {
    const unauthorized = createApi(
      httpTransport(
        () => 'x',
        () => Promise.resolve(new Response('no', { status: 401 })),
      ),
    );
    await expect(unauthorized['books.list']({})).rejects.toMatchObject({ code: 'unauthorized' });
    const broken = createApi(
      httpTransport(
        () => 'x',
        () => Promise.resolve(new Response('<html>', { status: 500 })),
      ),
    );
    await expect(broken['books.list']({})).rejects.toMatchObject({ code: 'bad-response' });
  });

  it('validates input with the contract before sending anything', async () => {
    const transport = vi.fn();
    const api = createApi(transport);
    const error = await api['entries.get']({ bookId: BOOK, seq: 0 }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'invalid-input' });
    expect((error as ApiError).message).toContain('记录序号');
    expect((error as ApiError).problems?.[0]?.field).toBe('seq');
    expect(transport).not.toHaveBeenCalled();
  });

  it('uses the preload bridge and survives a bridge that throws', async () => {
    const call = vi.fn(() => Promise.resolve({ ok: true as const, value: { total: 0, items: [] } }));
    const api = createApi(ipcTransport({ call }));
    await expect(api['entries.list']({ bookId: BOOK })).resolves.toEqual({ total: 0, items: [] });
    expect(call).toHaveBeenCalledWith('entries.list', { bookId: BOOK });
    const broken = createApi(ipcTransport({ call: () => Promise.reject(new Error('gone')) }));
    await expect(broken['books.list']({})).rejects.toMatchObject({ code: 'ipc-failed' });
  });
});

describe('captureToken', () => {
  it('moves the token from the fragment to sessionStorage and out of the address bar', () => {
    window.history.replaceState(null, '', '/index.html#token=s3cr%2Ft');
    expect(captureToken()).toBe('s3cr/t');
    expect(window.location.hash).toBe('');
    expect(window.location.href).not.toContain('s3cr');
    expect(window.sessionStorage.getItem('logbook-token')).toBe('s3cr/t');
    // Later reads (a reload) find it in sessionStorage.
    expect(captureToken()).toBe('s3cr/t');
  });
});
