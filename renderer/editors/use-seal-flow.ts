/**
 * The sealing sequence shared by the three editors:
 *   1. client checks (contract schema + editor rules) → field errors, no dialog;
 *   2. confirmation dialog showing exactly what becomes permanent, with the seal's own checks
 *      of exactly that input (`entries.check`: blocking problems, flags to be sealed, passed);
 *   3. the seal call through the draft handle, which deletes the draft only after ok;
 *   4. failure: the draft stays, the Chinese message is shown and its field marked.
 */
import { useCallback, useState } from 'react';
import type { EntryCheck } from '../../db/contract';
import type { DraftHandle } from '../drafts';
import { toShownError, type ShownError } from './api-error';
import type { Problem } from './form-values';

export type Prepared<P> = { ok: true; payload: P } | { ok: false; problems: Problem[] };

export interface SealFlowOptions<P> {
  handle: Pick<DraftHandle<unknown>, 'seal'>;
  /** Runs the client checks and builds what the dialog shows and the seal sends. */
  prepare: () => Promise<Prepared<P>> | Prepared<P>;
  commit: (payload: P) => Promise<{ seq: number }>;
  /** The seal's checks of what the dialog shows (`entries.check` of the payload). */
  check?: (payload: P) => Promise<EntryCheck>;
  onSealed: (seq: number) => void;
  /** Maps a service field path to the editor's field key. */
  fieldKey: (path: string) => string;
  /** Extra feedback (e.g. a toast) besides the banner the editor shows. */
  onProblems?: (count: number) => void;
  onError?: (error: ShownError) => void;
}

export interface SealFlow<P> {
  /** What the dialog shows; null while it is closed. */
  payload: P | null;
  /** The checks of `payload`, once answered. */
  check: EntryCheck | null;
  checking: boolean;
  checkError: string | null;
  preparing: boolean;
  sealing: boolean;
  /** True once the recorder tried to seal: from then on client problems are shown live. */
  attempted: boolean;
  serverError: ShownError | null;
  /** The editor key of the field the service blamed, if any. */
  serverField: string | null;
  /** Increases each time sealing stopped on a problem: the editor scrolls its banner into view. */
  stops: number;
  requestSeal: () => Promise<void>;
  confirm: () => Promise<void>;
  cancel: () => void;
  clearServerError: () => void;
}

export function useSealFlow<P>(options: SealFlowOptions<P>): SealFlow<P> {
  const { handle, prepare, commit, check: checkPayload, onSealed, fieldKey, onProblems, onError } = options;
  const [payload, setPayload] = useState<P | null>(null);
  const [check, setCheck] = useState<EntryCheck | null>(null);
  const [checking, setChecking] = useState(false);
  const [checkError, setCheckError] = useState<string | null>(null);
  const [preparing, setPreparing] = useState(false);
  const [sealing, setSealing] = useState(false);
  const [attempted, setAttempted] = useState(false);
  const [serverError, setServerError] = useState<ShownError | null>(null);
  const [stops, setStops] = useState(0);

  const requestSeal = useCallback(async () => {
    if (preparing || sealing) return;
    setAttempted(true);
    setServerError(null);
    setPreparing(true);
    try {
      const prepared = await prepare();
      if (prepared.ok) {
        setCheck(null);
        setCheckError(null);
        setPayload(() => prepared.payload);
        if (checkPayload) {
          setChecking(true);
          try {
            setCheck(await checkPayload(prepared.payload));
          } catch (e) {
            setCheckError(toShownError(e).message);
          } finally {
            setChecking(false);
          }
        }
      } else {
        setStops((n) => n + 1);
        onProblems?.(prepared.problems.length);
      }
    } finally {
      setPreparing(false);
    }
  }, [prepare, preparing, sealing, onProblems, checkPayload]);

  const confirm = useCallback(async () => {
    if (payload === null || sealing) return;
    setSealing(true);
    let seq: number | null = null;
    try {
      ({ seq } = await handle.seal(() => commit(payload)));
    } catch (e) {
      const shown = toShownError(e);
      setServerError(shown);
      setStops((n) => n + 1);
      onError?.(shown);
    } finally {
      setSealing(false);
      setPayload(null);
    }
    if (seq !== null) onSealed(seq);
  }, [commit, handle, onSealed, payload, sealing, onError]);

  const cancel = useCallback(() => {
    if (!sealing) setPayload(null);
  }, [sealing]);
  const clearServerError = useCallback(() => setServerError(null), []);

  return {
    payload,
    check,
    checking,
    checkError,
    preparing,
    sealing,
    attempted,
    serverError,
    serverField: serverError?.field ? fieldKey(serverError.field) : null,
    stops,
    requestSeal,
    confirm,
    cancel,
    clearServerError,
  };
}
