import { describe, expect, it, vi } from 'vitest';
import { invokeMethod, INTERNAL_MESSAGE } from './invoke-method';
import { createFixtureService, fixtureContract, SECRET_DETAIL } from './testing/fixture-contract';

describe('invokeMethod', () => {
  it('parses input (defaults, trimming) before the service sees it', async () => {
    const service = createFixtureService();
    const result = await invokeMethod(fixtureContract, service, 'notes.add', { title: '  支部会议  ' });
    expect(result).toEqual({ ok: true, value: { id: 1, title: '支部会议', pages: 1 } });
    expect(service.received).toEqual([{ title: '支部会议', pages: 1 }]);
  });

  it('rejects invalid input as data, in Chinese, naming the field, without calling the service', async () => {
    const service = createFixtureService();
    const result = await invokeMethod(fixtureContract, service, 'notes.add', { title: '会议', pages: 1.5 });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('invalid-input');
    expect(result.error.field).toBe('pages');
    expect(result.error.message).toMatch(/[\u4e00-\u9fff]/);
    expect(result.error.message).toContain('pages');
    expect(service.received).toEqual([]);
  });

  it('reports a missing input object as invalid input', async () => {
    const result = await invokeMethod(fixtureContract, createFixtureService(), 'notes.add', undefined);
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });

  it.each(['notes.missing', '__proto__', 'constructor', 'toString', 42, null])(
    'refuses unknown method %s',
    async (method) => {
      const result = await invokeMethod(fixtureContract, createFixtureService(), method, {});
      expect(result).toMatchObject({ ok: false, error: { code: 'unknown-method' } });
    },
  );

  it('passes a ServiceError through as data (code, message, field)', async () => {
    const result = await invokeMethod(fixtureContract, createFixtureService(), 'notes.fail', { kind: 'service' });
    expect(result).toEqual({
      ok: false,
      error: { code: 'book-readonly', message: '记录本为只读：请先恢复写入权限。', field: 'bookId' },
    });
  });

  it('hides unexpected errors behind "internal" and hands the original to the logger only', async () => {
    const onInternalError = vi.fn();
    const result = await invokeMethod(
      fixtureContract,
      createFixtureService(),
      'notes.fail',
      { kind: 'crash' },
      { onInternalError },
    );
    expect(result).toEqual({ ok: false, error: { code: 'internal', message: INTERNAL_MESSAGE } });
    expect(JSON.stringify(result)).not.toContain('SQLITE');
    expect(onInternalError).toHaveBeenCalledOnce();
    expect(String(onInternalError.mock.calls[0]?.[1])).toContain(SECRET_DETAIL);
  });

  it('maps a ZodError thrown inside the service to invalid-input', async () => {
    const result = await invokeMethod(fixtureContract, createFixtureService(), 'notes.fail', { kind: 'zod' });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-input', field: 'seq' } });
  });

  it('accepts a ServiceError-shaped error from another module copy', async () => {
    const service = createFixtureService();
    const foreign = Object.assign(new Error('数据库已被其他程序占用。'), { name: 'ServiceError', code: 'busy' });
    service['notes.fail'] = () => {
      throw foreign;
    };
    const result = await invokeMethod(fixtureContract, service, 'notes.fail', { kind: 'service' });
    expect(result).toEqual({ ok: false, error: { code: 'busy', message: '数据库已被其他程序占用。' } });
  });
});
