import crypto from 'node:crypto';
import fs from 'node:fs';

/**
 * The small part of BagIt 1.0 (RFC 8493) a bundle needs: the declaration, bag-info, and
 * SHA-256 manifests written in exactly the format `sha256sum -c` reads (`<hex>  <path>`, two
 * spaces, `/` separators, paths relative to the bag root), sorted by path bytes so the same
 * bag always has the same manifests. Our paths are ASCII without CR, LF or `%`, so none of
 * RFC 8493's percent-encoding is ever needed; anything else is refused rather than encoded.
 */

export const BAGIT_TXT = 'BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n';

export interface ManifestLine {
  /** Relative to the bag root, `/`-separated. */
  path: string;
  sha256: string;
}

const SAFE_PATH = /^[A-Za-z0-9._-]+(\/[A-Za-z0-9._-]+)*$/;

function checkPath(p: string): void {
  if (!SAFE_PATH.test(p) || p.split('/').some((s) => s === '.' || s === '..')) {
    throw new Error(`bag path not allowed: ${JSON.stringify(p)}`);
  }
}

/** Ordinal (byte) order, the same in every locale. */
function byPath(a: ManifestLine, b: ManifestLine): number {
  return a.path < b.path ? -1 : a.path > b.path ? 1 : 0;
}

export function manifestText(lines: readonly ManifestLine[]): string {
  const sorted = [...lines].sort(byPath);
  for (let i = 0; i < sorted.length; i++) {
    const line = sorted[i]!;
    checkPath(line.path);
    if (!/^[0-9a-f]{64}$/.test(line.sha256)) throw new Error(`not a SHA-256: ${line.sha256}`);
    if (i > 0 && sorted[i - 1]!.path === line.path) throw new Error(`listed twice: ${line.path}`);
  }
  return sorted.map((l) => `${l.sha256}  ${l.path}\n`).join('');
}

/** `Label: value` lines in the given order; a value never spans lines (CR/LF become spaces). */
export function bagInfoText(fields: readonly (readonly [string, string])[]): string {
  return fields
    .map(([label, value]) => {
      if (!/^[A-Za-z][A-Za-z0-9-]*$/.test(label)) throw new Error(`bag-info label not allowed: ${label}`);
      return `${label}: ${value.replace(/[\r\n]+/g, ' ').trim()}\n`;
    })
    .join('');
}

/** RFC 8493 §2.2.2: `<octet count>.<stream count>` of the payload. */
export function payloadOxum(bytes: number, files: number): string {
  return `${bytes}.${files}`;
}

export function sha256Hex(data: Uint8Array | string): string {
  return crypto.createHash('sha256').update(data).digest('hex');
}

/**
 * A file written in chunks and hashed as it is written, so a payload file of any size is
 * produced with bounded memory: `write` buffers up to `chunkBytes`, then writes and awaits.
 */
export class HashingFileWriter {
  private readonly hash = crypto.createHash('sha256');
  private readonly pending: Buffer[] = [];
  private pendingBytes = 0;
  private written = 0;

  private constructor(
    private readonly handle: fs.promises.FileHandle,
    private readonly chunkBytes: number,
  ) {}

  static async create(file: string, chunkBytes = 1 << 20): Promise<HashingFileWriter> {
    return new HashingFileWriter(await fs.promises.open(file, 'wx', 0o600), chunkBytes);
  }

  async write(data: Buffer): Promise<void> {
    this.hash.update(data);
    this.pending.push(data);
    this.pendingBytes += data.length;
    if (this.pendingBytes >= this.chunkBytes) await this.flush();
  }

  private async flush(): Promise<void> {
    if (this.pendingBytes === 0) return;
    const chunk = this.pending.length === 1 ? this.pending[0]! : Buffer.concat(this.pending, this.pendingBytes);
    this.pending.length = 0;
    this.written += this.pendingBytes;
    this.pendingBytes = 0;
    let at = 0;
    while (at < chunk.length) at += (await this.handle.write(chunk, at, chunk.length - at)).bytesWritten;
  }

  /** Flushes, closes and returns the SHA-256 and the size of what was written. */
  async close(): Promise<{ sha256: string; bytes: number }> {
    try {
      await this.flush();
    } finally {
      await this.handle.close();
    }
    return { sha256: this.hash.digest('hex'), bytes: this.written };
  }

  /** Closes without caring about the content (error paths). */
  async abandon(): Promise<void> {
    await this.handle.close().catch(() => undefined);
  }
}
