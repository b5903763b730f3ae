/**
 * Search snippets mark each match between these two private-use characters (they never occur
 * in stored text: the service strips them first). The renderer splits on them and wraps the
 * marked parts in `<mark>` as text, never as HTML.
 */
export const SNIPPET_MARK_START = '\uE000';
export const SNIPPET_MARK_END = '\uE001';

/** Longest query the search accepts (characters); longer input is cut, never an error. */
export const SEARCH_QUERY_MAX = 100;
