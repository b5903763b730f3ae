/**
 * Runs a service read and keeps its answer. The answer is tagged with the loader that
 * produced it, so switching book or year never shows the previous one's data, and an
 * answer that arrives after a newer request is dropped. `reload()` keeps the old data
 * visible until the new one arrives (no flicker after a seal or a correction).
 */
import { useCallback, useEffect, useState } from 'react';
import { errorMessage } from '../api';

export interface AsyncState<T> {
  data: T | undefined;
  error: string | null;
  loading: boolean;
  reload: () => void;
}

interface Answer<T> { load: unknown; round: number; data: T | undefined; error: string | null }

/** `load` must be memoised (useCallback): a new function means a new query. */
export function useAsync<T>(load: () => Promise<T>): AsyncState<T> {
  const [round, setRound] = useState(0);
  const [answer, setAnswer] = useState<Answer<T>>({ load: null, round: -1, data: undefined, error: null });

  useEffect(() => {
    let live = true;
    load().then(
      (data) => { if (live) setAnswer({ load, round, data, error: null }); },
      (e: unknown) => { if (live) setAnswer((a) => ({ load, round, data: a.load === load ? a.data : undefined, error: errorMessage(e) })); },
    );
    return () => { live = false; };
  }, [load, round]);

  const reload = useCallback(() => setRound((r) => r + 1), []);
  const sameQuery = answer.load === load;
  return {
    data: sameQuery ? answer.data : undefined,
    error: sameQuery && answer.round === round ? answer.error : null,
    loading: !(sameQuery && answer.round === round),
    reload,
  };
}
