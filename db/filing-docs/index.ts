/** Filing documents (.docx) and drafts from the records: pure TS over the service's reads. */
export { buildDocument, buildDraftDocument, safeFileName, type BuildRequest } from './build-document';
export { draftFromRecords } from './record-drafts';
export type { BookReads } from './book-reads';
export { BLANK } from './docx-parts';
