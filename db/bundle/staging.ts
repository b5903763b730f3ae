import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { serializeSignedCheckpoint } from '../ledger/checkpoint';
import { isHex64 } from '../ledger/hashing';
import { importRefused, type VerifiedBook } from '../ledger/import-book';
import { MAX_LINE_BYTES } from './bundle-limits';
import { readFileSync } from './bundle-file-sync';
import { BundleZip, BundleZipError, type BundleFile } from './bundle-reader';
import { BundleError } from './errors';
import type { BundleReport } from './verify-bundle';

/**
 * The async half of an import: a bundle that passed `verifyBundle` is opened through the
 * bundle reader once more (every central-directory check again) and its entries are
 * inflated into a staging folder of our own (the name is ours, `entries.jsonl`, never a zip
 * entry name). The import itself (Ledger.importBook) then reads the staged entries
 * synchronously inside one short transaction, so no write of the app ever waits on an
 * await. Attachments are not copied: the import asks for each one it lacks, and it is read
 * then from the zip itself, synchronously (bundle-file-sync.ts: the data offset its checked
 * local header gave, inflated with its declared size as the limit, size and CRC-32 checked).
 * Memory does not grow with the bundle: entries are copied in chunks, an attachment is held
 * only while it is written.
 *
 * The zip may have changed since it was verified (another process, a swapped USB stick): the
 * checkpoint in it must still be the verified one byte for byte, and the import re-checks
 * every entry, the root and every attachment's hash against it, so what is imported is
 * exactly what was verified, or nothing (the canonical JSON check of each line is the one
 * thing not repeated: with the verified root the bytes are those verified, see VerifiedBook).
 */

export interface StagedBook extends VerifiedBook {
  /** Removes the staging folder and closes the zip (always call it, also after a failure). */
  remove(): void;
}

const CHUNK = 1 << 20;

/** Lines of a staged file, read synchronously in chunks; a last line without LF is refused. */
function* stagedLines(file: string, changed: () => Error): Generator<Buffer> {
  const fd = fs.openSync(file, 'r');
  try {
    const buffer = Buffer.allocUnsafe(CHUNK);
    let pending: Buffer[] = [];
    let pendingBytes = 0;
    for (;;) {
      const n = fs.readSync(fd, buffer, 0, CHUNK, null);
      if (n === 0) break;
      const chunk = buffer.subarray(0, n);
      let at = 0;
      for (;;) {
        const lf = chunk.indexOf(0x0a, at);
        if (lf < 0) {
          if (pendingBytes + (n - at) > MAX_LINE_BYTES) throw changed();
          pending.push(Buffer.from(chunk.subarray(at)));
          pendingBytes += n - at;
          break;
        }
        const piece = Buffer.from(chunk.subarray(at, lf));
        yield pending.length === 0 ? piece : Buffer.concat([...pending, piece]);
        pending = [];
        pendingBytes = 0;
        at = lf + 1;
      }
    }
    if (pendingBytes > 0) throw changed();
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Stages the verified bundle's entries in a new folder under `stagingRoot` and keeps the
 * zip open for the attachments `need` asks for (default: all). On failure the folder is
 * removed and the error thrown; `remove()` also closes the zip.
 */
export async function stageVerifiedBundle(
  bundlePath: string,
  report: BundleReport,
  stagingRoot: string,
  need: (hash: string) => boolean = () => true,
): Promise<StagedBook> {
  if (!report.ok || report.bookId === null || report.checkpoint === null) {
    throw new BundleError('bundle-invalid', '数据包未通过核验，不能导入。');
  }
  const bookId = report.bookId;
  const verified = report.checkpoint;
  const changed = () => new BundleError('bundle-invalid', '数据包在核验之后被改动过，不能导入。请重新核验。');
  // Inside the ledger's import (its transaction): a refusal the ledger passes on as it is.
  const changedNow = () => importRefused('数据包在核验之后被改动过，请重新核验后再导入。');
  fs.mkdirSync(stagingRoot, { recursive: true, mode: 0o700 });
  const dir = fs.mkdtempSync(path.join(stagingRoot, 'import-'));
  const attachments = new Map<string, BundleFile>();
  let fd: number | null = null;
  let bagName = '';
  const remove = () => {
    if (fd !== null) fs.closeSync(fd);
    fd = null;
    fs.rmSync(dir, { recursive: true, force: true });
  };
  try {
    const zip = await BundleZip.open(bundlePath);
    try {
      if (zip.folderBookId !== bookId) throw changed();
      const text = (await zip.readAll(zip.files.get('data/checkpoint.json')!)).toString('utf8');
      if (text !== serializeSignedCheckpoint(verified)) throw changed();
      bagName = zip.bagName;
      for (const file of zip.files.values()) {
        if (file.kind === 'attachment' && isHex64(file.hash) && need(file.hash)) attachments.set(file.hash, file);
      }
      // Its own descriptor: a zip renamed over later is not seen; one changed in place fails the size, CRC or SHA-256.
      if (attachments.size > 0) fd = fs.openSync(bundlePath, 'r');
      await copyOut(zip, 'data/entries.jsonl', path.join(dir, 'entries.jsonl'));
    } finally {
      zip.close();
    }
  } catch (error) {
    remove();
    throw error;
  }
  return {
    bookId,
    checkpoint: verified,
    // verifyBundle checked every line canonical and their root = this checkpoint's (report.ok).
    ...(report.root !== null ? { verifiedRoot: report.root } : {}),
    entries: { [Symbol.iterator]: () => stagedLines(path.join(dir, 'entries.jsonl'), changedNow) },
    attachment: (hash) => {
      const file = isHex64(hash) ? attachments.get(hash) : undefined;
      if (!file || fd === null) return null;
      try {
        return readFileSync(fd, bagName, file);
      } catch (error) {
        throw error instanceof BundleZipError ? changedNow() : error;
      }
    },
    remove,
  };
}

async function copyOut(zip: BundleZip, relative: string, target: string): Promise<void> {
  const file = zip.files.get(relative);
  if (!file) throw new BundleError('bundle-invalid', '数据包在核验之后被改动过，不能导入。请重新核验。');
  const fd = fs.openSync(target, 'wx', 0o600);
  try {
    for await (const chunk of zip.chunks(file)) fs.writeSync(fd, chunk);
  } finally {
    fs.closeSync(fd);
  }
}

/** A fresh name for a file the composition root streams a bundle into (host upload, CLI). */
export function stagingName(): string {
  return `bundle-${crypto.randomBytes(12).toString('hex')}.zip`;
}
