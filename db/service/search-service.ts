/**
 * `search.query`: full-text search of one book (search-index.ts). Every result is proven as
 * the timeline's rows are: its read-model row against the ledger's hash, and its snippet cut
 * from the proven entry's current reading. A result that fails its proof is listed as its
 * problem, with no snippet: never its text.
 */
import type { EntrySummary, SearchPage } from '../contract';
import { search, type SearchFilters } from './search-index';
import { guard, type ServiceContext } from './service-context';

export interface SearchQuery extends SearchFilters {
  bookId: string;
  query: string;
}

export function searchEntries(ctx: ServiceContext, q: SearchQuery): SearchPage {
  ctx.projection(q.bookId);
  return guard(() => {
    const proven = new Map<number, EntrySummary>();
    const textOf = (seq: number) => {
      const summary = ctx.read.provenSeqs(q.bookId, [seq])[0]!;
      proven.set(seq, summary);
      if (summary.problem) return null;
      const entry = ctx.ledger.getEntry(q.bookId, seq);
      return entry ? ctx.read.searchText(q.bookId, entry, summary) : null;
    };
    const found = search(ctx.ledger.database, q.bookId, q.query, q, textOf, (seq) => ctx.read.heading(q.bookId, seq));
    return {
      total: found.total,
      capped: found.capped,
      items: found.items.map((hit) => {
        const summary = proven.get(hit.seq)!;
        return { ...summary, snippet: summary.problem ? '' : hit.snippet };
      }),
    };
  });
}
