/**
 * The renderer's one cache of service answers (TanStack Query). Reads are keyed by
 * `[method, input]` (see `serviceQuery`), so a seal or correction refreshes every screen that
 * shows the book by invalidating `[..., bookId]`-scoped keys instead of each page reloading by hand.
 * The service is local: no retries (an error is an answer to show), no refetch on window focus.
 */
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { retry: false, refetchOnWindowFocus: false, staleTime: Infinity, gcTime: 5 * 60_000 },
      mutations: { retry: false },
    },
  });
}

export function QueryProvider({ children, client }: { children: ReactNode; client?: QueryClient }) {
  const [own] = useState(() => client ?? createQueryClient());
  return <QueryClientProvider client={own}>{children}</QueryClientProvider>;
}
