/**
 * The open book: its id, status (size, key, integrity, read-only) and a way to refresh it
 * after a seal. Every page reads the book from here instead of fetching the status itself.
 */
import { createContext, useCallback, useContext, type ReactNode } from 'react';
import type { BookStatus, BookSummary } from '../../db/contract';
import { errorText, useBookChanged, useServiceQuery } from './service-query';

export interface BookContextValue {
  bookId: string;
  books: BookSummary[];
  status: BookStatus | null;
  statusError: string | null;
  readOnly: boolean;
  /** After a seal, a correction, a verify: re-read everything shown of this book (and its status). */
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

export function BookProvider({
  books,
  bookId,
  onSelect,
  onCreated,
  children,
}: {
  books: BookSummary[];
  bookId: string;
  onSelect: (bookId: string) => void;
  onCreated?: (bookId: string) => void;
  children: ReactNode;
}) {
  // Keyed by the book: a switch never shows the other book's status. While the background
  // full verify runs, its progress is followed (the badge shows it).
  const statusQuery = useServiceQuery(
    'books.status',
    { bookId },
    {
      refetchInterval: (q) => (q.state.data && q.state.data.verification.state !== 'done' ? VERIFY_POLL_MS : false),
    },
  );
  const bookChanged = useBookChanged();
  const refresh = useCallback(() => bookChanged(bookId), [bookChanged, bookId]);

  const selectBook = useCallback(
    (id: string) => {
      try {
        window.localStorage.setItem(CURRENT_BOOK_KEY, id);
      } catch {
        // Remembering the choice is a convenience only.
      }
      onSelect(id);
    },
    [onSelect],
  );

  const openNewBook = useCallback(
    (id: string) => {
      selectBook(id);
      onCreated?.(id);
    },
    [selectBook, onCreated],
  );

  const status = statusQuery.data ?? null;
  const statusError = errorText(statusQuery.error);
  const summary = books.find((b) => b.bookId === bookId);
  const readOnly = status?.readOnly ?? summary?.readOnly ?? false;
  const value: BookContextValue = { bookId, books, status, statusError, readOnly, refresh, selectBook, openNewBook };
  return <BookContext.Provider value={value}>{children}</BookContext.Provider>;
}
