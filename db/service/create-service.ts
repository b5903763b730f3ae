/**
 * The service object: one function per contract method, each a thin call into a module
 * named for what it does. Inputs arrive already parsed by the adapter (IPC, browser host);
 * `callService` below does that parsing for in-process callers such as tests and the
 * `logbook` command (scripts/logbook: demo, restore).
 */
import fs from 'node:fs';
import path from 'node:path';
import {
  contract,
  describeZodError,
  ServiceError,
  type BundleImportView,
  type Contract,
  type ServiceOf,
} from '../contract';
import { openLedger, type Clock, type KeyStore, type Ledger } from '../ledger';
import { getAttachment, putAttachment } from './attachments-service';
import { bookStatus, createBook, listBooks, verifyBook } from './books-service';
import { CalendarStore } from './calendar-store';
import { correctEntry, getEntryDetail, listEntries } from './entries-service';
import { changeRole, checkMember, joinMember, leaveMember, listMembers } from './members-service';
import { reflagMeeting, sealMeeting } from './meetings-service';
import { checkEntry } from './seal-checks';
import { changeProfile, getOrg, updateOrg } from './org-service';
import { sealActivity, sealWorkItem } from './activities-service';
import { yearView } from './year-service';
import { ledgerXlsx, suggestEntryDuties } from './ledger-export';
import { yearLedger } from './ledger-service';
import { listReminders } from './reminders-service';
import type { BundleResult } from '../bundle';
import { exportBundle, type ExportOptions } from './bundle-service';
import { handOver } from './handover-service';
import { discardUpload, importUpload, inspectUpload, listBundleAlarms, stageUpload } from './bundle-import-service';
import { ReadModel } from './read-model';
import { replayRequest, requestDigest } from './request-ids';
import { searchEntries } from './search-service';
import { securityView } from './security-view';
import { buildDocument, buildDraftDocument, draftFromRecords } from '../filing-docs';
import { checkPrintCode, printPages } from '../print/print-service';
import { describeProfileChoice, listProfiles } from './profiles-service';
import { createContext, guard, type ServiceContext } from './service-context';
import { getLiaison, setupLiaison } from './liaison-service';
import { refreshWorkspaceRow, workspaceOverview } from './workspace-service';
import { drawSpotCheck, exportReceipt, listSpotChecks, sealSpotCheck } from './spot-check-service';
import {
  exportReceiptsFile,
  importReceipt,
  listReceipts,
  loadReceiptsFile,
  sealRectification,
} from './receipts-service';
import { evidenceOf, evidencePackage } from './evidence-service';

export interface ServiceOptions {
  /** Folder holding `logbook.sqlite`, its checkpoint files and imported calendars. */
  dataDir: string;
  keyStore: KeyStore;
  clock?: Clock;
  /** better-sqlite3 native binding built for Electron's ABI. */
  nativeBinding?: string;
  /** Id source for members (tests make it deterministic). */
  newId?: () => string;
  /** Where the background verify's worker is (packaged builds); null verifies in this thread. See OpenLedgerOptions. */
  verifyWorker?: URL | string | null;
  /** Books together smaller than this are verified in full during open. See OpenLedgerOptions. */
  inlineVerifyBelow?: number;
}

export type Service = ServiceOf<Contract> & {
  /** Writes the book's signed bundle to `outPath` (chosen by the desktop's dialog or the command line, never the page). */
  exportBundle(bookId: string, outPath: string, options?: ExportOptions): Promise<BundleResult>;
  /**
   * Streams a bundle (a file the desktop's dialog or the command line chose, or an upload
   * stream) into the data folder's `incoming/`; returns the token for `bundles.inspect` / `bundles.import`.
   */
  stageBundle(source: NodeJS.ReadableStream | string, onProgress?: (bytes: number) => void): Promise<string>;
  close(): void;
};

