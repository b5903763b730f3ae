/**
 * The one place where an untrusted call becomes a service call.
 *
 * Both transports use it: the Electron IPC adapter (electron/ipc-adapter.ts) and the
 * browser host (host/http-server.ts). Keeping it here, free of any `electron` import,
 * means the mapping from "raw input from a renderer" to `Result` is written and tested
 * once, and the browser host behaves exactly like the desktop app.
 *
 * Rules:
 * - the method must be an own key of the contract (no `__proto__`, `toString`, …);
 * - the input is parsed with the method's zod schema; the service only ever sees parsed
 *   input (defaults applied, strings normalised);
 * - a `ServiceError` becomes `{ok:false, error:{code, message, field?}}` as data;
 * - anything else becomes `internal` with a Chinese message and NO stack or original
 *   message (it may hold paths or SQL); the original is handed to `onInternalError` so
 *   the composition root can log it locally.
 * Outputs are not re-parsed: they come from our own service, and the contract declares
 * them as types (`z.custom`) rather than validators.
 */
import { z } from 'zod';
import type { ContractMap, ErrorData, Result, ServiceOf } from '../db/contract/contract-types';
import { ServiceError } from '../db/contract/contract-types';
import { describeZodError } from '../db/contract/messages';

export const INTERNAL_MESSAGE =
  '内部错误：操作没有完成，数据未被修改。请重试；如果反复出现，请重启程序并联系维护人员。';

export interface InvokeOptions {
  /** Called with the original error when a call fails unexpectedly (never sent to the caller). */
  onInternalError?: (method: string, error: unknown) => void;
}

/** True when `method` names a method of `contract` (own, enumerable key; no prototype names). */
export function hasMethod(contract: ContractMap, method: unknown): method is string {
  return typeof method === 'string' && method.length <= 100 && Object.prototype.hasOwnProperty.call(contract, method);
}

export function unknownMethodError(method: unknown): ErrorData {
  const name = typeof method === 'string' ? method.slice(0, 100) : String(typeof method);
  return { code: 'unknown-method', message: `没有名为“${name}”的操作。请升级或重启程序后重试。` };
}

/** Maps a thrown value to error data: ServiceErrors keep code, message and field; the rest is `internal`. */
export function toErrorData(error: unknown): ErrorData | null {
  if (error instanceof ServiceError || isServiceErrorLike(error)) {
    const data: ErrorData = { code: error.code, message: error.message };
    if (typeof error.field === 'string') data.field = error.field;
    return data;
  }
  return null;
}

/**
 * A ServiceError from a second copy of the module (e.g. code loaded once by a bundler and
 * once by tsx) fails `instanceof`; accept the same shape by name.
 */
function isServiceErrorLike(error: unknown): error is { code: string; message: string; field?: unknown } {
  if (typeof error !== 'object' || error === null) return false;
  const e = error as { name?: unknown; code?: unknown; message?: unknown };
  return e.name === 'ServiceError' && typeof e.code === 'string' && typeof e.message === 'string';
}

export function invalidInputError(error: z.ZodError): ErrorData {
  const { message, field } = describeZodError(error);
  const data: ErrorData = { code: 'invalid-input', message };
  if (field !== undefined && field !== '') data.field = field;
  return data;
}

export async function invokeMethod<C extends ContractMap>(
  contract: C,
  service: ServiceOf<C>,
  method: unknown,
  rawInput: unknown,
  options: InvokeOptions = {},
): Promise<Result<unknown>> {
  if (!hasMethod(contract, method)) return { ok: false, error: unknownMethodError(method) };
  const spec = contract[method];
  const handler = (service as Record<string, unknown>)[method];
  if (spec === undefined || typeof handler !== 'function') {
    return { ok: false, error: unknownMethodError(method) };
  }
  let input: unknown;
  try {
    const parsed = await spec.input.safeParseAsync(rawInput);
    if (!parsed.success) return { ok: false, error: invalidInputError(parsed.error) };
    input = parsed.data;
  } catch (error) {
    // A refinement that throws is a bug in the contract, not the caller's fault.
    options.onInternalError?.(method, error);
    return { ok: false, error: { code: 'internal', message: INTERNAL_MESSAGE } };
  }
  try {
    const value: unknown = await (handler as (input: unknown) => unknown).call(service, input);
    return { ok: true, value };
  } catch (error) {
    const data = toErrorData(error);
    if (data) return { ok: false, error: data };
    if (error instanceof z.ZodError) {
      // The service validated something itself (e.g. a nested document) and let zod throw.
      return { ok: false, error: invalidInputError(error) };
    }
    options.onInternalError?.(method, error);
    return { ok: false, error: { code: 'internal', message: INTERNAL_MESSAGE } };
  }
}
