/**
 * The spot check (不定期抽查) of an imported book: a sample drawn from a CSPRNG seed over the
 * book's verified state (db/liaison/spot-sample.ts, re-drawable by anyone), the facts the app
 * computed for each sampled entry (db/liaison/spot-facts.ts, from proven reads only), and the
 * sealed findings: one `spot-check` entry (抽查记录) in the LIAISON's own book naming the
 * checked book, its organisation, size and root. The seal re-draws the sample from its seed
 * and refuses any other seqs; the receipt (db/liaison/receipt.ts) is signed from that entry.
 */
import {
  ServiceError,
  spotCheckRecord,
  type AttachmentRef,
  type ReceiptFile,
  type SpotCheckRecord,
  type SpotCheckSummary,
  type SpotDrawView,
  type SpotEntryFacts,
  type SpotScope,
  type SpotSealInput,
  type SpotSealResult,
} from '../contract';
import type { KeyStore } from '../ledger';
import type { LedgerMeetingRow } from '../rules';
import { PinStore } from '../bundle/pin-store';
import { drawSample, newSeed, redrawMatches, SAMPLE_METHOD } from '../liaison/spot-sample';
import { spotFacts, type AttachmentCheck } from '../liaison/spot-facts';
import { RECEIPT_TYPE, signReceipt, type Receipt, type SignedReceipt } from '../liaison/receipt';
import { makeBody } from './entry-body';
import { getEntryDetail } from './entries-service';
import { KIND_LABELS, labelKind } from './kinds';
import { yearLedger } from './ledger-service';
import { liaisonBookId, liaisonSigner, requireLiaison } from './liaison-service';
import { guard, notFound, sealResult, type ServiceContext } from './service-context';

export const SPOT_CHECK_KIND = 'spot-check';

interface CheckedBook {
  bookId: string;
  orgName: string;
  keyId: string;
  size: number;
  root: string;
}

/** An imported book in its verified state (the pin this folder verified), or a Chinese refusal. */
async function checkedBook(ctx: ServiceContext, bookId: string): Promise<CheckedBook> {
  const info = guard(() => ctx.ledger.getBook(bookId));
  if (!info.imported || bookId === liaisonBookId(ctx.ledger.database))
    throw new ServiceError(
      'not-imported',
      '只能抽查导入的记录本（其他学会的数据包），不能抽查本机自己的记录本。',
      'bookId',
    );
  const pin = new PinStore(ctx.ledger.database).read(bookId);
  const report = await ctx.ledger.verifyInBackground(bookId);
  if (pin.state !== 'present' || !report.ok || pin.record.size !== info.size || report.root !== pin.record.root)
    throw new ServiceError(
      'book-damaged',
      '这本导入的记录本未通过完整校验（或与导入时核验的状态不符），不能抽查。请重新导入数据包。',
    );
  const orgName = guard(() => ctx.read.state(bookId).organisation?.orgName) ?? info.name;
  return { bookId, orgName, keyId: info.keyId, size: pin.record.size, root: pin.record.root };
}

export function scopeText(scope: SpotScope): string {
  if (scope.type === 'all') return '全部记录';
  if (scope.type === 'kind') return `${labelKind(scope.kind)}（按记录类别）`;
  return `${scope.year} 年的记录`;
}

/** The qualifying seqs of the book's first `size` entries, ascending (the timeline's own filters). */
function population(ctx: ServiceContext, bookId: string, size: number, scope: SpotScope): number[] {
  if (scope.type === 'all') return Array.from({ length: size }, (_, i) => i + 1);
  if (scope.type === 'kind' && !Object.hasOwn(KIND_LABELS, scope.kind))
    throw new ServiceError('invalid-input', `未知的记录类别：${scope.kind}`, 'scope.kind');
  ctx.projection(bookId);
  const page = guard(() =>
    ctx.read.page({
      bookId,
      ...(scope.type === 'kind' ? { kinds: [scope.kind] } : { year: scope.year }),
      offset: 0,
      limit: size,
    }),
  );
  return page.items
    .map((s) => s.seq)
    .filter((s) => s <= size)
    .sort((a, b) => a - b);
}

