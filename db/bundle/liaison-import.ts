import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fsyncDirectory } from '../ledger/durable-file';
import { LedgerError } from '../ledger/errors';
import type { Ledger } from '../ledger/ledger-api';
import type { BookInfo } from '../ledger/types';
import {
  CarriedReceipts,
  checkBundleReceipts,
  mismatches,
  type KnownInput,
  type ReceiptCheck,
} from '../liaison/carried-receipts';
import { inspectBundle, type BundleClaims } from './inspect-bundle';
import type { PinStore, StoredBundleAlarm } from './pin-store';
import type { EntriesStage } from './staging';
import { importVerifiedBundle, stagingRootOf, verifyStaged } from './verified-book';
import { pinRecordOf, type BundleAlarm, type BundleReport } from './verify-bundle';

/**
 * The liaison's import (issue 9, item 4): a bundle into the liaison's own store, pinned.
 *
 * 1. The whole bundle is verified first (verify-bundle.ts), against the pin kept in this
 *    database (pin-store.ts): nothing is written before every check passed.
 * 2. First import of a book: its key fingerprint must be confirmed (or typed from the paper
 *    备案) — the genesis key or the current one; without it nothing is written.
 * 3. A later import must be a consistent extension of the pinned (size, root), signed along
 *    an unbroken key history from the pinned key. A shorter history, another root at the
 *    pinned size, or a key the pinned one never handed over to is an ALARM: kept as
 *    evidence (both signed checkpoints, the bundle's SHA-256, a copy of the bundle in
 *    `evidence/`) and never merged. The same alarm bundle again adds nothing.
 * 4. The same size as pinned (it verified, so the same root): nothing changes at all.
 * 5. Otherwise the entries (staged while they were verified) are written by the ledger in ONE
 *    transaction with the advanced pin. Any failure leaves the store exactly as it was.
 */

export type LiaisonResult = (
  | {
      outcome: 'imported' | 'extended' | 'unchanged';
      report: BundleReport;
      book: BookInfo;
      previousSize: number | null;
    }
  | { outcome: 'needs-fingerprint'; report: BundleReport; genesisKeyId: string; currentKeyId: string }
  | { outcome: 'alarm'; report: BundleReport; alarms: StoredBundleAlarm[] }
  | { outcome: 'refused'; report: BundleReport | null; code: string; message: string }
) & {
  /** Every receipt carried by the bundle or known here, checked against it (once the bundle verified). */
  receipts?: ReceiptCheck[];
};

export interface LiaisonImportOptions {
  /** The fingerprint the liaison confirmed or typed (`SHA256:…`); needed for a first import only. */
  acceptFingerprint?: string;
  /** Where copies of alarm bundles are kept (the data folder's `evidence/`). */
  evidenceDir: string;
  stagingRoot?: string;
  now?: () => Date;
  onProgress?: (done: number, total: number) => void;
  /** Receipts this data folder knows of the book (loaded receipts files, its own liaison's), checked with the carried ones. */
  knownReceipts?: (bookId: string) => KnownInput[];
}

/** `SHA256:abc…` as typed: spaces and line breaks dropped, the prefix optional in any case. */
export function normalizeFingerprint(typed: string): string {
  const compact = typed.replace(/\s+/gu, '');
  return /^sha256:/iu.test(compact) ? `SHA256:${compact.slice(7)}` : `SHA256:${compact}`;
}

