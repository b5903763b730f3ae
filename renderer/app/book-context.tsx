/**
 * The open book: its id, status (size, key, integrity, read-only) and a way to refresh it
 * after a seal. Every page reads the book from here instead of fetching the status itself.
 */
import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import type { BookStatus, BookSummary } from '../../db/contract';
import { useApi } from '../api-context';
import { errorMessage } from '../api';

export interface BookContextValue {
  bookId: string;
  books: BookSummary[];
  status: BookStatus | null;
  statusError: string | null;
  readOnly: boolean;
  /** Re-read the status (after a seal, a correction, a verify). */
  refresh: () => Promise<void>;
  selectBook: (bookId: string) => void;
  /** After a new book was created here: re-read the list and open that book. */
  openNewBook: (bookId: string) => void;
}

const BookContext = createContext<BookContextValue | null>(null);

export function useBook(): BookContextValue {
  const value = useContext(BookContext);
  if (!value) throw new Error('useBook must be used inside <BookProvider>');
  return value;
}

const CURRENT_BOOK_KEY = 'logbook-current-book';
const VERIFY_POLL_MS = 400;

/** The book to open: the last one used on this machine if it still exists, else the first. */
export function pickInitialBook(books: BookSummary[]): string | null {
  let remembered: string | null = null;
  try {
    remembered = window.localStorage.getItem(CURRENT_BOOK_KEY);
  } catch {
    remembered = null;
  }
  if (remembered && books.some((b) => b.bookId === remembered)) return remembered;
  return books[0]?.bookId ?? null;
}

export function BookProvider({ books, bookId, onSelect, onCreated, children }: {
  books: BookSummary[];
  bookId: string;
  onSelect: (bookId: string) => void;
  onCreated?: (bookId: string) => void;
  children: ReactNode;
}) {
  const api = useApi();
  // Tagged with the book it belongs to, so a switch never shows the other book's status.
  const [state, setState] = useState<{ bookId: string; status: BookStatus | null; error: string | null }>(
    { bookId: '', status: null, error: null },
  );

  const refresh = useCallback(
    (): Promise<void> => api['books.status']({ bookId }).then(
      (status) => setState({ bookId, status, error: null }),
      (error: unknown) => setState((prev) => ({
        bookId, status: prev.bookId === bookId ? prev.status : null, error: errorMessage(error),
      })),
    ),
    [api, bookId],
  );

  useEffect(() => {
    void refresh();
  }, [refresh]);

  // While the background full verify runs, follow its progress (the badge shows it).
  const verifying = state.bookId === bookId && state.status !== null && state.status.verification.state !== 'done';
  useEffect(() => {
    if (!verifying) return undefined;
    const timer = window.setTimeout(() => void refresh(), VERIFY_POLL_MS);
    return () => window.clearTimeout(timer);
  }, [verifying, state, refresh]);

  const selectBook = useCallback((id: string) => {
    try {
      window.localStorage.setItem(CURRENT_BOOK_KEY, id);
    } catch {
      // Remembering the choice is a convenience only.
    }
    onSelect(id);
  }, [onSelect]);

  const openNewBook = useCallback((id: string) => {
    selectBook(id);
    onCreated?.(id);
  }, [selectBook, onCreated]);

  const status = state.bookId === bookId ? state.status : null;
  const statusError = state.bookId === bookId ? state.error : null;
  const summary = books.find((b) => b.bookId === bookId);
  const readOnly = status?.readOnly ?? summary?.readOnly ?? false;
  const value: BookContextValue = { bookId, books, status, statusError, readOnly, refresh, selectBook, openNewBook };
  return <BookContext.Provider value={value}>{children}</BookContext.Provider>;
}
