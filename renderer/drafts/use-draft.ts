/**
 * `useDraft(kind, id)`: load a draft, autosave every change, seal safely.
 *
 * - `update(values, title?)` schedules a save (debounced, AUTOSAVE_DELAY_MS) so typing does
 *   not write IndexedDB on every keystroke, yet nothing older than that is ever at risk.
 * - Pending changes are flushed on `pagehide`, `beforeunload`, when the page is hidden
 *   (`visibilitychange`) and when the component unmounts.
 * - `seal(call)` cancels the pending save, flushes, runs the service call and deletes the
 *   draft only after it returned ok; afterwards no save can resurrect the draft.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import dayjs from 'dayjs';
import { useDraftBookId } from './draft-context';
import { deleteDraft, getDraft, saveDraft } from './draft-store';
import type { DraftKind } from './draft-db';

export const AUTOSAVE_DELAY_MS = 250;

export interface UseDraftOptions {
  /** Book of a new draft; defaults to the DraftBookProvider's, then to the stored draft's. */
  bookId?: string;
}

export interface DraftHandle<T> {
  /** True until the stored draft (if any) has been read. */
  loading: boolean;
  /** The values as stored when the hook loaded (undefined for a new draft): the form's initial values. */
  initial: T | undefined;
  /** The latest values passed to `update` (or `initial`). */
  data: T | undefined;
  /** Epoch ms of the last successful save, null before the first. */
  savedAt: number | null;
  /** For the editor's status line: “已自动保存 HH:mm:ss”, “正在保存…” or the failure. */
  statusText: string;
  /** Chinese message of the last failed save, null when saving works. */
  error: string | null;
  update: (data: T, title?: string) => void;
  /** Write pending changes now. */
  flush: () => Promise<void>;
  /** Delete the draft (after the user confirmed). */
  discard: () => Promise<void>;
  /** Run the seal call; delete the draft only if it returned. Errors propagate, the draft stays. */
  seal: <R>(call: () => Promise<R>) => Promise<R>;
}

interface Pending<T> {
  data: T;
  title: string;
}

export function useDraft<T = unknown>(kind: DraftKind, id: string, options: UseDraftOptions = {}): DraftHandle<T> {
  const contextBookId = useDraftBookId();
  // Which draft id the loaded values belong to: loading is derived, never set in the effect.
  const [loadedFor, setLoadedFor] = useState<string | null>(null);
  const [initial, setInitial] = useState<T | undefined>(undefined);
  const [data, setData] = useState<T | undefined>(undefined);
  const [savedAt, setSavedAt] = useState<number | null>(null);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const pending = useRef<Pending<T> | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const sealed = useRef(false);
  const bookRef = useRef<string>(options.bookId ?? contextBookId ?? '');
  const titleRef = useRef('');
  const chain = useRef<Promise<void>>(Promise.resolve());

  useEffect(() => {
    let live = true;
    sealed.current = false;
    getDraft<T>(id).then(
      (record) => {
        if (!live) return;
        if (record) {
          bookRef.current = options.bookId ?? record.bookId;
          titleRef.current = record.title;
          setSavedAt(record.updatedAt);
        }
        setInitial(record?.data);
        setData(record?.data);
        setLoadedFor(id);
      },
      () => {
        if (!live) return;
        setError('无法读取草稿：浏览器本地存储不可用。');
        setLoadedFor(id);
      },
    );
    return () => {
      live = false;
    };
    // options.bookId only matters for new drafts; re-loading on its change would drop typing.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [id]);

  useEffect(() => {
    if (options.bookId ?? contextBookId) bookRef.current = (options.bookId ?? contextBookId) as string;
  }, [options.bookId, contextBookId]);

  const writePending = useCallback((): Promise<void> => {
    if (timer.current) {
      clearTimeout(timer.current);
      timer.current = null;
    }
    const next = pending.current;
    if (!next || sealed.current) return chain.current;
    pending.current = null;
    // Saves run one after another so an older write can never land after a newer one.
    chain.current = chain.current.then(async () => {
      if (sealed.current) return;
      setSaving(true);
      try {
        const record = await saveDraft<T>({ id, bookId: bookRef.current, kind, title: next.title, data: next.data });
        setSavedAt(record.updatedAt);
        setError(null);
      } catch {
        setError('自动保存失败：浏览器本地存储不可用或已满，请勿关闭窗口，先复制重要内容。');
      } finally {
        setSaving(false);
      }
    });
    return chain.current;
  }, [id, kind]);

  const update = useCallback(
    (values: T, title?: string) => {
      if (sealed.current) return;
      if (title !== undefined) titleRef.current = title;
      pending.current = { data: values, title: titleRef.current };
      setData(values);
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => {
        void writePending();
      }, AUTOSAVE_DELAY_MS);
    },
    [writePending],
  );

  // Flush when the page goes away or is hidden, and on unmount.
  useEffect(() => {
    const flushNow = () => {
      void writePending();
    };
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') flushNow();
    };
    window.addEventListener('pagehide', flushNow);
    window.addEventListener('beforeunload', flushNow);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      window.removeEventListener('pagehide', flushNow);
      window.removeEventListener('beforeunload', flushNow);
      document.removeEventListener('visibilitychange', onVisibility);
      flushNow();
    };
  }, [writePending]);

  const discard = useCallback(async () => {
    sealed.current = true;
    pending.current = null;
    if (timer.current) {
      clearTimeout(timer.current);
      timer.current = null;
    }
    await chain.current;
    await deleteDraft(id);
  }, [id]);

  const seal = useCallback(
    async <R>(call: () => Promise<R>): Promise<R> => {
      await writePending();
      const result = await call();
      // Only now: the service has the entry. Stop autosave first so nothing re-creates the draft.
      sealed.current = true;
      pending.current = null;
      if (timer.current) {
        clearTimeout(timer.current);
        timer.current = null;
      }
      await chain.current;
      await deleteDraft(id);
      return result;
    },
    [id, writePending],
  );

  const statusText =
    error ?? (saving ? '正在保存…' : savedAt !== null ? `已自动保存 ${dayjs(savedAt).format('HH:mm:ss')}` : '');

  const loading = loadedFor !== id;
  return { loading, initial, data, savedAt, statusText, error, update, flush: writePending, discard, seal };
}
