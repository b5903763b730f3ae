/**
 * The ONLY module of the renderer that talks to the record-book service.
 *
 * One transport, picked once:
 * - Electron: `window.logbook.call(method, input)` from the preload (IPC);
 * - browser (browser host on 127.0.0.1): `POST /api/<method>` with the session token, which
 *   the host hands over once in the URL fragment (`#token=…`); we move it to sessionStorage
 *   and remove it from the address bar so it is not bookmarked, shared or shown.
 * Both answer `Result` data; a failure becomes a thrown `ApiError` with a stable code and a
 * Chinese message. Inputs are checked with the contract's zod schemas before sending so
 * forms get field-level messages at once; the service checks again (it trusts no caller).
 */
import {
  contract,
  describeIssues,
  describeZodError,
  type ClientOf,
  type Contract,
  type MethodName,
  type Result,
} from '../db/contract';
import type { FieldProblem } from '../db/contract/messages';

export type Transport = (method: string, input: unknown) => Promise<Result<unknown>>;
export type Api = ClientOf<Contract>;

export class ApiError extends Error {
  readonly code: string;
  readonly field?: string;
  /** Every field problem when the input failed validation (for forms). */
  readonly problems?: FieldProblem[];
  constructor(code: string, message: string, field?: string, problems?: FieldProblem[]) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    if (field !== undefined) this.field = field;
    if (problems !== undefined) this.problems = problems;
  }
}

export const NETWORK_MESSAGE =
  '无法连接到记录本服务。请确认记录本程序仍在运行，然后刷新页面重试；已输入的草稿已保存在本机。';
const TOKEN_KEY = 'logbook-token';

/** Chinese message for anything thrown by a call (ApiError or not). */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  return '操作没有完成：发生了意外错误。请重试；如果反复出现，请重启程序。';
}

/**
 * Moves `#token=…` from the address bar to sessionStorage (once, at start-up) and returns
 * the token in force. sessionStorage keeps it across reloads of this tab only.
 */
