import type { BundleClaimsView } from '../contract';
import { isReason, parseBagInfo } from './bag-parse';
import { MAX_BOOK_JSON_BYTES, MAX_CHECKPOINT_JSON_BYTES } from './bundle-limits';
import { BundleZip } from './bundle-reader';
import { decodeUtf8, parseSafeJson } from './safe-json';

/**
 * What a bundle SAYS it is, for `logbook inspect`: read from bag-info.txt, data/book.json and
 * data/checkpoint.json, nothing hashed and no signature checked — `verified: false`, always.
 * The zip safety limits still apply (BundleZip.open throws BundleZipError), and the three
 * small files go through the hardened JSON parser; a field that cannot be read is null.
 */

export interface BundleClaims extends BundleClaimsView {
  attachmentBytes: number;
  files: number;
}

function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function json(bytes: Buffer, maxLength: number): Record<string, unknown> {
  const text = decodeUtf8(bytes);
  if (text === null) return {};
  const parsed = parseSafeJson(text, { maxLength });
  return parsed.ok ? record(parsed.value) : {};
}

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

export async function inspectBundle(bundlePath: string): Promise<BundleClaims> {
  const zip = await BundleZip.open(bundlePath);
  try {
    const info = parseBagInfo(await zip.readAll(zip.files.get('bag-info.txt')!));
    const tags = isReason(info) ? new Map<string, string>() : info;
    const book = json(await zip.readAll(zip.files.get('data/book.json')!), MAX_BOOK_JSON_BYTES);
    const cp = record(
      json(await zip.readAll(zip.files.get('data/checkpoint.json')!), MAX_CHECKPOINT_JSON_BYTES).checkpoint,
    );
    const attachments = [...zip.files.values()].filter((f) => f.kind === 'attachment');
    return {
      verified: false,
      bookId: zip.folderBookId,
      name: str(book.name),
      orgName: str(book.orgName) ?? tags.get('Source-Organization') ?? null,
      size: Number.isSafeInteger(cp.size) ? (cp.size as number) : null,
      root: str(cp.root),
      keyId: str(cp.keyId) ?? tags.get('Logbook-Key-Fingerprint') ?? null,
      checkpointTime: str(cp.time),
      baggingDate: tags.get('Bagging-Date') ?? null,
      attachments: attachments.length,
      attachmentBytes: attachments.reduce((s, f) => s + f.size, 0),
      files: zip.files.size,
      bytes: zip.totalBytes,
    };
  } finally {
    zip.close();
  }
}