export const DATABASE_FILE = 'logbook.sqlite';
/** The largest bundle accepted for import (the reader's own limit on inflated bytes is applied after). */
export const MAX_BUNDLE_UPLOAD_BYTES = 4 * 1024 * 1024 * 1024;

export function createService(options: ServiceOptions): Service {
  fs.mkdirSync(options.dataDir, { recursive: true });
  const clock = options.clock ?? (() => new Date());
  // The read model is written in every seal's transaction; it needs the ledger to exist first.
  let read: ReadModel | null = null;
  const ledger: Ledger = guard(() =>
    openLedger({
      path: path.join(options.dataDir, DATABASE_FILE),
      keyStore: options.keyStore,
      clock,
      onSeal: (bookId, entries) => read!.apply(bookId, entries),
      ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
      ...(options.verifyWorker !== undefined ? { verifyWorker: options.verifyWorker } : {}),
      ...(options.inlineVerifyBelow !== undefined ? { inlineVerifyBelow: options.inlineVerifyBelow } : {}),
    }),
  );
  // The context is needed to re-run the rules on corrected meetings; it exists once created.
  let context: ServiceContext | null = null;
  read = new ReadModel(
    () => ledger,
    (...args) => reflagMeeting(context!)(...args),
  );
  const ctx = createContext(ledger, read, options.dataDir, new CalendarStore(options.dataDir), clock, options.newId);
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
    'entries.check': (i) => checkEntry(ctx, i.bookId, i.entry),
    'meetings.evaluate': (i) => checkEntry(ctx, i.bookId, { kind: 'meeting', meeting: i.meeting }).evaluation!,
    'meetings.seal': (i) => sealMeeting(ctx, i.bookId, i.meeting),
    'activities.seal': (i) => sealActivity(ctx, i.bookId, i.activity),
    'work.seal': (i) => sealWorkItem(ctx, i.bookId, i.item),
    'entries.list': (i) => listEntries(ctx, i),
    'search.query': (i) => searchEntries(ctx, i),
    'entries.get': (i) => getEntryDetail(ctx, i.bookId, i.seq),
    'entries.correct': (i) => correctEntry(ctx, i),
    'attachments.put': (i) => putAttachment(ctx, i),
    'attachments.get': (i) => getAttachment(ctx, i.bookId, i.hash),
    'calendar.status': () => ctx.calendar.view(),
    'calendar.import': (i) => ctx.calendar.import(i.text),
    'ledger.year': (i) => yearView(ctx, i.bookId, i.year),
    'ledger.report': (i) => yearLedger(ctx, i.bookId, i.year),
    'ledger.xlsx': (i) => ledgerXlsx(ctx, i.bookId, i.year),
    'reminders.list': (i) => listReminders(ctx, i.bookId),
    'duties.suggest': (i) => suggestEntryDuties(i),
    'app.security': () => securityView(options.keyStore.protection?.() ?? 'none'),
    // Only the host's service (host/real-service.ts, db/demo/demo-books.ts) keeps a demo book beside the real ones.
    'demo.open': () => {
      throw new ServiceError('demo-unavailable', '此处不提供示例记录本');
    },
    'demo.remove': () => {
      throw new ServiceError('demo-unavailable', '此处不提供示例记录本');
    },
    // Filing documents read the book through the service's own (proven) reads, never its rows.
    'documents.build': (i) => buildDocument(service, i),
    'documents.fromDraft': (i) => buildDraftDocument(service, i.bookId, i.draft),
    'drafts.fromRecords': (i) => draftFromRecords(service, i.bookId, i.year, i.kind),
    'bundles.inspect': (i) => inspectUpload(ctx, i.upload),
    'bundles.import': (i) =>
      importUpload(ctx, i.upload, i.fingerprint, options.keyStore).then((view) => afterImport(ctx, view)),
    'bundles.alarms': (i) => listBundleAlarms(ctx, i.bookId),
    'bundles.discard': (i) => discardUpload(ctx, i.upload),
    'books.handover': (i) => handOver(ctx, i.bookId, i.reason),
    stageBundle: (source, onProgress) => stageUpload(options.dataDir, source, MAX_BUNDLE_UPLOAD_BYTES, onProgress),
    'print.pages': (i) => printPages(ctx, i),
    'print.checkCode': (i) => checkPrintCode(ctx, i.code),
    'profiles.list': () => listProfiles(),
    'profiles.describe': (i) => describeProfileChoice(i.profile),
    'members.check': (i) => checkMember(i.person),
    'receipts.import': (i) => importReceipt(ctx, i.bookId, i.text),
    'rectifications.seal': (i) => sealRectification(ctx, i.bookId, i.rectification),
    'receipts.list': (i) => listReceipts(ctx, i.bookId),
    'receipts.exportFile': (i) => exportReceiptsFile(ctx, options.keyStore, i.bookId),
    'receipts.loadFile': (i) => loadReceiptsFile(ctx, i.text),
    'evidence.get': (i) => evidenceOf(ctx, i.alarmId),
    'evidence.export': (i) => evidencePackage(ctx, i.alarmId),
    exportBundle: (bookId, outPath, exportOptions) =>
      exportBundle(ctx, options.keyStore, bookId, outPath, exportOptions),
    // The liaison's side (issue 10).
    'liaison.setup': (i) => setupLiaison(ctx, i.liaison),
    'liaison.get': () => getLiaison(ctx),
    'workspace.overview': (i) => workspaceOverview(ctx, i),
    'spotChecks.draw': (i) => drawSpotCheck(ctx, i),
    'spotChecks.seal': (i) => sealSpotCheck(ctx, i),
    'spotChecks.list': (i) => listSpotChecks(ctx, i.bookId),
    'receipts.export': (i) => exportReceipt(ctx, options.keyStore, i.liaisonSeq),
    close: () => ledger.close(),
  };
  for (const method of Object.keys(contract) as (keyof Contract)[]) {
    if (contract[method].mutates) guardMutation(ctx, service, method);
  }
  return service;
}