export function captureToken(loc: Location = window.location, storage: Storage = window.sessionStorage): string | null {
  const match = /(?:^#|&)token=([^&]+)/.exec(loc.hash);
  if (match?.[1]) {
    storage.setItem(TOKEN_KEY, decodeURIComponent(match[1]));
    const rest = loc.hash.replace(/(?:^#|&)token=[^&]+/, '').replace(/^&/, '');
    window.history.replaceState(null, '', `${loc.pathname}${loc.search}${rest ? `#${rest}` : ''}`);
  }
  return storage.getItem(TOKEN_KEY);
}

export function ipcTransport(bridge: NonNullable<Window['logbook']>): Transport {
  return async (method, input) => {
    try {
      return await bridge.call(method, input);
    } catch {
      return { ok: false, error: { code: 'ipc-failed', message: '与记录本主程序的通信中断。请重启程序后重试。' } };
    }
  };
}

export function httpTransport(
  getToken: () => string | null,
  fetchImpl: typeof fetch = (...a) => fetch(...a),
): Transport {
  return async (method, input) => {
    let response: Response;
    try {
      response = await fetchImpl(`/api/${encodeURIComponent(method)}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Logbook-Token': getToken() ?? '' },
        body: JSON.stringify(input ?? {}),
      });
    } catch {
      return { ok: false, error: { code: 'network', message: NETWORK_MESSAGE } };
    }
    let body: unknown;
    try {
      body = await response.json();
    } catch {
      body = undefined;
    }
    if (isResult(body)) return body;
    if (response.status === 401 || response.status === 403) {
      return {
        ok: false,
        error: { code: 'unauthorized', message: '访问凭据无效或已过期。请从记录本程序重新打开本页面。' },
      };
    }
    return {
      ok: false,
      error: {
        code: 'bad-response',
        message: `记录本服务返回了无法识别的应答（HTTP ${response.status}）。请刷新页面重试。`,
      },
    };
  };
}

function isResult(value: unknown): value is Result<unknown> {
  if (typeof value !== 'object' || value === null || !('ok' in value)) return false;
  const v = value as { ok: unknown; error?: { code?: unknown; message?: unknown } };
  if (v.ok === true) return 'value' in value;
  return v.ok === false && typeof v.error?.code === 'string' && typeof v.error.message === 'string';
}

/** Checks `input` against the method's schema; the problems are Chinese and name the field. */
export function validateInput(method: MethodName, input: unknown): { ok: true } | { ok: false; error: ApiError } {
  const parsed = contract[method].input.safeParse(input);
  if (parsed.success) return { ok: true };
  const { message, field } = describeZodError(parsed.error);
  return { ok: false, error: new ApiError('invalid-input', message, field || undefined, describeIssues(parsed.error)) };
}

/** Builds the typed client over one transport. */
export function createApi(transport: Transport, options: { validate?: boolean } = {}): Api {
  const validate = options.validate ?? true;
  const client: Record<string, (input: unknown) => Promise<unknown>> = {};
  for (const method of Object.keys(contract) as MethodName[]) {
    client[method] = async (input: unknown) => {
      if (validate) {
        const check = validateInput(method, input);
        if (!check.ok) throw check.error;
      }
      // The raw input is sent: the service parses it with the same schema.
      const result = await transport(method, input);
      if (result.ok) return result.value;
      throw new ApiError(result.error.code, result.error.message, result.error.field);
    };
  }
  return client as unknown as Api;
}

function defaultTransport(): Transport {
  if (typeof window !== 'undefined' && window.logbook && typeof window.logbook.call === 'function') {
    return ipcTransport(window.logbook);
  }
  let token: string | null = null;
  if (typeof window !== 'undefined') {
    try {
      token = captureToken();
    } catch {
      token = null;
    }
  }
  return httpTransport(() => token ?? window.sessionStorage.getItem(TOKEN_KEY));
}

export const api: Api = createApi(defaultTransport());

/**
 * Signed bundles travel as files, not JSON. The desktop chooses them in native dialogs
 * (`desktop.pickBundle` / `desktop.exportBundle`, electron/dialogs.ts); the browser host
 * takes an upload (streamed to the data folder, never read into memory here) and offers a
 * one-time download (host/bundle-files.ts). The page never names a path either way.
 */
export interface BundleFiles {
  readonly desktop: boolean;
  /** Desktop: the native open dialog; the chosen bundle is staged. Null when cancelled. */
  pick(): Promise<{ upload: string; fileName: string; size: number } | null>;
  /** Browser: uploads the chosen file with progress (0…1); returns the upload token. */
  upload(file: File, onProgress: (fraction: number) => void): Promise<string>;
  /** Exports the book (desktop: save dialog; browser: a download). Null when cancelled. */
  export(bookId: string): Promise<{ fileName: string; bytes: number; size: number } | null>;
}

function resultOf<T>(value: unknown): T {
  if (!isResult(value)) throw new ApiError('bad-response', '记录本服务返回了无法识别的应答。请刷新页面重试。');
  if (!value.ok) throw new ApiError(value.error.code, value.error.message, value.error.field);
  return value.value as T;
}

export function createBundleFiles(bridge: Window['logbook'] | undefined, getToken: () => string | null): BundleFiles {
  if (bridge) {
    return {
      desktop: true,
      pick: async () => resultOf(await bridge.call('desktop.pickBundle', {})),
      upload: () => Promise.reject(new ApiError('unsupported', '桌面版请用“选择文件”。')),
      export: async (bookId) => resultOf(await bridge.call('desktop.exportBundle', { bookId })),
    };
  }
  return {
    desktop: false,
    pick: () => Promise.resolve(null),
    upload: (file, onProgress) =>
      new Promise((resolve, reject) => {
        const xhr = new XMLHttpRequest();
        xhr.open('POST', '/files/bundle-upload');
        xhr.setRequestHeader('Content-Type', 'application/zip');
        xhr.setRequestHeader('X-Logbook-Token', getToken() ?? '');
        xhr.upload.onprogress = (e) => {
          if (e.lengthComputable && e.total > 0) onProgress(e.loaded / e.total);
        };
        xhr.onerror = () => reject(new ApiError('network', NETWORK_MESSAGE));
        xhr.onload = () => {
          try {
            resolve(resultOf<{ upload: string }>(JSON.parse(xhr.responseText)).upload);
          } catch (error) {
            reject(
              error instanceof ApiError
                ? error
                : new ApiError('bad-response', `上传没有完成（HTTP ${xhr.status}）。请重试。`),
            );
          }
        };
        xhr.send(file);
      }),
    export: async (bookId) => {
      let body: unknown;
      try {
        const response = await fetch('/files/bundle-export', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'X-Logbook-Token': getToken() ?? '' },
          body: JSON.stringify({ bookId }),
        });
        body = await response.json();
      } catch {
        throw new ApiError('network', NETWORK_MESSAGE);
      }
      const done = resultOf<{ download: string; fileName: string; bytes: number; size: number }>(body);
      const link = document.createElement('a');
      link.href = done.download;
      link.download = done.fileName;
      document.body.append(link);
      link.click();
      link.remove();
      return { fileName: done.fileName, bytes: done.bytes, size: done.size };
    },
  };
}

export const bundleFiles: BundleFiles = createBundleFiles(
  typeof window !== 'undefined' && window.logbook && typeof window.logbook.call === 'function'
    ? window.logbook
    : undefined,
  () => (typeof window !== 'undefined' ? window.sessionStorage.getItem(TOKEN_KEY) : null),
);
