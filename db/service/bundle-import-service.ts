/**
 * The liaison's import in the service (db/bundle/liaison-import.ts does the work). A bundle
 * reaches the service only as an `upload` token: a file the composition root streamed into
 * `<data>/incoming/` under a name of its own (`stageUpload` for in-process callers, the
 * host's upload route, the desktop's open dialog). The page never names a path.
 */
import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import {
  ServiceError,
  UPLOAD_TOKEN,
  type BundleAlarmView,
  type BundleImportView,
  type BundleInspectView,
  type CheckpointSideView,
} from '../contract';
import { BundleZipError } from '../bundle/bundle-reader';
import { describeForLiaison, importForLiaison, type LiaisonResult } from '../bundle/liaison-import';
import { PinStore, type StoredBundleAlarm } from '../bundle/pin-store';
import { stagingName } from '../bundle/staging';
import { BundleError } from '../bundle/errors';
import { LedgerError, type KeyStore, type SignedCheckpoint } from '../ledger';
import { knownReceiptsOf, receiptSide } from './receipts-service';
import type { ServiceContext } from './service-context';

export const INCOMING_DIR = 'incoming';
export const EVIDENCE_DIR = 'evidence';

const KIND_LABEL: Record<StoredBundleAlarm['kind'], string> = {
  rollback: '回滚警报',
  fork: '分叉警报',
  'key-change': '密钥警报',
  'checked-history': '已查历史被改写警报',
};

export function incomingDir(dataDir: string): string {
  return path.join(dataDir, INCOMING_DIR);
}

/** The file of an upload token, or `upload-missing`. */
export function uploadPath(dataDir: string, upload: string): string {
  if (!UPLOAD_TOKEN.test(upload)) throw new ServiceError('invalid-input', '上传的数据包编号无效。', 'upload');
  const file = path.join(incomingDir(dataDir), upload);
  if (!fs.existsSync(file))
    throw new ServiceError('upload-missing', '找不到上传的数据包（可能已导入或已丢弃），请重新选择文件。');
  return file;
}

/**
 * Streams a bundle into `incoming/` under a fresh name (never the source's), written to a
 * `.partial` name and renamed when complete; returns the token. `maxBytes` bounds it.
 */
export async function stageUpload(
  dataDir: string,
  source: NodeJS.ReadableStream | string,
  maxBytes: number,
  onProgress?: (bytes: number) => void,
): Promise<string> {
  const dir = incomingDir(dataDir);
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const token = stagingName();
  const partial = path.join(dir, `${token}.partial`);
  let bytes = 0;
  const input = typeof source === 'string' ? fs.createReadStream(source) : source;
  try {
    await pipeline(
      input as AsyncIterable<Buffer | string> & NodeJS.ReadableStream,
      async function* (chunks: AsyncIterable<Buffer | string>) {
        for await (const piece of chunks) {
          const chunk = typeof piece === 'string' ? Buffer.from(piece) : piece;
          bytes += chunk.length;
          if (bytes > maxBytes)
            throw new ServiceError(
              'upload-too-large',
              `数据包超过 ${Math.round(maxBytes / 1024 / 1024)} MB 的上限，未接收。`,
            );
          onProgress?.(bytes);
          yield chunk;
        }
      },
      fs.createWriteStream(partial, { flags: 'wx', mode: 0o600 }),
    );
    fs.renameSync(partial, path.join(dir, token));
  } catch (error) {
    fs.rmSync(partial, { force: true });
    if (error instanceof ServiceError) throw error;
    throw new ServiceError('upload-failed', '数据包未能接收完整（传输中断或磁盘空间不足），请重试。');
  }
  return token;
}

function side(signed: SignedCheckpoint): CheckpointSideView {
  const cp = signed.checkpoint;
  return { size: cp.size, root: cp.root, time: cp.time, keyId: cp.keyId, signature: signed.signature };
}

export function alarmView(a: StoredBundleAlarm): BundleAlarmView {
  return {
    id: a.id,
    bookId: a.bookId,
    kind: a.kind,
    kindLabel: KIND_LABEL[a.kind],
    at: a.at,
    message: a.message,
    // A receipt alarm sets the liaison's signed receipt against what the bundle carries.
    pinned: a.kind === 'checked-history' ? receiptSide(a.receipt ?? null) : side(a.pinned!),
    found: a.found ? side(a.found) : null,
    bundleSha256: a.bundleSha256,
    evidenceFile: a.evidenceFile,
  };
}

/** Errors of the bundle and ledger layers as the service's (stable code, Chinese message). */
function rethrow(error: unknown): never {
  if (error instanceof BundleZipError)
    throw new ServiceError('bundle-invalid', `这个文件不能作为数据包安全读取：${error.message}`);
  if (error instanceof LedgerError || error instanceof BundleError) throw new ServiceError(error.code, error.message);
  throw error;
}

