/** The ledger's public surface: the tamper-evident core of the record book. */
export { openLedger, MAX_ATTACHMENT_BYTES, type Ledger, type OpenLedgerOptions } from './ledger';
export type { BookCheckStatus, EntryCheck, InTransaction, Verification } from './ledger-api';
export type { Alarm } from './alarms';
export type { VerifiedBook } from './import-book';
export { checkPassphrase, exportKeyBackup, readKeyBackup, MIN_PASSPHRASE_CHARS } from './key-backup';
export { LedgerError, type LedgerErrorCode } from './errors';
export { FileKeyStore, keyIdOf, keyIdOfRaw, openSshLineOf, parseOpenSshLine } from './keys';
export { canonicalJson } from './canonical';
export { verifyInclusion, verifyConsistency, leafHash, EMPTY_ROOT } from './merkle';
export { canonicalCheckpoint, verifyCheckpointSignature } from './checkpoint';
export { GENESIS_KIND, ROTATION_KIND, CORRECTION_KIND } from './book-keys';
export type * from './types';
