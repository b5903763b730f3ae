/** Stable codes for what can stop an export or an import; the message is Chinese and says what to do. */
export type BundleErrorCode =
  /** The book's own data does not add up (checkpoint, keys, entries): run a full verify first. */
  | 'bundle-source-invalid'
  | 'attachment-missing'
  | 'attachment-mismatch'
  /** The private key of the book's current key is not on this computer. */
  | 'key-missing'
  /** Writing, zipping or re-reading the output failed (disk full, permissions, …). */
  | 'bundle-write-failed'
  /** Import: the bundle did not verify, or changed after it was verified. */
  | 'bundle-invalid';

export class BundleError extends Error {
  override readonly name = 'BundleError';
  constructor(
    readonly code: BundleErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
