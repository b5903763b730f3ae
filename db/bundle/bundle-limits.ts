/**
 * What a bundle from a stranger may ask of this computer. Every limit is named here, far above
 * what a real book needs and far below what would exhaust memory, disk or time. A book of
 * 100,000 entries is ONE file (`data/entries.jsonl`), so the zip itself holds few files: the
 * file count is capped separately from the number of ledger entries.
 */

/** Files (and directory entries) in the zip, attachments included. Checked from the end record before any entry is read. */
export const MAX_ZIP_FILES = 20_000;
/** Lines in `data/entries.jsonl` (ledger entries). */
export const MAX_LEDGER_ENTRIES = 200_000;
/** Sum of the inflated sizes of every file. */
export const MAX_TOTAL_BYTES = 2 * 1024 ** 3;
/** One attachment (the ledger itself refuses more than 50 MB). */
export const MAX_ATTACHMENT_BYTES = 60 * 1000 * 1000;
/** `data/entries.jsonl`. */
export const MAX_ENTRIES_FILE_BYTES = 1024 ** 3;
/** One line of `data/entries.jsonl` (one entry); the buffer for a line never grows beyond this. */
export const MAX_LINE_BYTES = 25 * 1024 * 1024;
/** `data/book.json` (the key history is a handful of keys). */
export const MAX_BOOK_JSON_BYTES = 4 * 1024 * 1024;
/** `data/checkpoint.json` (about 300 bytes). */
export const MAX_CHECKPOINT_JSON_BYTES = 64 * 1024;
/** Each tag file (bagit.txt, bag-info.txt, the manifests, the signature, allowed_signers, README.txt, verify_ledger.py). */
export const MAX_TAG_FILE_BYTES = 1024 * 1024;
/** Inflated : compressed, for files bigger than RATIO_APPLIES_ABOVE (JSON text compresses ~5–15:1). */
export const MAX_COMPRESSION_RATIO = 200;
export const RATIO_APPLIES_ABOVE = 1024 * 1024;
/** Nesting of any JSON text (arrays and objects). */
export const MAX_JSON_DEPTH = 64;
/** One name in the zip, in bytes. */
export const MAX_NAME_BYTES = 512;
