/**
 * 抽查回执 in the service (issue 10): the society imports a liaison's signed receipt into its
 * own book (收到抽查回执) and records 整改情况 against it; `receipts.list` checks every receipt a
 * book holds against that book; a liaison's receipts file is loaded into this data folder's
 * known receipts (db/liaison/known-receipts.ts), and every book here is checked against it.
 * Every receipt is read through readSignedReceipt each time: never a shown field, never a row.
 */
import {
  ServiceError,
  type CheckpointSideView,
  type ReceiptRow,
  type ReceiptsFileView,
  type ReceiptsLoadView,
  type RectificationInput,
  type SealResult,
} from '../contract';
import { PinStore } from '../bundle/pin-store';
import { parseSafeJson } from '../bundle/safe-json';
import { knownInputs, type KnownInput } from '../liaison/carried-receipts';
import { KnownReceipts } from '../liaison/known-receipts';
import { readSignedReceipt, type SignedReceipt } from '../liaison/receipt';
import { describeVerdict } from '../liaison/receipt-check';
import {
  conclusionText,
  readReceiptOf,
  receiptEntryInput,
  RECEIPT_KIND,
  RECTIFICATION_KIND,
  signedReceiptOf,
  verdictInLedger,
} from '../liaison/receipt-entries';
import { buildReceiptsFile, readReceiptsFile } from '../liaison/receipts-file';
import type { KeyStore } from '../ledger';
import { getLiaison, liaisonSigner } from './liaison-service';
import { listSpotChecks, receiptOfSpotCheck } from './spot-check-service';
import { MAX_RECEIPT_TEXT, type ReceiptReceivedInput } from '../contract/receipts';
import { makeBody } from './entry-body';
import { guard, sealResult, type ServiceContext } from './service-context';

/** The receipts this data folder's own liaison issued (its sealed spot checks), of one book or all. */
function issuedReceipts(ctx: ServiceContext, keys: Pick<KeyStore, 'load'>, bookId?: string): KnownInput[] {
  if (getLiaison(ctx) === null) return [];
  return listSpotChecks(ctx, bookId).map((s) => {
    const { signed, receipt } = receiptOfSpotCheck(ctx, keys, s.liaisonSeq);
    return { signed, receipt };
  });
}

/** Receipts this data folder knows of a book besides the book's own entries: loaded files and its own liaison's. */
export function knownReceiptsOf(ctx: ServiceContext, bookId: string, keys?: Pick<KeyStore, 'load'>): KnownInput[] {
  const loaded = knownInputs(new KnownReceipts(ctx.ledger.database).forBook(bookId));
  return keys ? [...issuedReceipts(ctx, keys, bookId), ...loaded] : loaded;
}

/** The receipt of a `checked-history` alarm as the alarm view's "what was verified before" side. */
export function receiptSide(json: string | null): CheckpointSideView {
  const parsed = json === null ? null : parseSafeJson(json, { maxLength: 2 * MAX_RECEIPT_TEXT + 100 });
  const read = parsed?.ok ? readSignedReceipt(parsed.value) : null;
  if (!read?.ok) return { size: 0, root: '', time: '', keyId: '', signature: '' };
  const signature = (parsed as { value: SignedReceipt }).value.signature;
  return {
    size: read.receipt.size,
    root: read.receipt.root,
    time: read.receipt.checkedAt,
    keyId: read.keyId,
    signature,
  };
}

function ownBook(ctx: ServiceContext, bookId: string): void {
  guard(() => ctx.ledger.getBook(bookId));
  if (new PinStore(ctx.ledger.database).read(bookId).state !== 'missing')
    throw new ServiceError(
      'book-readonly',
      '这是从数据包导入的记录本（只读），回执和整改情况只能记入本组织自己的记录本。',
    );
}

