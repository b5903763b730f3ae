import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { member } from '../service/test/service-harness';
import { importInto, liaisonWorld, type LiaisonWorld } from './liaison-test-kit';

/**
 * The workspace overview through the real service: one row per imported book (never the
 * liaison's own), whose open items are the year ledger's own figures; sorted, filtered, paged;
 * a grown book's row follows the import, an alarm shows as integrity 'alarm', a new year
 * recomputes every row.
 */

let w: LiaisonWorld;
beforeAll(async () => {
  w = await liaisonWorld([3, 5, 8], [70, 50, 60]);
}, 180_000);
afterAll(() => w?.cleanup());

describe('workspace.overview', () => {
  it('lists every imported book with the open items of the year ledger for the same book', async () => {
    const overview = await w.liaison.call('workspace.overview', {});
    expect(overview).toMatchObject({ total: 3, year: 2025 });
    expect(overview.rows.map((r) => r.bookId).sort()).toEqual([...w.books].sort());
    for (const row of overview.rows) {
      const ledger = await w.liaison.call('ledger.report', { bookId: row.bookId, year: 2025 });
      const status = await w.liaison.call('books.status', { bookId: row.bookId });
      expect(row).toMatchObject({
        orgName: ledger.orgName,
        profileLabel: ledger.profileLabel,
        size: status.size,
        keyId: status.keyId,
        integrity: 'verified',
        alarmCount: 0,
        lastCheck: null,
      });
      expect(row.bytes).toBeGreaterThan(status.size * 100);
      expect(row.open).toEqual({
        year: 2025,
        meetingsHeld: ledger.meetings.held,
        meetingsRequired: ledger.meetings.required,
        belowRequired: ledger.meetings.held < ledger.meetings.required,
        inquorate: ledger.meetings.inquorate.count,
        lateFilings: ledger.filing.late.count + ledger.filing.overdue.count,
        reportMissing: ledger.reports.leaderReport.wanted && ledger.reports.leaderReport.count === 0,
        items: ledger.obligations.filter((o) => !o.ok).map((o) => o.message),
      });
      expect(row.attention).toBe(row.open.items.length > 0);
    }
    const liaison = (await w.liaison.call('liaison.get', {}))!;
    expect(overview.rows.some((r) => r.bookId === liaison.bookId)).toBe(false);
  });

  it('sorts, filters and pages', async () => {
    const bySize = await w.liaison.call('workspace.overview', { sort: 'size', order: 'asc' });
    const sizes = bySize.rows.map((r) => r.size);
    expect(new Set(sizes).size).toBe(3);
    expect(sizes).toEqual([...sizes].sort((a, b) => a - b));
    const desc = await w.liaison.call('workspace.overview', { sort: 'size', order: 'desc' });
    expect(desc.rows.map((r) => r.bookId)).toEqual([...bySize.rows.map((r) => r.bookId)].reverse());
    const page = await w.liaison.call('workspace.overview', { sort: 'size', order: 'asc', offset: 1, limit: 1 });
    expect(page).toMatchObject({ total: 3, rows: [{ bookId: bySize.rows[1]!.bookId }] });
    const one = bySize.rows[0]!;
    const byText = await w.liaison.call('workspace.overview', {
      filter: { text: one.bookId.slice(0, 8).toUpperCase() },
    });
    expect(byText.rows.map((r) => r.bookId)).toEqual([one.bookId]);
    const wanting = await w.liaison.call('workspace.overview', { filter: { attention: true } });
    expect(wanting.total).toBe(bySize.rows.filter((r) => r.attention).length);
    expect((await w.liaison.call('workspace.overview', { filter: { integrity: 'alarm' } })).total).toBe(0);
    // An emptied search box filters nothing.
    expect((await w.liaison.call('workspace.overview', { filter: { text: '  ' } })).total).toBe(3);
    await expect(w.liaison.call('workspace.overview', { limit: 201 })).rejects.toMatchObject({ code: 'invalid-input' });
  });

  it('shows the last spot check, a grown book after its import, an alarm, and recomputes in a new year', async () => {
    const bookId = w.books[0]!;
    const draw = await w.liaison.call('spotChecks.draw', { bookId, count: 2, scope: { type: 'all' } });
    const sealed = await w.liaison.call('spotChecks.seal', {
      bookId,
      size: draw.size,
      root: draw.root,
      sample: { ...draw.sample, scope: draw.sample.select },
      findings: draw.sample.seqs.map((seq) => ({
        seq,
        checks: { accurate: 'ok', standard: 'ok', complete: 'ok', original: 'ok' },
        note: '',
      })),
      conclusion: 'rectify',
      rectify: { what: '补充请假说明', by: '2025-12-31' },
    });
    const row = (await w.liaison.call('workspace.overview', { filter: { text: bookId } })).rows[0]!;
    expect(row.lastCheck).toEqual({
      liaisonSeq: sealed.seq,
      at: sealed.recordedAt,
      conclusion: 'rectify',
      checkedSize: draw.size,
    });
    expect(row.attention).toBe(true);

    w.society.setNow('2025-11-21T09:00');
    await w.society.call('members.join', { bookId, ...member('赵新', 'member', {}), joinedOn: '2025-11-21' });
    const grown = path.join(w.society.dir, 'grown.zip');
    await w.society.service.exportBundle(bookId, grown);
    expect(await importInto(w.liaison, grown)).toMatchObject({ outcome: 'extended' });
    const after = (await w.liaison.call('workspace.overview', { filter: { text: bookId } })).rows[0]!;
    expect(after.size).toBe(row.size + 1);
    expect(after.lastImportAt >= row.lastImportAt).toBe(true);

    expect(await importInto(w.liaison, w.bundles[0]!)).toMatchObject({ outcome: 'alarm' });
    const alarmed = await w.liaison.call('workspace.overview', { filter: { integrity: 'alarm' } });
    expect(alarmed.rows).toMatchObject([{ bookId, integrity: 'alarm', alarmCount: 1, attention: true }]);
    expect((await w.liaison.call('workspace.overview', { sort: 'attention' })).rows[0]!.bookId).toBe(bookId);

    w.liaison.setNow('2026-01-05T09:00');
    const next = await w.liaison.call('workspace.overview', {});
    expect(next.year).toBe(2026);
    expect(next.rows.every((r) => r.open.year === 2026)).toBe(true);
    const ledger = await w.liaison.call('ledger.report', { bookId, year: 2026 });
    expect(next.rows.find((r) => r.bookId === bookId)!.open.meetingsHeld).toBe(ledger.meetings.held);
  });
});
