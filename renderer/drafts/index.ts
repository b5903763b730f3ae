/** Drafts: unfinished entries kept in IndexedDB until they are sealed. */
export { useDraft, AUTOSAVE_DELAY_MS, type DraftHandle, type UseDraftOptions } from './use-draft';
export { DraftBookProvider, useDraftBookId } from './draft-context';
export { saveDraft, getDraft, listDrafts, deleteDraft, sealDraft, newDraftId, type DraftInput } from './draft-store';
export { DraftDatabase, draftDatabase, resetDraftDatabase, type DraftKind, type DraftRecord } from './draft-db';
