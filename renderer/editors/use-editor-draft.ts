/**
 * The editors' view of a draft: a complete form value (defaults merged over what is
 * stored, so drafts written by an older version still open) and a functional setter.
 *
 * The setter reads the latest value from a ref, not from the render closure: two changes
 * in one event (e.g. toggle absent + clear a field) must not overwrite each other.
 */
import { useCallback, useLayoutEffect, useRef, useState } from 'react';
import { useDraft, type DraftHandle, type DraftKind } from '../drafts';

export type FormUpdate<T> = Partial<T> | ((current: T) => T);

export interface EditorDraft<T> {
  loading: boolean;
  form: T;
  /** Applies a change and returns the whole new value. */
  setForm: (change: FormUpdate<T>) => T;
  handle: DraftHandle<T>;
}

export function useEditorDraft<T extends object>(
  kind: DraftKind,
  draftId: string,
  bookId: string,
  empty: () => T,
  titleOf: (form: T) => string,
): EditorDraft<T> {
  const handle = useDraft<T>(kind, draftId, { bookId });
  const [blank] = useState(empty);
  const form: T = handle.data ? { ...blank, ...handle.data } : blank;
  const latest = useRef(form);
  useLayoutEffect(() => {
    latest.current = form;
  });

  const { update } = handle;
  const setForm = useCallback(
    (change: FormUpdate<T>) => {
      const next = typeof change === 'function' ? change(latest.current) : { ...latest.current, ...change };
      latest.current = next;
      update(next, titleOf(next));
      return next;
    },
    [update, titleOf],
  );

  return { loading: handle.loading, form, setForm, handle };
}
