/**
 * Guards applied to every web contents and to the session: the "Security baseline" of
 * ARCHITECTURE.md in code. Installed from `app.on('web-contents-created')`, so a window
 * created later (by mistake or by a future feature) is guarded too.
 *
 * - No navigation away from the loaded page (`will-navigate`, `will-frame-navigate`,
 *   `will-redirect`): the renderer routes in-page; a link that tries to leave is opened in
 *   the system browser only if it is a vetted https URL, never inside the app.
 * - No new windows (`setWindowOpenHandler` → deny), same rule for vetted links.
 * - No <webview>.
 * - Every permission (camera, notifications, clipboard-read, …) denied, requests and checks.
 * - CSP added to every response header (the app:// handler sets it too).
 */
import type { Session, WebContents } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../host/csp';
import { isVettedExternalUrl } from './external-links';

export interface GuardOptions {
  openExternal: (url: string) => void;
  log?: (message: string) => void;
}

interface PreventableEvent {
  preventDefault(): void;
}

type GuardedContents = Pick<WebContents, 'on' | 'setWindowOpenHandler'>;

export function guardWebContents(contents: GuardedContents, options: GuardOptions): void {
  const refuseNavigation = (kind: string) => (event: PreventableEvent, legacyUrl?: unknown) => {
    event.preventDefault();
    const url = urlOf(event, legacyUrl);
    options.log?.(`blocked ${kind} to ${url ?? '(unknown)'}`);
    if (kind === 'will-navigate' && isVettedExternalUrl(url)) options.openExternal(url);
  };
  const on = contents.on.bind(contents) as (event: string, listener: (...args: never[]) => void) => void;
  on('will-navigate', refuseNavigation('will-navigate'));
  on('will-frame-navigate', (event: PreventableEvent & { isMainFrame?: boolean }) => {
    // Main-frame navigations are handled (and reported) by will-navigate.
    if (event.isMainFrame !== true) refuseNavigation('will-frame-navigate')(event);
  });
  on('will-redirect', refuseNavigation('will-redirect'));
  on('will-attach-webview', (event: PreventableEvent) => {
    event.preventDefault();
    options.log?.('blocked <webview>');
  });
  contents.setWindowOpenHandler(({ url }) => {
    if (isVettedExternalUrl(url)) options.openExternal(url);
    else options.log?.(`blocked window.open to ${String(url)}`);
    return { action: 'deny' };
  });
}

function urlOf(event: unknown, legacyUrl: unknown): string | undefined {
  const fromEvent = (event as { url?: unknown }).url;
  if (typeof fromEvent === 'string') return fromEvent;
  return typeof legacyUrl === 'string' ? legacyUrl : undefined;
}

type PermissionSession = Pick<
  Session,
  'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'setDevicePermissionHandler'
>;

export function denyAllPermissions(session: PermissionSession, log?: (message: string) => void): void {
  session.setPermissionRequestHandler((_contents, permission, callback) => {
    log?.(`denied permission request: ${permission}`);
    callback(false);
  });
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}

export function enforceCspHeaders(session: Pick<Session, 'webRequest'>): void {
  session.webRequest.onHeadersReceived((details, callback) => {
    const responseHeaders: Record<string, string[]> = {};
    for (const [name, value] of Object.entries(details.responseHeaders ?? {})) {
      if (name.toLowerCase() !== 'content-security-policy') responseHeaders[name] = value;
    }
    responseHeaders['Content-Security-Policy'] = [CONTENT_SECURITY_POLICY];
    callback({ responseHeaders });
  });
}