async function fileSha256(file: string): Promise<string> {
  const hash = crypto.createHash('sha256');
  for await (const chunk of fs.createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

const ALARM_TEXT: Record<BundleAlarm['kind'], string> = {
  rollback: '回滚警报：数据包的记录少于本机上次导入时核验过的（旧的数据包，或记录被删减）',
  fork: '分叉警报：数据包的历史与本机上次导入时核验过的不同（历史被改写）',
  'key-change': '密钥警报：数据包的签名密钥不是本机固定的密钥，也没有由它签署的移交',
};

/** Copies the bundle into `evidence/` under a name of its own; returns that name. */
function copyEvidence(bundlePath: string, bookId: string, sha: string, at: string, evidenceDir: string): string {
  fs.mkdirSync(evidenceDir, { recursive: true, mode: 0o700 });
  const name = `${at.replace(/[:.]/gu, '-')}-${bookId}-${sha.slice(0, 12)}.zip`;
  fs.copyFileSync(bundlePath, path.join(evidenceDir, name), fs.constants.COPYFILE_EXCL);
  fsyncDirectory(evidenceDir);
  return name;
}

async function keepEvidence(
  pins: PinStore,
  bundlePath: string,
  report: BundleReport,
  options: LiaisonImportOptions,
): Promise<StoredBundleAlarm[]> {
  const bookId = report.bookId!;
  const sha = await fileSha256(bundlePath);
  const already = pins.alarms(bookId).filter((a) => a.bundleSha256 === sha);
  if (already.length > 0) return already;
  const at = (options.now ?? (() => new Date()))().toISOString();
  const name = copyEvidence(bundlePath, bookId, sha, at, options.evidenceDir);
  const failed = report.checks.find((c) => !c.ok && !c.skipped);
  const ids = report.alarms.map((alarm) =>
    pins.addAlarm({
      bookId,
      kind: alarm.kind,
      at,
      message: failed ? `${failed.message.split(' / ')[0]}。` : `${ALARM_TEXT[alarm.kind]}。`,
      pinned: alarm.pinned.checkpoint!,
      found: alarm.found.checkpoint ?? null,
      bundleSha256: sha,
      evidenceFile: name,
    }),
  );
  return pins.alarms(bookId).filter((a) => ids.includes(a.id));
}

/**
 * 已查历史被改写警报: the bundle verified on its own, but the history a liaison checked and
 * signed is not in it (rewritten, or shorter). Kept as evidence like a fork, never merged:
 * the receipt, the bundle's signed checkpoint, what this folder pinned (if anything) and a copy.
 */
async function keepReceiptEvidence(
  pins: PinStore,
  bundlePath: string,
  report: BundleReport,
  failed: ReceiptCheck[],
  options: LiaisonImportOptions,
): Promise<StoredBundleAlarm[]> {
  const bookId = report.bookId!;
  const sha = await fileSha256(bundlePath);
  const already = pins.alarms(bookId).filter((a) => a.bundleSha256 === sha && a.kind === 'checked-history');
  if (already.length > 0) return already;
  const at = (options.now ?? (() => new Date()))().toISOString();
  const name = copyEvidence(bundlePath, bookId, sha, at, options.evidenceDir);
  const pin = pins.read(bookId);
  const ids = failed.map((check) =>
    pins.addAlarm({
      bookId,
      kind: 'checked-history',
      at,
      message: `已查历史被改写警报：${check.text}`,
      pinned: pin.state === 'present' ? pin.record.checkpoint : null,
      found: report.checkpoint,
      bundleSha256: sha,
      evidenceFile: name,
      receipt: JSON.stringify({ receipt: check.signed!.receipt, signature: check.signed!.signature }),
    }),
  );
  return pins.alarms(bookId).filter((a) => ids.includes(a.id));
}

function refusedBy(report: BundleReport): LiaisonResult {
  const failed = report.checks.find((c) => !c.ok && !c.skipped);
  return {
    outcome: 'refused',
    report,
    code: 'bundle-invalid',
    message: `数据包未通过核验，没有导入任何内容：${failed?.message ?? ''}`,
  };
}

export async function importForLiaison(
  ledger: Ledger,
  pins: PinStore,
  bundlePath: string,
  options: LiaisonImportOptions,
): Promise<LiaisonResult> {
  // One read of the bundle: the verify stages the entries and hands every line to the receipts scan.
  const seen = new CarriedReceipts();
  const { report, stage } = await verifyStaged(bundlePath, options.stagingRoot ?? stagingRootOf(ledger), {
    state: pins,
    onEntry: seen.onEntry,
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  });
  try {
    if (!report.ok) {
      const pinned = report.bookId ? pins.read(report.bookId) : null;
      if (report.alarms.length > 0 && pinned?.state === 'present')
        return { outcome: 'alarm', report, alarms: await keepEvidence(pins, bundlePath, report, options) };
      return refusedBy(report);
    }
    const bookId = report.bookId!;
    const receipts = checkBundleReceipts(seen, report, options.knownReceipts?.(bookId) ?? []);
    const failed = mismatches(receipts);
    if (failed.length > 0)
      return {
        outcome: 'alarm',
        report,
        alarms: await keepReceiptEvidence(pins, bundlePath, report, failed, options),
        receipts,
      };
    return { ...(await importChecked(ledger, pins, bundlePath, report, stage, options)), receipts };
  } finally {
    stage.remove();
  }
}

async function importChecked(
  ledger: Ledger,
  pins: PinStore,
  bundlePath: string,
  report: BundleReport,
  stage: EntriesStage,
  options: LiaisonImportOptions,
): Promise<LiaisonResult> {
  const bookId = report.bookId!;
  const cp = report.checkpoint!.checkpoint;
  const pin = pins.read(bookId);
  const local = ledger.listBooks().find((b) => b.bookId === bookId);
  if (pin.state !== 'present') {
    if (local) {
      if (local.size === cp.size && ledger.rootAt(bookId, local.size) === cp.root)
        return { outcome: 'unchanged', report, book: local, previousSize: local.size };
      return {
        outcome: 'refused',
        report,
        code: 'book-exists',
        message: `本机已有记录本 ${bookId}（本机自己的或恢复的），内容与数据包不同。不会覆盖或合并；请导入到另一个数据文件夹。`,
      };
    }
    const genesisKeyId = report.keys[0]!.keyId;
    const currentKeyId = report.keys[report.keys.length - 1]!.keyId;
    if (options.acceptFingerprint === undefined || options.acceptFingerprint.trim() === '')
      return { outcome: 'needs-fingerprint', report, genesisKeyId, currentKeyId };
    const typed = normalizeFingerprint(options.acceptFingerprint);
    if (typed !== genesisKeyId && typed !== currentKeyId) {
      return {
        outcome: 'refused',
        report,
        code: 'fingerprint-mismatch',
        message: `确认的密钥指纹 ${typed} 与数据包的密钥（建账 ${genesisKeyId}，当前 ${currentKeyId}）不符。请与纸质备案逐字核对；没有导入任何内容。`,
      };
    }
  } else if (!local) {
    return {
      outcome: 'refused',
      report,
      code: 'import-conflict',
      message: `本机保存了记录本 ${bookId} 的固定状态，却没有这本记录本的数据（数据库可能被改动过）。没有导入任何内容。`,
    };
  } else if (pin.record.size === cp.size) {
    // Verified as a consistent extension of the pin with the same size: the same root, nothing new.
    return { outcome: 'unchanged', report, book: local, previousSize: pin.record.size };
  }
  const previous = pin.state === 'present' ? pin.record : null;
  const record = pinRecordOf(report, (options.now ?? (() => new Date()))())!;
  const book = await importVerifiedBundle(ledger, bundlePath, report, stage, {
    extendFrom: previous?.size ?? 0,
    imported: true,
    inTransaction: () => {
      // The pin verified against must still be the one here (no other import in between).
      const now = pins.read(bookId);
      const same =
        previous === null
          ? now.state === 'missing'
          : now.state === 'present' && now.record.size === previous.size && now.record.root === previous.root;
      if (!same) throw new LedgerError('import-conflict', '本机的固定状态在核验之后发生了变化，请重新导入。');
      pins.write(record);
    },
  });
  return { outcome: previous ? 'extended' : 'imported', report, book, previousSize: previous?.size ?? null };
}

/** What the bundle says it is (NOT verified) and what this store knows of the book, for the confirm dialog. */
export async function describeForLiaison(
  ledger: Ledger,
  pins: PinStore,
  bundlePath: string,
): Promise<{ claims: BundleClaims; pinned: { size: number; root: string; keyId: string } | null; local: boolean }> {
  const claims = await inspectBundle(bundlePath);
  const pin = pins.read(claims.bookId);
  const local = ledger.listBooks().some((b) => b.bookId === claims.bookId);
  return {
    claims,
    pinned: pin.state === 'present' ? { size: pin.record.size, root: pin.record.root, keyId: pin.record.keyId } : null,
    local,
  };
}
