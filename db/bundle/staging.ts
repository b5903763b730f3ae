import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { serializeSignedCheckpoint } from '../ledger/checkpoint';
import { isHex64 } from '../ledger/hashing';
import { importRefused, type StagedEntry, type VerifiedBook } from '../ledger/import-book';
import { MAX_LINE_BYTES } from './bundle-limits';
import { readFileSync } from './bundle-file-sync';
import { BundleZip, BundleZipError, type BundleFile } from './bundle-reader';
import { BundleError } from './errors';
import type { CheckedEntry } from './entries-stream';
import type { BundleReport } from './verify-bundle';

/**
 * The async half of an import. While `verifyBundle` reads the bundle, an EntriesStage keeps
 * each line that passed its checks in a staging folder of our own (`onEntry`: the name is
 * ours, `entries.jsonl`, never a zip entry name), with the envelope the verify parsed from it
 * (every field but the body, so the import need not parse the line again: import-book.ts,
 * StagedEntry), so entries.jsonl is inflated and parsed once for the whole import. Once the report is ok, `finish` opens the zip again (every central-directory
 * check again) for the attachments, and the import itself (Ledger.importBook) reads the
 * staged entries synchronously inside one short transaction, so no write of the app ever
 * waits on an await. Attachments are not copied: the import asks for each one it lacks, and
 * it is read then from the zip itself, synchronously (bundle-file-sync.ts: the data offset
 * its checked local header gave, inflated with its declared size as the limit, size and
 * CRC-32 checked). Memory does not grow with the bundle: lines are written out in 1 MB
 * batches, an attachment is held only while it is written.
 *
 * The zip may have changed since it was verified (another process, a swapped USB stick): the
 * checkpoint in it must still be the verified one byte for byte, and the import re-checks
 * every entry, the root and every attachment's hash against it, so what is imported is
 * exactly what was verified, or nothing (the canonical JSON check of each line is the one
 * thing not repeated: with the verified root the bytes are those verified, see VerifiedBook).
 * The staged lines are ours: a line is staged only after it passed, and the stage only counts
 * when every line did (the report is ok and the stage holds exactly its size).
 */

export interface StagedBook extends VerifiedBook {
  /** Removes the staging folder and closes the zip (always call it, also after a failure). */
  remove(): void;
}

const CHUNK = 1 << 20;

/**
 * A staged line is `envelope JSON` TAB `canonical bytes` LF: neither part can hold a raw TAB
 * or LF (JSON escapes them), so the first TAB splits it.
 */
const TAB = 0x09;
/** The longest staged line: an entry line and its envelope (a few KB at most). */
const MAX_STAGED_LINE = MAX_LINE_BYTES + (1 << 20);

function stagedEntry(line: Buffer, changed: () => Error): StagedEntry {
  const tab = line.indexOf(TAB);
  if (tab < 0) throw changed();
  let envelope: unknown;
  try {
    envelope = JSON.parse(line.toString('utf8', 0, tab));
  } catch {
    throw changed();
  }
  return { envelope, bytes: line.subarray(tab + 1) };
}

/** Entries of a staged file, read synchronously in chunks; a last line without LF is refused. */
function* stagedLines(file: string, changed: () => Error): Generator<StagedEntry> {
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
          if (pendingBytes + (n - at) > MAX_STAGED_LINE) throw changed();
          pending.push(Buffer.from(chunk.subarray(at)));
          pendingBytes += n - at;
          break;
        }
        const piece = Buffer.from(chunk.subarray(at, lf));
        yield stagedEntry(pending.length === 0 ? piece : Buffer.concat([...pending, piece]), changed);
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

/** writeSync until every byte is written (it may write fewer). */
function writeAll(fd: number, bytes: Buffer): void {
  for (let at = 0; at < bytes.length;) at += fs.writeSync(fd, bytes, at, bytes.length - at);
}

/** Every field of a checked line but its body: what the import writes in the row's columns. */
function envelopeOf(value: Record<string, unknown>): string {
  const { attachments, author, book, flags, kind, prev, recordedAt, seq, v } = value;
  return JSON.stringify({ attachments, author, book, flags, kind, prev, recordedAt, seq, v });
}

/**
 * A staging folder filled during the verify (pass `onEntry` to verifyBundle), then finished
 * into a StagedBook. `remove()` in every case (it is idempotent): it removes the folder, and
 * the staging root too if this stage made it and it is empty, so a refused bundle leaves the
 * data folder as it was.
 */
export class EntriesStage {
  private readonly dir: string;
  private readonly file: string;
  private readonly madeRoot: boolean;
  private fd: number | null;
  private readonly batch = Buffer.allocUnsafe(CHUNK);
  private used = 0;
  private lines = 0;
  private zipFd: number | null = null;
  private removed = false;

