/** Signed bundles: one book as a zip holding one BagIt 1.0 bag, signed with SSHSIG (see ARCHITECTURE.md "The bundle"). */
export {
  writeBundle,
  defaultVerifierScriptPath,
  BUNDLE_FORMAT,
  type WriteBundleOptions,
  type BundleResult,
} from './bundle-writer';
export { exportBookBundle } from './export-book';
export { ledgerBundleSource, type BundleSource, type BundleKey, type LedgerBundleOptions } from './bundle-source';
export { BundleError, type BundleErrorCode } from './errors';
export {
  BUNDLE_NAMESPACE,
  allowedSignersLine,
  signSshsig,
  signSshsigWithKey,
  verifySshsig,
  parseSshsig,
  type ParsedSshsig,
  type SshsigVerdict,
} from './sshsig';
export {
  verifyBundle,
  updatePinState,
  pinRecordOf,
  type BundleReport,
  type BundleCheck,
  type BundleAlarm,
  type VerifyBundleOptions,
} from './verify-bundle';
export { inspectBundle, type BundleClaims } from './inspect-bundle';
export { PinState, type PinRecord } from './pin-state';
export { BundleZip, BundleZipError } from './bundle-reader';
export { importBundle, importVerifiedBundle, stagingRootOf, type ImportBundleResult } from './verified-book';
export { PinStore, type StoredBundleAlarm } from './pin-store';
