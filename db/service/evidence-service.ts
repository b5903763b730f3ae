/**
 * The evidence of an alarm (issue 10, item 7): `evidence.get` sets both signed checkpoints
 * side by side with the entries where the kept bundle leaves what this computer verified
 * before; `evidence.export` packs it all (db/liaison/evidence.ts) for the supervising office.
 *
 * The kept bundle is a refused bundle: it is read as a stranger's file (the bundle reader's
 * zip checks, bounded lines, safe JSON), and only to list what it says.
 */
import fs from 'node:fs';
import path from 'node:path';
import { ServiceError, type EvidenceEntryView, type EvidenceFileView, type EvidenceView } from '../contract';
import { BundleZip } from '../bundle/bundle-reader';
import { MAX_LINE_BYTES } from '../bundle/bundle-limits';
import { PinStore, type StoredBundleAlarm } from '../bundle/pin-store';
import { decodeUtf8, parseSafeJson } from '../bundle/safe-json';
import { allowedSignersLine } from '../bundle/sshsig';
import { serializeSignedCheckpoint } from '../ledger/checkpoint';
import { leafHash } from '../ledger/merkle';
import type { SealedEntry } from '../ledger/types';
import { buildEvidencePackage, type EvidenceEntry } from '../liaison/evidence';
import { RECEIPT_NAMESPACE } from '../liaison/receipt';
import { alarmView, EVIDENCE_DIR } from './bundle-import-service';
import { receiptSide } from './receipts-service';
import { labelKind } from './kinds';
import { summarize } from './summarize';
import type { ServiceContext } from './service-context';

/** Entries listed per side from the first difference on. */
export const MAX_DIVERGING = 100;
/** A kept bundle larger than this stays in `evidence/` and is named in the README instead. */
export const MAX_BUNDLE_IN_PACKAGE = 64 * 1024 * 1024;
const WINDOW = 1_000;

interface Divergence {
  firstSeq: number;
  pinned: EvidenceEntry[];
  found: EvidenceEntry[];
}

function alarmOf(ctx: ServiceContext, alarmId: number): StoredBundleAlarm {
  const alarm = new PinStore(ctx.ledger.database).alarms().find((a) => a.id === alarmId);
  if (!alarm) throw new ServiceError('not-found', `找不到编号为 ${alarmId} 的警报。`, 'alarmId');
  return alarm;
}

function evidenceFilePath(ctx: ServiceContext, alarm: StoredBundleAlarm): string | null {
  const name = alarm.evidenceFile;
  if (name === null || !/^[A-Za-z0-9._-]{1,200}\.zip$/u.test(name)) return null;
  const file = path.join(ctx.dataDir, EVIDENCE_DIR, name);
  return fs.existsSync(file) ? file : null;
}

function entryOf(seq: number, kind: string, recordedAt: string, body: unknown, line: string, hash: string) {
  let title = labelKind(kind);
  try {
    title = summarize({ seq, kind, recordedAt, body }, (id) => id).title;
  } catch {
    // A body of an unexpected shape (the refused bundle may say anything): the kind's label.
  }
  return { seq, kindLabel: labelKind(kind), title, hash, line };
}

/** The local copy's hashes, window by window (null: this folder has no copy of the book). */
function localWindow(ctx: ServiceContext, bookId: string) {
  if (!ctx.ledger.listBooks().some((b) => b.bookId === bookId)) return null;
  const size = ctx.ledger.getBook(bookId).size;
  let cache = new Map<number, SealedEntry>();
  return {
    size,
    get(seq: number) {
      if (seq > size) return null;
      if (!cache.has(seq)) {
        const list = ctx.ledger.listEntries(bookId, { fromSeq: seq, toSeq: Math.min(size, seq + WINDOW - 1) });
        cache = new Map(list.map((e) => [e.seq, e]));
      }
      return cache.get(seq) ?? null;
    },
  };
}