export function importReceipt(ctx: ServiceContext, bookId: string, text: string): SealResult & { verdict: string } {
  ownBook(ctx, bookId);
  const json = parseSafeJson(text, { maxLength: MAX_RECEIPT_TEXT });
  if (!json.ok) throw new ServiceError('receipt-invalid', `回执文件不是有效的 JSON：${json.reason}`, 'text');
  const read = readSignedReceipt(json.value);
  if (!read.ok) throw new ServiceError('receipt-invalid', read.reason, 'text');
  const receipt = read.receipt;
  const verdict = verdictInLedger(ctx.ledger, bookId, receipt);
  if (verdict.state === 'other-book')
    throw new ServiceError(
      'receipt-other-book',
      `该回执属于另一本记录本（${receipt.orgName}，编号 ${receipt.bookId}），不能导入本记录本。`,
      'text',
    );
  if (verdict.state !== 'consistent')
    throw new ServiceError('receipt-mismatch', `回执与本记录本不一致，未导入：${describeVerdict(verdict)}`, 'text');
  const signed = signedReceiptOf({ input: { signed: json.value } })!;
  const already = ctx.ledger
    .listEntries(bookId, { kinds: [RECEIPT_KIND] })
    .find((e) => signedReceiptOf(e.body)?.receipt === signed.receipt);
  if (already) throw new ServiceError('receipt-duplicate', `该回执已导入（第 ${already.seq} 条记录）。`, 'text');
  const input = receiptEntryInput(signed, receipt);
  const [sealed] = ctx.seal(bookId, [{ kind: RECEIPT_KIND, body: makeBody(input, { verdict: verdict.state }, []) }]);
  return { ...sealResult(sealed!, []), verdict: describeVerdict(verdict) };
}

export function sealRectification(ctx: ServiceContext, bookId: string, r: RectificationInput): SealResult {
  ownBook(ctx, bookId);
  const target = guard(() => ctx.ledger.getEntry(bookId, r.receiptSeq));
  if (!target || target.kind !== RECEIPT_KIND)
    throw new ServiceError(
      'not-found',
      `第 ${r.receiptSeq} 条不是“收到抽查回执”，整改情况须对应一份抽查回执。`,
      'rectification.receiptSeq',
    );
  const read = readReceiptOf(target.body);
  const checkedOn = (target.body as { input?: ReceiptReceivedInput }).input?.checkedOn ?? '';
  if (r.date > ctx.today())
    throw new ServiceError('invalid-date', `整改日期 ${r.date} 晚于今天，不能预先记录。`, 'rectification.date');
  if (read.ok && r.date < checkedOn)
    throw new ServiceError('invalid-date', `整改日期 ${r.date} 早于抽查日期 ${checkedOn}。`, 'rectification.date');
  const [sealed] = ctx.seal(bookId, [{ kind: RECTIFICATION_KIND, body: makeBody(r, {}, []) }]);
  return sealResult(sealed!, []);
}

