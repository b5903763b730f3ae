/**
 * Keyboard shortcuts of an editor: Ctrl+S (⌘S) writes the draft now instead of waiting for
 * the autosave delay, and keeps the browser's "save page" dialog away; Ctrl+Enter (⌘Enter)
 * opens the seal confirmation. Listening on the window means the shortcut works wherever
 * the focus is, including before the first field was clicked.
 */
import { useEffect, useRef } from 'react';

export interface EditorKeys {
  onSave: () => void;
  onSeal: () => void;
  /** While the confirmation dialog is open, Ctrl+Enter must not re-open or confirm it. */
  disabled?: boolean;
}

export function useEditorKeys(keys: EditorKeys): void {
  const ref = useRef(keys);
  useEffect(() => {
    ref.current = keys;
  });

  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey) return;
      const { onSave, onSeal, disabled } = ref.current;
      if (e.key === 's' || e.key === 'S') {
        e.preventDefault();
        onSave();
      } else if (e.key === 'Enter' && !disabled) {
        e.preventDefault();
        onSeal();
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