async function divergenceOf(ctx: ServiceContext, alarm: StoredBundleAlarm): Promise<Divergence | null> {
  const local = localWindow(ctx, alarm.bookId);
  const file = evidenceFilePath(ctx, alarm);
  if (!local || !file) return null;
  const pinnedSize = Math.min(local.size, alarm.pinned?.checkpoint.size ?? local.size);
  const found: EvidenceEntry[] = [];
  let firstSeq = 0;
  let seq = 0;
  try {
    const zip = await BundleZip.open(file);
    try {
      const entries = zip.files.get('data/entries.jsonl');
      if (!entries) return null;
      for await (const { line } of zip.lines(entries, MAX_LINE_BYTES)) {
        seq++;
        const hash = leafHash(line).toString('hex');
        if (firstSeq === 0 && local.get(seq)?.hash !== hash) firstSeq = seq;
        if (firstSeq === 0) continue;
        const text = decodeUtf8(line) ?? '';
        const parsed = parseSafeJson(text, { maxLength: MAX_LINE_BYTES });
        const v = (parsed.ok ? parsed.value : {}) as { kind?: unknown; recordedAt?: unknown; body?: unknown };
        found.push(
          entryOf(
            seq,
            typeof v.kind === 'string' ? v.kind : '?',
            typeof v.recordedAt === 'string' ? v.recordedAt : '',
            v.body,
            text.slice(0, 20_000),
            hash,
          ),
        );
        if (found.length >= MAX_DIVERGING) break;
      }
    } finally {
      zip.close();
    }
  } catch {
    return null;
  }
  if (firstSeq === 0) {
    if (seq >= pinnedSize) return null;
    firstSeq = seq + 1;
  }
  const pinned: EvidenceEntry[] = [];
  for (let s = firstSeq; s <= pinnedSize && pinned.length < MAX_DIVERGING; s++) {
    const e = local.get(s)!;
    const line = ctx.ledger.rawEntry(alarm.bookId, s).toString('utf8');
    pinned.push(entryOf(s, e.kind, e.recordedAt, e.body, line, e.hash));
  }
  return { firstSeq, pinned, found };
}

const view = ({ seq, kindLabel, title, hash }: EvidenceEntry): EvidenceEntryView => ({ seq, kindLabel, title, hash });

export async function evidenceOf(ctx: ServiceContext, alarmId: number): Promise<EvidenceView> {
  const alarm = alarmOf(ctx, alarmId);
  const d = await divergenceOf(ctx, alarm);
  return {
    alarm: alarmView(alarm),
    divergence: d ? { firstSeq: d.firstSeq, pinned: d.pinned.map(view), found: d.found.map(view) } : null,
  };
}

export async function evidencePackage(ctx: ServiceContext, alarmId: number): Promise<EvidenceFileView> {
  const alarm = alarmOf(ctx, alarmId);
  const divergence = await divergenceOf(ctx, alarm);
  const file = evidenceFilePath(ctx, alarm);
  const size = file ? fs.statSync(file).size : 0;
  const receiptJson = alarm.kind === 'checked-history' ? (alarm.receipt ?? null) : null;
  let receipt: { receipt: string; signature: string; allowedSigners: string } | null = null;
  if (receiptJson) {
    const side = receiptSide(receiptJson);
    const signed = JSON.parse(receiptJson) as { receipt: string; signature: string };
    const key = (JSON.parse(signed.receipt) as { liaison?: { publicKey?: string } }).liaison?.publicKey;
    if (side.keyId && key)
      receipt = { ...signed, allowedSigners: allowedSignersLine('liaison', key, RECEIPT_NAMESPACE) };
  }
  const zip = await buildEvidencePackage({
    alarm: {
      id: alarm.id,
      bookId: alarm.bookId,
      kind: alarm.kind,
      kindLabel: alarmView(alarm).kindLabel,
      at: alarm.at,
      message: alarm.message,
    },
    pinnedCheckpoint: alarm.pinned ? serializeSignedCheckpoint(alarm.pinned) : null,
    foundCheckpoint: alarm.found ? serializeSignedCheckpoint(alarm.found) : null,
    receipt,
    divergence,
    bundle: file && size <= MAX_BUNDLE_IN_PACKAGE ? { name: alarm.evidenceFile!, bytes: fs.readFileSync(file) } : null,
    bundleNote: !file
      ? '保存的数据包副本不在本机的 evidence 文件夹中 / the kept bundle copy is missing from evidence/'
      : size > MAX_BUNDLE_IN_PACKAGE
        ? `数据包副本较大，请另行复制数据文件夹 evidence/${alarm.evidenceFile} / copy evidence/${alarm.evidenceFile} separately (too large)`
        : null,
  });
  return {
    fileName: `证据包-${alarm.bookId.slice(0, 8)}-警报${alarm.id}.zip`,
    mediaType: 'application/zip',
    dataBase64: zip.toString('base64'),
    size: zip.length,
  };
}