function attachmentChecks(ctx: ServiceContext, bookId: string, seq: number, current: unknown): AttachmentCheck[] {
  const entry = guard(() => ctx.ledger.getEntry(bookId, seq));
  const refs = ((current as { input?: { attachments?: AttachmentRef[] } } | null)?.input?.attachments ?? []).filter(
    (a) => typeof a?.hash === 'string',
  );
  const name = (hash: string) => refs.find((r) => r.hash === hash)?.name ?? '';
  return (entry?.attachments ?? []).map((hash) => {
    try {
      return { hash, name: name(hash), state: ctx.ledger.getAttachment(hash) ? 'ok' : 'missing' };
    } catch {
      return { hash, name: name(hash), state: 'damaged' };
    }
  });
}

function entryFacts(ctx: ServiceContext, bookId: string, seqs: number[]): SpotEntryFacts[] {
  const ledgers = new Map<number, Map<number, LedgerMeetingRow['filing']>>();
  const filingOf = (seq: number, date: string) => {
    const year = Number(date.slice(0, 4));
    if (!ledgers.has(year))
      ledgers.set(year, new Map(yearLedger(ctx, bookId, year).meetings.rows.map((r) => [r.seq, r.filing])));
    return ledgers.get(year)!.get(seq) ?? null;
  };
  return seqs.map((seq) => {
    const detail = getEntryDetail(ctx, bookId, seq);
    const s = detail.summary;
    return {
      seq,
      kind: s.kind,
      kindLabel: s.kindLabel,
      title: s.title,
      date: s.date,
      facts: spotFacts({
        detail,
        filing: s.kind === 'meeting' ? filingOf(seq, s.date) : null,
        attachments: attachmentChecks(ctx, bookId, seq, detail.current),
      }),
    };
  });
}

export async function drawSpotCheck(
  ctx: ServiceContext,
  req: { bookId: string; count: number; scope: SpotScope },
): Promise<SpotDrawView> {
  const book = await checkedBook(ctx, req.bookId);
  const pool = population(ctx, book.bookId, book.size, req.scope);
  if (pool.length === 0) throw new ServiceError('sample-empty', `${scopeText(req.scope)}中没有可抽查的记录。`, 'scope');
  const record = drawSample(newSeed(), pool, req.count);
  return {
    bookId: book.bookId,
    orgName: book.orgName,
    size: book.size,
    root: book.root,
    sample: { ...record, scope: scopeText(req.scope), select: req.scope },
    entries: entryFacts(ctx, book.bookId, record.seqs),
  };
}

export async function sealSpotCheck(ctx: ServiceContext, req: SpotSealInput): Promise<SpotSealResult> {
  const liaison = requireLiaison(ctx);
  const book = await checkedBook(ctx, req.bookId);
  if (req.size !== book.size || req.root !== book.root)
    throw new ServiceError(
      'spot-stale',
      `抽查时的条数和树根（${req.size} 条）与本机核验过的这本记录本（${book.size} 条）不符：数据包可能已更新，请重新抽样。未封存。`,
    );
  const pool = population(ctx, book.bookId, book.size, req.sample.scope);
  const sample = { method: SAMPLE_METHOD as typeof SAMPLE_METHOD, ...req.sample, scope: scopeText(req.sample.scope) };
  if (!redrawMatches({ ...sample, seqs: req.sample.seqs }, pool))
    throw new ServiceError(
      'sample-mismatch',
      '抽中的记录与按种子重新抽取的结果不符（抽样记录被改动过，或抽样总体不同），未封存。',
      'sample.seqs',
    );
  const found = req.findings.map((f) => f.seq).sort((a, b) => a - b);
  if (found.length !== req.sample.seqs.length || found.some((s, i) => s !== req.sample.seqs[i]))
    throw new ServiceError('findings-mismatch', '每一条抽中的记录须有且只有一条检查结论，未封存。', 'findings');
  if (req.conclusion === 'rectify' && !req.rectify)
    throw new ServiceError('invalid-input', '结论为“存在问题，需整改”时须写明整改事项和期限。', 'rectify');
  const record: SpotCheckRecord = spotCheckRecord.parse({
    bookId: book.bookId,
    orgName: book.orgName,
    keyId: book.keyId,
    size: book.size,
    root: book.root,
    sample: { ...sample, select: req.sample.scope, seqs: req.sample.seqs },
    findings: req.findings.map((f) => ({ seq: f.seq, ...f.checks, note: f.note })),
    conclusion: req.conclusion,
    ...(req.conclusion === 'rectify' && req.rectify ? { rectify: req.rectify } : {}),
    ...(req.notes?.trim() ? { notes: req.notes } : {}),
  });
  await ctx.ledger.verifyInBackground(liaison.bookId);
  const [entry] = ctx.seal(liaison.bookId, [{ kind: SPOT_CHECK_KIND, body: makeBody(record, {}, []) }]);
  return { ...sealResult(entry!, []), liaisonBookId: liaison.bookId };
}