/** Every receipt a book (own or imported) holds, each checked against the book as it is here. */
export function listReceipts(ctx: ServiceContext, bookId: string): ReceiptRow[] {
  const projection = ctx.projection(bookId);
  const entries = guard(() => ctx.ledger.listEntries(bookId, { kinds: [RECEIPT_KIND, RECTIFICATION_KIND] }));
  const rectifications = new Map<number, ReceiptRow['rectifications']>();
  for (const e of entries) {
    if (e.kind !== RECTIFICATION_KIND) continue;
    const current = projection.currentBody(e.seq, e.body) as { input?: Partial<RectificationInput> } | null;
    const i = current?.input;
    if (typeof i?.receiptSeq !== 'number') continue;
    const list = rectifications.get(i.receiptSeq) ?? [];
    list.push({ seq: e.seq, date: String(i.date ?? ''), done: String(i.done ?? ''), by: String(i.by ?? '') });
    rectifications.set(i.receiptSeq, list);
  }
  return entries
    .filter((e) => e.kind === RECEIPT_KIND)
    .map((e): ReceiptRow => {
      const read = readReceiptOf(e.body);
      const shown = (e.body as { input?: Partial<ReceiptReceivedInput> }).input;
      const base = { seq: e.seq, rectifications: rectifications.get(e.seq) ?? [] };
      if (!read.ok) {
        return {
          ...base,
          liaisonName: String(shown?.liaison?.name ?? ''),
          office: String(shown?.liaison?.office ?? ''),
          liaisonKeyId: '',
          checkedAt: '',
          size: 0,
          sampledSeqs: [],
          conclusion: 'rectify',
          conclusionText: '（无法核验）',
          rectify: null,
          verdict: 'invalid',
          verdictText: `回执无法核验：${read.reason}`,
        };
      }
      const r = read.receipt;
      const verdict = verdictInLedger(ctx.ledger, bookId, r);
      return {
        ...base,
        liaisonName: r.liaison.name,
        office: r.liaison.office,
        liaisonKeyId: read.keyId,
        checkedAt: r.checkedAt,
        size: r.size,
        sampledSeqs: [...r.sample.seqs],
        conclusion: r.conclusion,
        conclusionText: conclusionText(r),
        rectify: r.rectify ? { what: r.rectify.what, by: r.rectify.by } : null,
        verdict: verdict.state,
        verdictText: describeVerdict(verdict),
      };
    });
}

/**
 * The liaison's receipts file: every receipt its sealed spot checks gave (of one book, or of
 * the whole workspace), signed by the liaison's key (db/liaison/receipts-file.ts).
 */
export function exportReceiptsFile(
  ctx: ServiceContext,
  keys: Pick<KeyStore, 'load'>,
  bookId: string | undefined,
): ReceiptsFileView {
  const liaison = getLiaison(ctx);
  if (liaison === null)
    throw new ServiceError(
      'no-liaison',
      '本机还没有设置党建联络员身份，没有由本机签发的抽查回执可导出。请先在“联络员信息”中完成设置。',
    );
  const issued = issuedReceipts(ctx, keys, bookId);
  if (issued.length === 0)
    throw new ServiceError(
      'no-receipts',
      bookId === undefined
        ? '本机还没有封存过抽查记录，没有回执可导出。'
        : '这本记录本还没有抽查记录，没有回执可导出。',
    );
  const text = buildReceiptsFile(
    { name: liaison.name, office: liaison.office, publicKey: liaison.publicKey, keyId: liaison.keyId },
    issued.map((r) => r.signed),
    liaisonSigner(keys, liaison),
  );
  const bytes = Buffer.from(text, 'utf8');
  const day = ctx.today();
  return {
    fileName: `抽查回执汇总-${day}-${bookId === undefined ? '全部' : bookId.slice(0, 8)}.json`,
    mediaType: 'application/json',
    dataBase64: bytes.toString('base64'),
    size: bytes.length,
    count: issued.length,
  };
}

export function loadReceiptsFile(ctx: ServiceContext, text: string): ReceiptsLoadView {
  const read = readReceiptsFile(text);
  if (!read.ok) throw new ServiceError('receipts-file-invalid', `回执汇总文件未载入：${read.reason}`, 'text');
  const known = new KnownReceipts(ctx.ledger.database);
  const at = ctx.clock().toISOString();
  const added = ctx.ledger.database.transaction(() =>
    read.receipts.reduce((n, r) => n + (known.add(r.signed, r.receipt, read.issuer.keyId, at) ? 1 : 0), 0),
  )();
  const books = new Set(ctx.ledger.listBooks().map((b) => b.bookId));
  const verdicts = read.receipts
    .filter((r) => books.has(r.receipt.bookId))
    .map((r) => {
      const v = verdictInLedger(ctx.ledger, r.receipt.bookId, r.receipt);
      return { bookId: r.receipt.bookId, orgName: r.receipt.orgName, state: v.state, text: describeVerdict(v) };
    });
  return { loaded: read.receipts.length, added, signerKeyId: read.issuer.keyId, verdicts };
}
