/**
 * The liaison's workspace overview (工作台): one row per imported book with what the rules find
 * open this year, computed by the recorder's own year ledger (db/rules/year-ledger.ts through
 * ledger-service.ts) right after each import that changed the book, and stored in
 * `workspace_rows`. The overview reads stored rows only (plus the alarms and the liaison's
 * spot checks, also stored): a row whose book grew, or whose year is past, is recomputed
 * first, so a stored row is never shown stale.
 */
import type { SpotCheckSummary, WorkspaceOpen, WorkspaceOverview, WorkspaceQuery, WorkspaceRow } from '../contract';
import { PinStore } from '../bundle/pin-store';
import { yearLedger } from './ledger-service';
import { liaisonBookId } from './liaison-service';
import { listSpotChecks } from './spot-check-service';
import { guard, type ServiceContext } from './service-context';

/** What is stored per book; integrity, alarms, the last check and attention are joined at query time. */
type StoredRow = Omit<WorkspaceRow, 'integrity' | 'alarmCount' | 'lastCheck' | 'attention'>;

export function currentYear(ctx: ServiceContext): number {
  return Number(ctx.today().slice(0, 4));
}

/** The open items of `year`, from the year ledger (the same figures the recorder's ledger shows). */
export function openItems(
  ctx: ServiceContext,
  bookId: string,
  year: number,
): WorkspaceOpen & { orgName: string; profileLabel: string } {
  const l = yearLedger(ctx, bookId, year);
  const held = l.meetings.held;
  const required = l.meetings.required;
  return {
    year,
    orgName: l.orgName,
    profileLabel: l.profileLabel,
    meetingsHeld: held,
    meetingsRequired: required,
    belowRequired: held < required,
    inquorate: l.meetings.inquorate.count,
    lateFilings: l.filing.late.count + l.filing.overdue.count,
    reportMissing: l.reports.leaderReport.wanted && l.reports.leaderReport.count === 0,
    items: l.obligations.filter((o) => !o.ok).map((o) => o.message),
  };
}

function entryBytes(ctx: ServiceContext, bookId: string, size: number): number {
  let bytes = 0;
  for (let seq = 1; seq <= size; seq++) bytes += ctx.ledger.rawEntry(bookId, seq).length;
  return bytes;
}

/** Computes and stores the overview row of one imported book (after an import, or when stale). */
export function refreshWorkspaceRow(ctx: ServiceContext, bookId: string, year = currentYear(ctx)): StoredRow {
  const info = guard(() => ctx.ledger.getBook(bookId));
  const pin = new PinStore(ctx.ledger.database).read(bookId);
  const { orgName, profileLabel, ...open } = openItems(ctx, bookId, year);
  const row: StoredRow = {
    bookId,
    orgName: orgName || info.name,
    profileLabel,
    lastImportAt: pin.state === 'present' ? pin.record.verifiedAt : info.createdAt,
    size: info.size,
    bytes: guard(() => entryBytes(ctx, bookId, info.size)),
    keyId: info.keyId,
    open,
  };
  ctx.ledger.database
    .prepare(
      `INSERT INTO workspace_rows (book_id, year, size, row) VALUES (?, ?, ?, ?)
       ON CONFLICT (book_id) DO UPDATE SET year = excluded.year, size = excluded.size, row = excluded.row`,
    )
    .run(bookId, year, info.size, JSON.stringify(row));
  return row;
}

/** The stored rows of every imported book, recomputing those missing or stale (the book grew, the year turned). */
function storedRows(ctx: ServiceContext, year: number): StoredRow[] {
  const liaison = liaisonBookId(ctx.ledger.database);
  const books = guard(() => ctx.ledger.listBooks()).filter((b) => b.imported && b.bookId !== liaison);
  const stored = new Map(
    (
      ctx.ledger.database.prepare('SELECT book_id, year, size, row FROM workspace_rows').all() as {
        book_id: string;
        year: number;
        size: number;
        row: string;
      }[]
    ).map((r) => [r.book_id, r]),
  );
  return books.map((b) => {
    const s = stored.get(b.bookId);
    if (s && s.year === year && s.size === b.size) return JSON.parse(s.row) as StoredRow;
    return refreshWorkspaceRow(ctx, b.bookId, year);
  });
}

const collator = new Intl.Collator('zh-Hans-CN');
type Sort = NonNullable<WorkspaceQuery['sort']>;
const COMPARE: Record<Sort, (a: WorkspaceRow, b: WorkspaceRow) => number> = {
  org: (a, b) => collator.compare(a.orgName, b.orgName),
  lastImport: (a, b) => a.lastImportAt.localeCompare(b.lastImportAt),
  size: (a, b) => a.size - b.size,
  attention: (a, b) =>
    Number(a.attention) - Number(b.attention) ||
    a.alarmCount - b.alarmCount ||
    a.open.items.length - b.open.items.length,
  lastCheck: (a, b) => (a.lastCheck?.at ?? '').localeCompare(b.lastCheck?.at ?? ''),
};

export function workspaceOverview(ctx: ServiceContext, q: WorkspaceQuery): WorkspaceOverview {
  const year = currentYear(ctx);
  const alarms = new Map(
    (
      ctx.ledger.database.prepare('SELECT book_id, count(*) AS n FROM bundle_alarms GROUP BY book_id').all() as {
        book_id: string;
        n: number;
      }[]
    ).map((r) => [r.book_id, r.n]),
  );
  const lastChecks = new Map<string, SpotCheckSummary>();
  for (const c of listSpotChecks(ctx)) {
    const seen = lastChecks.get(c.bookId);
    if (!seen || c.liaisonSeq > seen.liaisonSeq) lastChecks.set(c.bookId, c);
  }
  let rows: WorkspaceRow[] = storedRows(ctx, year).map((r) => {
    const alarmCount = alarms.get(r.bookId) ?? 0;
    const check = lastChecks.get(r.bookId);
    const lastCheck = check
      ? { liaisonSeq: check.liaisonSeq, at: check.at, conclusion: check.conclusion, checkedSize: check.size }
      : null;
    return {
      ...r,
      integrity: alarmCount > 0 ? 'alarm' : 'verified',
      alarmCount,
      lastCheck,
      attention: alarmCount > 0 || r.open.items.length > 0 || lastCheck?.conclusion === 'rectify',
    };
  });
  const f = q.filter;
  if (f?.text) {
    const needle = f.text.toLowerCase();
    rows = rows.filter((r) =>
      [r.orgName, r.profileLabel, r.bookId, r.keyId].some((s) => s.toLowerCase().includes(needle)),
    );
  }
  if (f?.attention !== undefined) rows = rows.filter((r) => r.attention === f.attention);
  if (f?.integrity) rows = rows.filter((r) => r.integrity === f.integrity);
  const sort = q.sort ?? 'attention';
  const order = q.order ?? (sort === 'org' ? 'asc' : 'desc');
  const sign = order === 'asc' ? 1 : -1;
  rows.sort((a, b) => sign * COMPARE[sort](a, b) || COMPARE.org(a, b) || a.bookId.localeCompare(b.bookId));
  return { total: rows.length, year, rows: rows.slice(q.offset, q.offset + q.limit) };
}
