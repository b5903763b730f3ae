/**
 * Signed bundles in the app (issue 9): the page never names a file. The composition root
 * (the desktop's open dialog, the browser host's upload) streams the chosen bundle into the
 * data folder's `incoming/` under a name of its own and hands the page that name, an
 * `upload` token; the service accepts only such tokens.
 */
import { z } from 'zod';
import type { ReceiptCheckView } from './receipts';

/** Names made by db/bundle/staging.ts `stagingName()`. */
export const UPLOAD_TOKEN = /^bundle-[0-9a-f]{24}\.zip$/u;
export const uploadToken = z.string().regex(UPLOAD_TOKEN, { message: '上传的数据包编号无效' });
/** As typed from the paper 备案: `SHA256:` and 43 base64 characters, spaces allowed. */
export const fingerprintInput = z.string().max(120, { message: '密钥指纹过长' });

/** One signed checkpoint, as the alarm view shows it side by side with the other. */
export interface CheckpointSideView {
  size: number;
  root: string;
  /** ISO UTC time the checkpoint was signed. */
  time: string;
  keyId: string;
  signature: string;
}

export type BundleAlarmKind = 'rollback' | 'fork' | 'key-change' | 'checked-history';

export interface BundleAlarmView {
  id: number;
  bookId: string;
  kind: BundleAlarmKind;
  /** 回滚警报 / 分叉警报 / 密钥警报 */
  kindLabel: string;
  at: string;
  message: string;
  /**
   * What this computer verified and pinned before; for `checked-history` (已查历史被改写警报),
   * the liaison's signed receipt (size, root, checkedAt, the liaison's key and SSHSIG).
   */
  pinned: CheckpointSideView;
  /** What the refused bundle carries. */
  found: CheckpointSideView | null;
  bundleSha256: string;
  /** The copy kept in the data folder's `evidence/` (a name, never a path). */
  evidenceFile: string | null;
}

/** What a bundle SAYS it is (bag-info.txt, book.json, checkpoint.json), NOT verified: `logbook inspect` and the import dialog. */
export interface BundleClaimsView {
  verified: false;
  bookId: string;
  name: string | null;
  orgName: string | null;
  size: number | null;
  root: string | null;
  /** The key fingerprint the bundle names: compare it with the paper 备案. */
  keyId: string | null;
  checkpointTime: string | null;
  baggingDate: string | null;
  attachments: number;
  /** Inflated bytes of all files, as declared. */
  bytes: number;
}

/** An uploaded bundle's claims and what this computer knows of the book. */
export interface BundleInspectView extends BundleClaimsView {
  upload: string;
  /** The book as pinned by an earlier import here, or null (first import: the fingerprint must be confirmed). */
  pinned: { size: number; root: string; keyId: string } | null;
  /** A book of this id exists here without a pin (this computer's own, or restored): an import is refused unless identical. */
  localBook: boolean;
}

export type BundleImportOutcome = 'imported' | 'extended' | 'unchanged' | 'needs-fingerprint' | 'alarm' | 'refused';

export interface BundleImportView {
  outcome: BundleImportOutcome;
  /** One Chinese sentence: what happened and what to do. */
  message: string;
  bookId: string | null;
  size: number | null;
  previousSize: number | null;
  /** The checks that failed (Chinese / English), when the bundle did not verify. */
  failedChecks: string[];
  alarms: BundleAlarmView[];
  /** The bundle's genesis and current key, when the fingerprint must be confirmed. */
  genesisKeyId?: string;
  currentKeyId?: string;
  /** Every receipt carried by the bundle or known here, checked against it (issue 10). */
  receipts: ReceiptCheckView[];
}
