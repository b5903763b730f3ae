/**
 * The liaison's entries in the main menu (工作台, 抽查回执, 联络员身份) and the landing: an
 * installation whose open book is the liaison's own opens on the workspace overview, the
 * liaison's first screen, instead of that book's timeline.
 */
import { useEffect, useRef } from 'react';
import { AuditOutlined, DashboardOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import type { BookSummary } from '../../db/contract';
import { navigate, type Route } from '../app/routes';

export const LIAISON_MENU = [
  { key: 'workspace', icon: <DashboardOutlined />, label: '联络员工作台' },
  { key: 'receipts', icon: <SafetyCertificateOutlined />, label: '抽查回执' },
  { key: 'liaison', icon: <AuditOutlined />, label: '联络员身份' },
];

const LIAISON_PAGES: readonly Route['page'][] = ['workspace', 'liaison', 'receipts', 'spot-check', 'evidence'];

export function isLiaisonRoute(route: Route): boolean {
  return LIAISON_PAGES.includes(route.page);
}

/** A liaison's installation: a liaison identity and no organisation's own book (only imported ones, the demo). */
export function isLiaisonInstallation(books: readonly BookSummary[]): boolean {
  return books.some((b) => b.liaison) && books.every((b) => b.liaison || b.imported || b.demo);
}

/** Once, when a liaison's installation opens on the default page (no page in the address): the workspace. */
export function useLiaisonLanding(books: readonly BookSummary[], route: Route): void {
  const done = useRef(false);
  const liaison = isLiaisonInstallation(books);
  useEffect(() => {
    if (done.current) return;
    done.current = true;
    const chosen = window.location.hash.replace(/^#\/?/, '') !== '';
    if (liaison && route.page === 'timeline' && !chosen) navigate({ page: 'workspace' }, { replace: true });
  }, [liaison, route.page]);
}