/** The sealed spot check at `liaisonSeq` of the liaison's book, proven and parsed. */
function sealedCheck(ctx: ServiceContext, bookId: string, seq: number): { record: SpotCheckRecord; at: string } | null {
  const entry = guard(() => ctx.ledger.getEntry(bookId, seq));
  if (!entry || entry.kind !== SPOT_CHECK_KIND) return null;
  const parsed = spotCheckRecord.safeParse((entry.body as { input?: unknown }).input);
  return parsed.success ? { record: parsed.data, at: entry.recordedAt } : null;
}

export function listSpotChecks(ctx: ServiceContext, bookId?: string): SpotCheckSummary[] {
  const liaison = liaisonBookId(ctx.ledger.database);
  if (liaison === null) return [];
  ctx.projection(liaison);
  const rows = guard(() => ctx.read.ofKinds(liaison, [SPOT_CHECK_KIND])).filter((s) => !s.problem);
  return rows.flatMap((s) => {
    const c = sealedCheck(ctx, liaison, s.seq);
    if (!c || (bookId !== undefined && c.record.bookId !== bookId)) return [];
    const r = c.record;
    return [
      {
        liaisonSeq: s.seq,
        bookId: r.bookId,
        orgName: r.orgName,
        at: c.at,
        size: r.size,
        count: r.sample.seqs.length,
        conclusion: r.conclusion,
      },
    ];
  });
}

/** The signed receipt of the spot check sealed at `liaisonSeq` (the same bytes every time). */
export function receiptOfSpotCheck(
  ctx: ServiceContext,
  keys: Pick<KeyStore, 'load'>,
  liaisonSeq: number,
): { signed: SignedReceipt; receipt: Receipt; allowedSigners: string } {
  const liaison = requireLiaison(ctx);
  const c = sealedCheck(ctx, liaison.bookId, liaisonSeq);
  if (!c) throw notFound('抽查记录', `联络员记录本第 ${liaisonSeq} 条`, 'liaisonSeq');
  const r = c.record;
  const receipt: Receipt = {
    type: RECEIPT_TYPE,
    version: 1,
    bookId: r.bookId,
    orgName: r.orgName,
    size: r.size,
    root: r.root,
    sample: {
      method: SAMPLE_METHOD,
      seed: r.sample.seed,
      count: r.sample.count,
      populationSize: r.sample.populationSize,
      scope: r.sample.scope,
      seqs: r.sample.seqs,
    },
    conclusion: r.conclusion,
    ...(r.rectify ? { rectify: r.rectify } : {}),
    checkedAt: c.at,
    liaison: { name: liaison.name, office: liaison.office, publicKey: liaison.publicKey, keyId: liaison.keyId },
  };
  const signed = guard(() => signReceipt(receipt, liaisonSigner(keys, liaison)));
  return { signed, receipt, allowedSigners: liaison.allowedSigners };
}

export function exportReceipt(ctx: ServiceContext, keys: Pick<KeyStore, 'load'>, liaisonSeq: number): ReceiptFile {
  const { signed, receipt, allowedSigners } = receiptOfSpotCheck(ctx, keys, liaisonSeq);
  const bytes = Buffer.from(`${JSON.stringify({ ...signed, allowedSigners }, null, 2)}\n`, 'utf8');
  return {
    fileName: `抽查回执-${receipt.checkedAt.slice(0, 10)}-${receipt.bookId.slice(0, 8)}-第${liaisonSeq}条.json`,
    mediaType: 'application/json',
    dataBase64: bytes.toString('base64'),
    size: bytes.length,
  };
}
