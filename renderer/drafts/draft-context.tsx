/**
 * Which book new drafts belong to. The editor page provides it, so that an editor can call
 * `useDraft(kind, id)` without threading the book id through every form component.
 */
import { createContext, useContext, type ReactNode } from 'react';

const DraftBookContext = createContext<string | null>(null);

export function DraftBookProvider({ bookId, children }: { bookId: string; children: ReactNode }) {
  return <DraftBookContext.Provider value={bookId}>{children}</DraftBookContext.Provider>;
}

export function useDraftBookId(): string | null {
  return useContext(DraftBookContext);
}
