/** Plain async functions over the draft table; the hook (use-draft.ts) builds on them. */
import { draftDatabase, type DraftKind, type DraftRecord } from './draft-db';

export type DraftInput<T = unknown> = Omit<DraftRecord<T>, 'updatedAt'> & { updatedAt?: number };

export async function saveDraft<T>(draft: DraftInput<T>): Promise<DraftRecord<T>> {
  const record: DraftRecord<T> = { ...draft, updatedAt: draft.updatedAt ?? Date.now() };
  await draftDatabase().drafts.put(record);
  return record;
}

export async function getDraft<T = unknown>(id: string): Promise<DraftRecord<T> | undefined> {
  return (await draftDatabase().drafts.get(id)) as DraftRecord<T> | undefined;
}

/** Open drafts of one book, most recently saved first. */
export async function listDrafts(bookId: string): Promise<DraftRecord[]> {
  const rows = await draftDatabase()
    .drafts.where('[bookId+updatedAt]')
    .between([bookId, -Infinity], [bookId, Infinity])
    .toArray();
  return rows.reverse();
}

export async function deleteDraft(id: string): Promise<void> {
  await draftDatabase().drafts.delete(id);
}

/**
 * Seal a draft: run the service call first, delete the draft only after it returned.
 * If `seal` throws (validation, rule error, lost connection), the draft stays untouched
 * and the error propagates so the editor can show it.
 */
export async function sealDraft<R>(id: string, seal: () => Promise<R>): Promise<R> {
  const result = await seal();
  await deleteDraft(id);
  return result;
}

/** A fresh id for a new draft. */
export function newDraftId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  // randomUUID needs a secure context; fall back to the same format from getRandomValues.
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

export type { DraftKind, DraftRecord };
