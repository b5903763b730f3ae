/**
 * Normalises whatever a failed service call threw into `{message, field}`.
 * renderer/api.ts throws `ApiError {code, message, field}`; we duck-type it instead of
 * importing the class so that anything with the same shape (a mock, an error crossing
 * a module copy) is shown the same way, and a non-service failure still gets Chinese text.
 */
export interface ShownError {
  code: string;
  message: string;
  field?: string;
}

const FALLBACK = '操作没有完成：无法连接记录本服务。草稿已保留，请稍后重试。';

export function toShownError(error: unknown): ShownError {
  if (typeof error === 'object' && error !== null) {
    const e = error as { code?: unknown; message?: unknown; field?: unknown };
    if (typeof e.code === 'string' && typeof e.message === 'string' && e.message) {
      const shown: ShownError = { code: e.code, message: e.message };
      if (typeof e.field === 'string' && e.field) shown.field = e.field;
      return shown;
    }
  }
  return { code: 'unknown', message: FALLBACK };
}
