/**
 * The IndexedDB database that holds unfinished entries (drafts).
 *
 * Why IndexedDB and why it is never authoritative: a recorder may type minutes for an hour
 * and the PC may lose power; drafts must survive that. But a draft is not part of the book:
 * only a sealed entry (in db/, through the service) is. Sealing deletes the draft only after
 * the service answered ok, so a failed seal never loses typed text.
 */
import { Dexie, type EntityTable } from 'dexie';

export type DraftKind = 'meeting' | 'activity' | 'work';

export interface DraftRecord<T = unknown> {
  /** uuid, chosen by the page that starts the draft. */
  id: string;
  bookId: string;
  kind: DraftKind;
  /** Shown in the drafts list; may be empty while the user has not typed a title yet. */
  title: string;
  /** The form values, exactly as the editor keeps them (structured-cloneable). */
  data: T;
  /** Epoch milliseconds of the last save. */
  updatedAt: number;
}

export class DraftDatabase extends Dexie {
  drafts!: EntityTable<DraftRecord, 'id'>;

  constructor(name = 'logbook-drafts') {
    super(name);
    // Version 1: drafts by id; bookId indexed for the per-book list.
    this.version(1).stores({ drafts: 'id, bookId, [bookId+updatedAt]' });
  }
}

let shared: DraftDatabase | null = null;

/** The app's one draft database (opened lazily so tests can swap it). */
export function draftDatabase(): DraftDatabase {
  if (!shared) shared = new DraftDatabase();
  return shared;
}

/** Tests: close the shared instance so the next call re-creates it (simulates a restart). */
export function resetDraftDatabase(): void {
  shared?.close();
  shared = null;
}
