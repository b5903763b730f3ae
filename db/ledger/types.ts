/**
 * The ledger's public types. The ledger is the tamper-evident core of the book:
 * an append-only hash chain of canonical-JSON entries, a Merkle tree (RFC 9162)
 * over the same hashes, and a signed checkpoint after every seal.
 *
 * Design (see ../../../shared/ARCHITECTURE.md, and why we deviate):
 * - An entry's preimage is the RFC 8785 canonical JSON of
 *   `{attachments, author, body, book, flags, kind, prev, recordedAt, seq, v}`
 *   (that is also the canonical key order). `hash = SHA-256(0x00 || bytes)`:
 *   the RFC 9162 leaf hash, so one hash is both the chain link and the Merkle leaf.
 * - The exact bytes are stored. Full verify hashes those bytes and checks that the
 *   bytes begin with the prefix and end with the suffix that the row's columns and the
 *   *recomputed* previous hash imply (body sits between them), so it never
 *   re-serialises a body and never trusts a stored link.
 * - Only the newest checkpoint per book is kept (in the database and in a file beside
 *   it); verifying one Ed25519 signature per book keeps a full verify linear in bytes.
 */

/** Hex-encoded SHA-256 (64 lowercase hex chars). */
export type Hex = string;

/** Flags the ledger itself sets on an entry at seal time (domain flags live in the body). */
export type LedgerFlag =
  /** recordedAt is earlier than the previous entry's recordedAt (system clock set back). */
  'clock-behind';

export interface EntryInput {
  /** Dotted kind, e.g. `meeting`, `member.join`, `correction`. Ledger kinds start with `ledger.`. */
  kind: string;
  /** Any JSON value (no undefined, no non-finite numbers). */
  body: unknown;
  /** Hashes of attachments already stored with `putAttachment`. */
  attachments?: Hex[];
}

export interface SealedEntry {
  bookId: string;
  seq: number;
  prev: Hex;
  /** ISO-8601 UTC with milliseconds, from the system clock at seal time. */
  recordedAt: string;
  /** Key id of the signing key in force when the entry was sealed. */
  author: string;
  kind: string;
  body: unknown;
  attachments: Hex[];
  flags: LedgerFlag[];
  hash: Hex;
}

export interface Checkpoint {
  book: string;
  size: number;
  root: Hex;
  /** ISO-8601 UTC. */
  time: string;
  keyId: string;
}

export interface SignedCheckpoint {
  checkpoint: Checkpoint;
  /** Base64 Ed25519 signature over the canonical JSON of `checkpoint`. */
  signature: string;
}

export interface BookInfo {
  bookId: string;
  name: string;
  size: number;
  /** Current key id (`SHA256:<base64>` of the SSH wire-format public key, as ssh-keygen prints). */
  keyId: string;
  /** OpenSSH public key line, `ssh-ed25519 AAAA… <comment>`. */
  publicKey: string;
  createdAt: string;
  /** A copy imported from a signed bundle (the liaison's): read-only here. */
  imported?: boolean;
}

export type ProblemCode =
  | 'hash-mismatch'
  | 'chain-broken'
  | 'seq-gap'
  | 'columns-mismatch'
  | 'bad-signature'
  | 'root-mismatch'
  | 'size-mismatch'
  | 'merkle-node-mismatch'
  | 'attachment-missing'
  | 'attachment-mismatch'
  | 'checkpoint-missing'
  | 'outside-checkpoint-ahead'
  | 'outside-checkpoint-fork'
  | 'outside-checkpoint-invalid'
  | 'key-invalid'
  | 'database-corrupt'
  /** Added by the ledger module: the outside checkpoint file of a book is missing (it is written before a book's genesis commits). */
  | 'outside-checkpoint-missing'
  /** Added by the ledger module: the ledger's tables/indexes/triggers differ from what the migrations create (e.g. a trigger dropped). */
  | 'schema-mismatch'
  /** Added by proof on read: the entry's hash is not the leaf the signed checkpoint's tree holds at its seq. */
  | 'not-in-checkpoint';

export interface Problem {
  code: ProblemCode;
  /** First bad seq, when the problem is about entries. */
  seq?: number;
  /** Missing range, when entries are missing (e.g. the database is older than the outside checkpoint). */
  missing?: { from: number; to: number };
  /** Chinese, for the user. */
  message: string;
}

export interface VerifyReport {
  bookId: string;
  ok: boolean;
  size: number;
  root: Hex | null;
  problems: Problem[];
  /** Milliseconds taken. */
  ms: number;
}

/**
 * How a KeyStore protects private keys at rest, for the UI to say plainly:
 * `os`: encrypted by the operating system's key store (DPAPI, Keychain, Secret Service);
 * `weak`: encrypted with a fixed password (Linux without a keyring), so a copy of the data
 * folder can be opened; `none`: plain files readable by the owner only.
 */
export type KeyProtection = 'os' | 'weak' | 'none';

/** Where private keys live. db/ ships a file store; electron/ wraps it with safeStorage. */
export interface KeyStore {
  save(keyId: string, pkcs8Der: Buffer): void;
  load(keyId: string): Buffer | null;
  /** How the keys are protected at rest; a store that does not say is treated as `none`. */
  protection?(): KeyProtection;
}

/** Injected clock: tests freeze or rewind it. */
export type Clock = () => Date;

/**
 * A correction (更正) of a sealed entry: one field (`field` + `value`, JSON Pointer into the
 * target's body) or several fields changed together (`changes`), with the reason and who.
 */
export interface CorrectionRequest {
  target: number;
  field?: string;
  value?: unknown;
  changes?: { field: string; value: unknown }[];
  reason: string;
  by?: string;
}
