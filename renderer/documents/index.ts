/** Filing documents (.docx) and drafts from the records: the buttons the pages place. */
export { MemberDocuments } from './member-documents';
export { MeetingDocuments, electionKind } from './meeting-documents';
export { RecordDraftButtons, recordDraftForm } from './record-drafts';
export { DraftDocxButton, docxDraftOf } from './draft-docx-button';