export async function inspectUpload(ctx: ServiceContext, upload: string): Promise<BundleInspectView> {
  const file = uploadPath(ctx.dataDir, upload);
  const pins = new PinStore(ctx.ledger.database);
  const { claims, pinned, local } = await describeForLiaison(ctx.ledger, pins, file).catch(rethrow);
  return {
    upload,
    verified: false,
    bookId: claims.bookId,
    name: claims.name,
    orgName: claims.orgName,
    size: claims.size,
    root: claims.root,
    keyId: claims.keyId,
    checkpointTime: claims.checkpointTime,
    baggingDate: claims.baggingDate,
    attachments: claims.attachments,
    bytes: claims.bytes,
    pinned,
    localBook: local && pinned === null,
  };
}

function viewOf(result: LiaisonResult): BundleImportView {
  const report = result.report;
  const failedChecks = report ? report.checks.filter((c) => !c.ok && !c.skipped).map((c) => c.message) : [];
  const base = {
    bookId: report?.bookId ?? null,
    size: report?.size ?? null,
    previousSize: null,
    failedChecks,
    alarms: [],
    receipts: (result.receipts ?? []).map(({ state, text, source }) => ({ state, text, source })),
  };
  switch (result.outcome) {
    case 'imported':
      return {
        ...base,
        outcome: 'imported',
        size: result.book.size,
        message: `已核验并导入记录本（${result.book.size} 条），并固定了它的密钥与树根。导入的记录本只读。`,
      };
    case 'extended':
      return {
        ...base,
        outcome: 'extended',
        size: result.book.size,
        previousSize: result.previousSize,
        message: `已核验：数据包是上次导入的延续，新增 ${result.book.size - (result.previousSize ?? 0)} 条（${result.previousSize ?? 0} → ${result.book.size} 条）。`,
      };
    case 'unchanged':
      return {
        ...base,
        outcome: 'unchanged',
        size: result.book.size,
        previousSize: result.previousSize,
        message: `已核验：与本机已导入的完全相同（${result.book.size} 条），没有任何改动。`,
      };
    case 'needs-fingerprint':
      return {
        ...base,
        outcome: 'needs-fingerprint',
        genesisKeyId: result.genesisKeyId,
        currentKeyId: result.currentKeyId,
        message: '首次导入这本记录本：请与纸质备案核对密钥指纹，确认后再导入。',
      };
    case 'alarm':
      return {
        ...base,
        outcome: 'alarm',
        alarms: result.alarms.map(alarmView),
        message: result.alarms.every((a) => a.kind === 'checked-history')
          ? '已查历史被改写警报：联络员签字确认过的记录与数据包不符（抽查回执不匹配）。数据包没有导入，已作为证据保存（回执、数据包的检查点与数据包副本）。请与记录人和上级联系核实。'
          : `${[...new Set(result.alarms.map((a) => KIND_LABEL[a.kind]))].join('、')}：数据包没有导入，已作为证据保存（两份已签名的检查点与数据包副本）。请与记录人和上级联系核实。`,
      };
    case 'refused':
      return { ...base, outcome: 'refused', message: result.message };
  }
}

export async function importUpload(
  ctx: ServiceContext,
  upload: string,
  fingerprint: string | undefined,
  /** The key store, to check the bundle against the receipts this folder's own liaison issued. */
  keys?: Pick<KeyStore, 'load'>,
): Promise<BundleImportView> {
  const file = uploadPath(ctx.dataDir, upload);
  const pins = new PinStore(ctx.ledger.database);
  const result = await importForLiaison(ctx.ledger, pins, file, {
    evidenceDir: path.join(ctx.dataDir, EVIDENCE_DIR),
    now: () => ctx.clock(),
    ...(fingerprint !== undefined ? { acceptFingerprint: fingerprint } : {}),
    knownReceipts: (bookId) => knownReceiptsOf(ctx, bookId, keys),
  }).catch(rethrow);
  // Done with the upload once it was imported, found identical, or kept as evidence.
  if (
    result.outcome === 'imported' ||
    result.outcome === 'extended' ||
    result.outcome === 'unchanged' ||
    result.outcome === 'alarm'
  ) {
    fs.rmSync(file, { force: true });
  }
  return viewOf(result);
}

export function discardUpload(ctx: ServiceContext, upload: string): { discarded: boolean } {
  if (!UPLOAD_TOKEN.test(upload)) throw new ServiceError('invalid-input', '上传的数据包编号无效。', 'upload');
  const file = path.join(incomingDir(ctx.dataDir), upload);
  const existed = fs.existsSync(file);
  fs.rmSync(file, { force: true });
  return { discarded: existed };
}

export function listBundleAlarms(ctx: ServiceContext, bookId: string | undefined): BundleAlarmView[] {
  return new PinStore(ctx.ledger.database).alarms(bookId).map(alarmView);
}
