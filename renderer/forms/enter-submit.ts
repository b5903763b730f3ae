/**
 * Enter submits a dialog (or a wizard step) from any one-line text field, as in every
 * desktop form. Not from a multi-line text (Enter is a new line there), not while an input
 * method is composing Chinese (Enter picks the candidate), not from a date picker or a
 * select (Enter confirms the pick), and not when a control already handled the key.
 */
import type { KeyboardEvent } from 'react';

export function submitsOnEnter(event: KeyboardEvent): boolean {
  if (event.key !== 'Enter' || event.defaultPrevented) return false;
  if (event.shiftKey || event.ctrlKey || event.altKey || event.metaKey) return false;
  if (event.nativeEvent.isComposing || event.keyCode === 229) return false;
  const target = event.target;
  if (!(target instanceof HTMLInputElement) || target.readOnly) return false;
  if (!['text', 'number', 'search', 'tel', 'email', 'url', ''].includes(target.type)) return false;
  return target.closest('.ant-picker, .ant-select, .ant-cascader') === null;
}

/** `onKeyDown` for a dialog's form: Enter in a one-line field calls `submit`. */
export function enterSubmits(submit: () => unknown): (event: KeyboardEvent) => void {
  return (event) => {
    if (!submitsOnEnter(event)) return;
    event.preventDefault();
    void submit();
  };
}
