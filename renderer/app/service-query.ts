/**
 * Service reads through the one query cache (renderer/app/query-client.tsx). A read is keyed
 * `[method, input]`, so two screens asking the same thing share one answer, and everything a
 * book shows is found by its `bookId`: after a seal, a correction or a verify, one call to
 * `useBookChanged()` re-reads exactly that book's screens (old answers stay visible meanwhile).
 */
import {
  useQuery,
  useQueryClient,
  type Query,
  type QueryKey,
  type UseQueryOptions,
  type UseQueryResult,
} from '@tanstack/react-query';
import { useCallback } from 'react';
import { contract, type Contract, type MethodName } from '../../db/contract';
import type { z } from 'zod';
import { useApi } from '../api-context';
import { errorMessage, type Api } from '../api';

/** A method that only reads; the cache refuses one that seals (`mutates`, checked when called). */
export type ReadMethod = MethodName;
export type InputOf<M extends MethodName> = z.input<Contract[M]['input']>;
export type OutputOf<M extends MethodName> = Awaited<ReturnType<Api[M]>>;

export function serviceKey<M extends ReadMethod>(method: M, input: InputOf<M>): readonly [M, InputOf<M>] {
  return [method, input] as const;
}

/** The book a cached read belongs to, or undefined for reads of the whole app (books.list, calendar). */
export function bookOfKey(key: QueryKey): string | undefined {
  const input: unknown = key[1];
  if (typeof input !== 'object' || input === null || !('bookId' in input)) return undefined;
  return typeof input.bookId === 'string' ? input.bookId : undefined;
}

/**
 * While a new input loads (another date, another entry), the previous answer stays on screen
 * if it was of the same method and the same book; never another book's data.
 */
function sameBookPlaceholder(
  previous: unknown,
  query: Query<unknown, Error, unknown, QueryKey> | undefined,
  key: QueryKey,
): unknown {
  if (!query || query.queryKey[0] !== key[0]) return undefined;
  return bookOfKey(query.queryKey) === bookOfKey(key) ? previous : undefined;
}

export type ServiceQueryOptions<M extends ReadMethod> = Omit<
  UseQueryOptions<OutputOf<M>, Error, OutputOf<M>, readonly [M, InputOf<M>]>,
  'queryKey' | 'queryFn' | 'placeholderData'
>;

/** `useServiceQuery('members.list', { bookId })`: the answer, its error, and whether it is loading. */
export function useServiceQuery<M extends ReadMethod>(
  method: M,
  input: InputOf<M>,
  options: ServiceQueryOptions<M> = {},
): UseQueryResult<OutputOf<M>, Error> {
  const api = useApi();
  if (contract[method].mutates) throw new Error(`${method} changes the book and cannot be a cached read`);
  const queryKey = serviceKey(method, input);
  // Typed per method at the signature; inside, one untyped query (answers are the contract's outputs).
  const call = api[method] as (i: InputOf<M>) => Promise<unknown>;
  const result = useQuery<unknown, Error, unknown, QueryKey>({
    ...(options as Omit<UseQueryOptions<unknown, Error, unknown, QueryKey>, 'queryKey'>),
    queryKey,
    queryFn: () => call(input),
    placeholderData: (previous: unknown, query: Query<unknown, Error, unknown, QueryKey> | undefined) =>
      sameBookPlaceholder(previous, query, queryKey),
  });
  return result as UseQueryResult<OutputOf<M>, Error>;
}

/** The Chinese message of a failed read, or null. */
export function errorText(error: unknown): string | null {
  return error ? errorMessage(error) : null;
}

/**
 * After anything changed a book (a seal, a correction, a verify): re-read every answer about
 * that book and the list of books (its size and state). Resolves when the screens in view
 * have their new answers.
 */
export function useBookChanged(): (bookId: string) => Promise<void> {
  const client = useQueryClient();
  return useCallback(
    (bookId: string) =>
      client.invalidateQueries({
        predicate: (q) => bookOfKey(q.queryKey) === bookId || q.queryKey[0] === 'books.list',
      }),
    [client],
  );
}
