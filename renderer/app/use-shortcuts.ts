/**
 * Keyboard shortcuts for the recorder, who types all day:
 * Ctrl+N new meeting record, Ctrl+K or Ctrl+F the header's search box (finds any record; the
 * browser's own find is useless on a virtualised list), Ctrl+Shift+F the timeline's filter,
 * Alt+1…5 the sidebar pages, F1 the list of shortcuts.
 * Ctrl on Windows/Linux, ⌘ on macOS.
 */
import { useEffect } from 'react';
import { focusGlobalSearch } from '../search/global-search';
import { navigate, type Route } from './routes';

export const SEARCH_FOCUS_ATTR = 'data-shortcut-target';

/** Focus the element marked as the filter of the current page (after navigation settles). */
export function focusSearch(): void {
  const focus = () => {
    const el = document.querySelector<HTMLElement>(`[${SEARCH_FOCUS_ATTR}="search"]`);
    const input = el?.matches('input, textarea') ? el : (el?.querySelector<HTMLElement>('input, textarea') ?? el);
    input?.focus();
    return Boolean(input);
  };
  if (!focus()) window.setTimeout(focus, 50);
}

const ALT_PAGES: Route[] = [
  { page: 'timeline' },
  { page: 'members' },
  { page: 'ledger' },
  { page: 'drafts' },
  { page: 'settings' },
];

export function useShortcuts({
  canWrite,
  current,
  showHelp,
}: {
  canWrite: boolean;
  current: Route;
  showHelp: () => void;
}): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const mod = e.ctrlKey || e.metaKey;
      const key = e.key.toLowerCase();
      if (mod && !e.shiftKey && !e.altKey && key === 'n') {
        e.preventDefault();
        if (canWrite) navigate({ page: 'new', kind: 'meeting' });
      } else if (mod && !e.shiftKey && !e.altKey && (key === 'k' || key === 'f')) {
        e.preventDefault();
        focusGlobalSearch();
      } else if (mod && e.shiftKey && !e.altKey && key === 'f') {
        e.preventDefault();
        if (current.page !== 'timeline' && current.page !== 'members') navigate({ page: 'timeline' });
        focusSearch();
      } else if (e.key === 'F1') {
        e.preventDefault();
        showHelp();
      } else if (e.altKey && !mod && /^[1-5]$/.test(e.key)) {
        const route = ALT_PAGES[Number(e.key) - 1];
        if (route) {
          e.preventDefault();
          navigate(route);
        }
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [canWrite, current.page, showHelp]);
}