  constructor(private readonly stagingRoot: string) {
    this.madeRoot = !fs.existsSync(stagingRoot);
    fs.mkdirSync(stagingRoot, { recursive: true, mode: 0o700 });
    this.dir = fs.mkdtempSync(path.join(stagingRoot, 'import-'));
    this.file = path.join(this.dir, 'entries.jsonl');
    this.fd = fs.openSync(this.file, 'wx', 0o600);
  }

  /** verifyBundle's `onEntry`: the line and its envelope are copied out before the next is read. */
  readonly onEntry = (entry: CheckedEntry): void => {
    if (this.fd === null) return;
    if (entry.seq !== this.lines + 1) throw new Error(`staging: line ${entry.seq} after ${this.lines}`);
    this.lines++;
    const head = `${envelopeOf(entry.value)}\t`;
    const size = Buffer.byteLength(head) + entry.line.length + 1;
    if (this.used + size > CHUNK) this.flush();
    if (size > CHUNK) {
      writeAll(this.fd, Buffer.concat([Buffer.from(head), entry.line, Buffer.from('\n')]));
      return;
    }
    this.used += this.batch.write(head, this.used);
    this.used += entry.line.copy(this.batch, this.used);
    this.batch[this.used++] = 0x0a;
  };

  private flush(): void {
    if (this.fd === null || this.used === 0) return;
    writeAll(this.fd, this.batch.subarray(0, this.used));
    this.used = 0;
  }

  /**
   * The staged book of a verify that passed (the stage saw every line of it), with the zip
   * open for the attachments the import asks for. Refused if the zip changed.
   */
  async finish(bundlePath: string, report: BundleReport): Promise<StagedBook> {
    if (!report.ok || report.bookId === null || report.checkpoint === null || this.fd === null) {
      throw new BundleError('bundle-invalid', '数据包未通过核验，不能导入。');
    }
    if (this.lines !== report.checkpoint.checkpoint.size)
      throw new Error(`staging: ${this.lines} lines staged, the report verified ${report.checkpoint.checkpoint.size}`);
    const bookId = report.bookId;
    const verified = report.checkpoint;
    const changed = () => new BundleError('bundle-invalid', '数据包在核验之后被改动过，不能导入。请重新核验。');
    // Inside the ledger's import (its transaction): a refusal the ledger passes on as it is.
    const changedNow = () => importRefused('数据包在核验之后被改动过，请重新核验后再导入。');
    this.flush();
    fs.closeSync(this.fd);
    this.fd = null;
    const attachments = new Map<string, BundleFile>();
    let bagName = '';
    const zip = await BundleZip.open(bundlePath);
    try {
      if (zip.folderBookId !== bookId) throw changed();
      const text = (await zip.readAll(zip.files.get('data/checkpoint.json')!)).toString('utf8');
      if (text !== serializeSignedCheckpoint(verified)) throw changed();
      bagName = zip.bagName;
      for (const file of zip.files.values()) {
        if (file.kind === 'attachment' && isHex64(file.hash)) attachments.set(file.hash, file);
      }
      // Its own descriptor: a zip renamed over later is not seen; one changed in place fails the size, CRC or SHA-256.
      if (attachments.size > 0 && !this.removed) this.zipFd = fs.openSync(bundlePath, 'r');
    } finally {
      zip.close();
    }
    const file = this.file;
    return {
      bookId,
      checkpoint: verified,
      // verifyBundle checked every line canonical and their root = this checkpoint's (report.ok).
      ...(report.root !== null ? { verifiedRoot: report.root } : {}),
      entries: { [Symbol.iterator]: () => stagedLines(file, changedNow) },
      attachment: (hash) => {
        const entry = isHex64(hash) ? attachments.get(hash) : undefined;
        if (!entry || this.zipFd === null) return null;
        try {
          return readFileSync(this.zipFd, bagName, entry);
        } catch (error) {
          throw error instanceof BundleZipError ? changedNow() : error;
        }
      },
      remove: () => this.remove(),
    };
  }

  remove(): void {
    this.removed = true;
    if (this.fd !== null) fs.closeSync(this.fd);
    if (this.zipFd !== null) fs.closeSync(this.zipFd);
    this.fd = null;
    this.zipFd = null;
    fs.rmSync(this.dir, { recursive: true, force: true });
    if (this.madeRoot && fs.existsSync(this.stagingRoot) && fs.readdirSync(this.stagingRoot).length === 0)
      fs.rmdirSync(this.stagingRoot);
  }
}

/** A fresh name for a file the composition root streams a bundle into (host upload, CLI). */
export function stagingName(): string {
  return `bundle-${crypto.randomBytes(12).toString('hex')}.zip`;
}