/**
 * The workspace overview's row of a book an import changed, computed right after the import's
 * transaction. A failure here never fails the import (it committed): the overview recomputes
 * a missing or stale row itself.
 */
function afterImport(ctx: ServiceContext, view: BundleImportView): BundleImportView {
  if ((view.outcome === 'imported' || view.outcome === 'extended') && view.bookId) {
    try {
      refreshWorkspaceRow(ctx, view.bookId);
    } catch {
      // Recomputed by the next workspace.overview.
    }
  }
  return view;
}

/**
 * Every call that writes: first waits for the book's full verify of this session (a seal is
 * never stacked on a book not yet checked), then answers a repeated request from what it
 * sealed the first time, and otherwise runs with its request id so the seal records it.
 */
function guardMutation(ctx: ServiceContext, service: Service, method: keyof Contract): void {
  const handler = service[method] as (input: Record<string, unknown>) => unknown;
  const wrapped = async (input: Record<string, unknown>) => {
    const { requestId, ...rest } = input;
    const id = typeof requestId === 'string' ? requestId : undefined;
    const bookId = typeof input.bookId === 'string' ? input.bookId : undefined;
    // An unknown book is the handler's to report.
    const state = bookId !== undefined ? verificationState(ctx, bookId) : 'done';
    if (state !== 'done') await ctx.ledger.verifyInBackground(bookId!);
    // After the wait: a repeat may have been sealed meanwhile.
    if (id !== undefined) {
      const prior = replayRequest(ctx, method, input, id);
      if (prior !== null) return prior;
    }
    ctx.request = id !== undefined ? { id, method, digest: requestDigest(input) } : null;
    try {
      return await handler(rest);
    } finally {
      ctx.request = null;
    }
  };
  (service as Record<string, unknown>)[method] = wrapped;
}

function verificationState(ctx: ServiceContext, bookId: string): string {
  try {
    return ctx.ledger.status(bookId).verification.state;
  } catch {
    return 'done';
  }
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
