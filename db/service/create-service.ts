/**
 * The service object: one function per contract method, each a thin call into a module
 * named for what it does. Inputs arrive already parsed by the adapter (IPC, host, CLI);
 * `callService` below does that parsing for in-process callers such as tests and the CLI.
 */
import fs from 'node:fs';
import path from 'node:path';
import { contract, describeZodError, ServiceError, type Contract, type ServiceOf } from '../contract';
import { openLedger, type Clock, type KeyStore } from '../ledger';
import { getAttachment, putAttachment } from './attachments-service';
import { bookStatus, createBook, listBooks, verifyBook } from './books-service';
import { CalendarStore } from './calendar-store';
import { correctEntry, getEntryDetail, listEntries } from './entries-service';
import { changeRole, joinMember, leaveMember, listMembers } from './members-service';
import { evaluateMeeting, reflagMeeting, sealMeeting } from './meetings-service';
import { changeProfile, getOrg, updateOrg } from './org-service';
import { sealActivity, sealWorkItem } from './activities-service';
import { yearView } from './year-service';
import { securityView } from './security-view';
import { createContext, guard, type Reflag } from './service-context';

export interface ServiceOptions {
  /** Folder holding `logbook.sqlite`, its checkpoint files and imported calendars. */
  dataDir: string;
  keyStore: KeyStore;
  clock?: Clock;
  /** better-sqlite3 native binding built for Electron's ABI. */
  nativeBinding?: string;
  /** Id source for members (tests make it deterministic). */
  newId?: () => string;
}

export type Service = ServiceOf<Contract> & { close(): void };

export const DATABASE_FILE = 'logbook.sqlite';

export function createService(options: ServiceOptions): Service {
  fs.mkdirSync(options.dataDir, { recursive: true });
  const clock = options.clock ?? (() => new Date());
  const ledger = guard(() => openLedger({
    path: path.join(options.dataDir, DATABASE_FILE),
    keyStore: options.keyStore,
    clock,
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
  }));
  // The context is needed to re-run the rules on corrected meetings; it exists once created.
  let context: ReturnType<typeof createContext> | null = null;
  const reflag: Reflag = (...args) => reflagMeeting(context!)(...args);
  const ctx = createContext(ledger, options.dataDir, new CalendarStore(options.dataDir), clock, options.newId, reflag);
  context = ctx;

  const service: Service = {
    'books.list': () => listBooks(ctx),
    'books.create': (i) => createBook(ctx, i),
    'books.status': (i) => bookStatus(ctx, i.bookId),
    'books.verify': (i) => verifyBook(ctx, i.bookId),
    'org.get': (i) => getOrg(ctx, i.bookId, i.on),
    'org.update': (i) => updateOrg(ctx, i.bookId, i.organisation, i.reason),
    'profile.change': (i) => changeProfile(ctx, i.bookId, i.profile, i.reason),
    'members.list': (i) => listMembers(ctx, i.bookId, i.on),
    'members.join': ({ bookId, ...join }) => joinMember(ctx, bookId, join),
    'members.leave': ({ bookId, ...leave }) => leaveMember(ctx, bookId, leave),
    'members.changeRole': ({ bookId, ...change }) => changeRole(ctx, bookId, change),
    'meetings.evaluate': (i) => evaluateMeeting(ctx, i.bookId, i.meeting),
    'meetings.seal': (i) => sealMeeting(ctx, i.bookId, i.meeting),
    'activities.seal': (i) => sealActivity(ctx, i.bookId, i.activity),
    'work.seal': (i) => sealWorkItem(ctx, i.bookId, i.item),
    'entries.list': (i) => listEntries(ctx, i),
    'entries.get': (i) => getEntryDetail(ctx, i.bookId, i.seq),
    'entries.correct': (i) => correctEntry(ctx, i),
    'attachments.put': (i) => putAttachment(ctx, i),
    'attachments.get': (i) => getAttachment(ctx, i.bookId, i.hash),
    'calendar.status': () => ctx.calendar.view(),
    'calendar.import': (i) => ctx.calendar.import(i.text),
    'ledger.year': (i) => yearView(ctx, i.bookId, i.year),
    'app.security': () => securityView(options.keyStore.protection?.() ?? 'none'),
    close: () => ledger.close(),
  };
  return service;
}

/**
 * Parses `raw` with the method's schema and calls the service: the same path every adapter
 * takes. Throws ServiceError('invalid-input') with a Chinese message naming the field.
 */
export async function callService<M extends keyof Contract>(service: Service, method: M, raw: unknown) {
  const spec = contract[method];
  const parsed = spec.input.safeParse(raw);
  if (!parsed.success) {
    const d = describeZodError(parsed.error);
    throw new ServiceError('invalid-input', d.message, d.field);
  }
  const handler = service[method] as (input: unknown) => unknown;
  return (await handler(parsed.data)) as Awaited<ReturnType<Service[M]>>;
}
