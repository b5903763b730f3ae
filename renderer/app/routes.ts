/**
 * Hash routing, kept tiny: the app has a handful of pages and no deep links from outside.
 * The hash (not the path) is used so the built renderer works from file:// in Electron and
 * from any path of the browser host alike.
 */
import { useEffect, useState } from 'react';
import type { DraftKind } from '../drafts';
import { parsePrintChoice, printChoiceHash, type PrintChoice } from '../print/print-route';

export type Route =
  | { page: 'timeline' }
  | { page: 'entry'; seq: number }
  | { page: 'members' }
  | { page: 'ledger' }
  | { page: 'drafts' }
  | { page: 'settings' }
  | { page: 'search'; query: string }
  | { page: 'new'; kind: DraftKind }
  | { page: 'draft'; kind: DraftKind; id: string }
  | { page: 'print'; choice?: PrintChoice | undefined }
  | { page: 'check' }
  | { page: 'workspace' }
  | { page: 'liaison' }
  | { page: 'receipts' }
  | { page: 'spot-check'; bookId: string }
  | { page: 'evidence'; alarmId: number };

/** A book id in a hash (a UUID-like token; anything else opens the workspace). */
const BOOK_ID = /^[0-9A-Za-z-]{8,64}$/;

const DRAFT_KINDS: readonly string[] = ['meeting', 'activity', 'work'];

/** A hash part as text; a malformed escape is taken literally rather than failing the route. */
function safeDecode(part: string): string {
  try {
    return decodeURIComponent(part).slice(0, 100);
  } catch {
    return part.slice(0, 100);
  }
}

export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean);
  const [head, a, b] = parts;
  switch (head) {
    case 'entry': {
      const seq = Number(a);
      return Number.isInteger(seq) && seq > 0 ? { page: 'entry', seq } : { page: 'timeline' };
    }
    case 'print':
      return { page: 'print', choice: parsePrintChoice(parts.slice(1)) };
    case 'check':
      return { page: 'check' };
    case 'spot-check':
      return a && BOOK_ID.test(a) ? { page: 'spot-check', bookId: a } : { page: 'workspace' };
    case 'evidence': {
      const alarmId = Number(a);
      return Number.isInteger(alarmId) && alarmId > 0 ? { page: 'evidence', alarmId } : { page: 'workspace' };
    }
    case 'workspace':
    case 'liaison':
    case 'receipts':
    case 'members':
    case 'ledger':
    case 'drafts':
    case 'settings':
      return { page: head };
    case 'search':
      return { page: 'search', query: a ? safeDecode(a) : '' };
    case 'new':
      return a && DRAFT_KINDS.includes(a) ? { page: 'new', kind: a as DraftKind } : { page: 'timeline' };
    case 'draft':
      return a && b && DRAFT_KINDS.includes(a) && /^[0-9a-z-]{1,64}$/i.test(b)
        ? { page: 'draft', kind: a as DraftKind, id: b }
        : { page: 'drafts' };
    default:
      return { page: 'timeline' };
  }
}

export function routeHash(route: Route): string {
  switch (route.page) {
    case 'entry':
      return `#/entry/${route.seq}`;
    case 'new':
      return `#/new/${route.kind}`;
    case 'draft':
      return `#/draft/${route.kind}/${route.id}`;
    case 'search':
      return `#/search/${encodeURIComponent(route.query)}`;
    case 'print':
      return printChoiceHash(route.choice);
    case 'spot-check':
      return `#/spot-check/${route.bookId}`;
    case 'evidence':
      return `#/evidence/${route.alarmId}`;
    default:
      return `#/${route.page}`;
  }
}

export function navigate(route: Route, options: { replace?: boolean } = {}): void {
  const hash = routeHash(route);
  if (options.replace) {
    window.history.replaceState(null, '', hash);
    window.dispatchEvent(new HashChangeEvent('hashchange'));
  } else if (window.location.hash !== hash) {
    window.location.hash = hash;
  }
}

export function useRoute(): Route {
  const [route, setRoute] = useState<Route>(() => parseRoute(window.location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}
