/**
 * What search indexes of an entry, how Chinese is made searchable by `unicode61`, how a
 * user's query becomes an FTS5 expression, and how a snippet is cut. Pure functions: the SQL
 * is in search-index.ts.
 *
 * Chinese has no spaces: the index holds it as space-separated single characters, and a
 * Chinese query is a phrase of its characters (`会议` → `"会 议"`). The FTS5 expression is
 * rebuilt from the query's tokens only (letters and digits), each term a quoted phrase: no
 * quote, operator, `*`, `-`, `NEAR(` or column filter typed by the user ever reaches FTS5 as
 * syntax. Terms separated by spaces are ANDed.
 */
import { pinyin } from 'pinyin-pro';
import { SEARCH_QUERY_MAX, SNIPPET_MARK_END, SNIPPET_MARK_START, type EntrySummary } from '../contract';
import { asCorrection, changesOf, isDomainBody } from './entry-body';

/** The searchable text of one entry, by column of `search_fts` (pinyin is derived from `people`). */
export interface SearchText {
  title: string;
  body: string[];
  people: string[];
}

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/gu;
const MARKS = /[\uE000\uE001]/g;
const TOKEN = /[\p{L}\p{N}\p{M}]+/gu;
const DATE = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}:\d{2}))?/;

/** Text as the index stores it: NFKC, one token per CJK character. */
export function spaced(text: string): string {
  return text.normalize('NFKC').replace(MARKS, '').replace(CJK, ' $& ').replace(/\s+/g, ' ').trim();
}

/** The tokens `unicode61` makes of the spaced text (lower case). */
export function tokens(text: string): string[] {
  return spaced(text).toLowerCase().match(TOKEN) ?? [];
}

/** A date also as Chinese writes it: `2025-03-18` → `2025-03-18 2025年3月18日`. */
function withChineseDate(s: string): string {
  const m = DATE.exec(s);
  if (!m) return s;
  const [, y, mo, d, time] = m;
  return `${y}-${mo}-${d}${time ? ` ${time}` : ''} ${y}年${Number(mo)}月${Number(d)}日`;
}

/** Keys whose strings are codes, ids or hashes, not text anyone would search for. */
const SKIP = new Set(['hash', 'mediaType', 'type', 'mode', 'eventKind', 'category', 'gender', 'role', 'targetHash']);
const isIdKey = (key: string) => /Ids?$/.test(key) || key === 'id';

/** Every text field of a value (recursively), dates also in Chinese form. */
function texts(value: unknown, out: string[], key = ''): void {
  if (typeof value === 'string') {
    if (value.trim()) out.push(withChineseDate(value));
  } else if (Array.isArray(value)) {
    for (const v of value) texts(v, out, key);
  } else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) if (!SKIP.has(k) && !isIdKey(k)) texts(v, out, k);
  }
}

function namesIn(input: Record<string, unknown> | null): string[] {
  if (!input) return [];
  const out: string[] = [];
  const person = input.person as { name?: unknown } | undefined;
  if (typeof person?.name === 'string') out.push(person.name);
  for (const g of (input.guests as { name?: unknown }[] | undefined) ?? [])
    if (typeof g?.name === 'string') out.push(g.name);
  const election = input.election as { candidates?: { name?: unknown }[] } | undefined;
  for (const c of election?.candidates ?? []) if (typeof c?.name === 'string') out.push(c.name);
  return out;
}

/**
 * The searchable text of an entry's current reading. `previous`, for a correction: the
 * corrected fields' values before it, so the old wording is found in the correction (and
 * no longer in the corrected entry, whose row holds its current reading).
 */
export function entryText(
  entry: { kind: string; body: unknown },
  summary: EntrySummary,
  names: (memberId: string) => string,
  previous: unknown[] = [],
): SearchText {
  const body: string[] = [];
  const people = summary.memberIds.map(names);
  if (summary.date) body.push(withChineseDate(summary.date));
  const correction = entry.kind === 'ledger.correction' ? asCorrection(entry.body) : null;
  if (correction) {
    body.push(correction.reason);
    if (correction.by) people.push(correction.by);
    for (const c of changesOf(correction)) texts(c.value, body);
    for (const p of previous) texts(p, body);
  } else if (isDomainBody(entry.body)) {
    const input = entry.body.input as Record<string, unknown> | null;
    texts(input, body);
    people.push(...namesIn(input));
  }
  return { title: summary.title, body, people: [...new Set(people.filter((n) => n.trim()))] };
}

const pinyinCache = new Map<string, string>();

/** `王志强` → `wzq wangzhiqiang` (surnames read as surnames; ü as v). Non-Chinese names: ''. */
export function namePinyin(name: string): string {
  let p = pinyinCache.get(name);
  if (p === undefined) {
    const han = name.match(CJK)?.join('') ?? '';
    if (!han) p = '';
    else {
      const options = { toneType: 'none', type: 'array', surname: 'head', v: true, nonZh: 'removed' } as const;
      const first = pinyin(han, { ...options, pattern: 'first' }).join('');
      const full = pinyin(han, options).join('');
      p = /^[a-z]+$/.test(first) && /^[a-z]+$/.test(full) ? `${first} ${full}` : '';
    }
    if (pinyinCache.size > 10_000) pinyinCache.clear();
    pinyinCache.set(name, p);
  }
  return p;
}

/** The four columns of `search_fts`. */
export function indexColumns(t: SearchText): [string, string, string, string] {
  return [
    spaced(t.title),
    spaced(t.body.join('\n')),
    spaced(t.people.join(' ')),
    t.people.map(namePinyin).filter(Boolean).join(' '),
  ];
}

/** What ranks a match: its title and the names of the people it concerns. */
export interface SearchHeading {
  title: string;
  people: string[];
}

export interface ParsedQuery {
  /** The FTS5 expression, or null when the query has nothing to search for. */
  match: string | null;
  /** Per term: what to mark in a snippet (the term as typed and as its tokens), and whether it may be pinyin. */
  terms: { needles: string[]; tokens: string[]; pinyin: string | null }[];
}

/** A user's query, trimmed and cut to 100 characters: never FTS5 syntax. */
export function parseQuery(raw: string): ParsedQuery {
  const text = raw.normalize('NFKC').trim().slice(0, SEARCH_QUERY_MAX).toLowerCase();
  const parts: string[] = [];
  const terms: ParsedQuery['terms'] = [];
  for (const term of text.split(/\s+/).filter(Boolean).slice(0, 20)) {
    const t = tokens(term);
    if (t.length === 0) continue;
    // Tokens are letters and digits only: the quotes around them cannot be closed early.
    const phrase = `"${t.join(' ')}"`;
    const isPinyin = /^[a-z]{2,}$/.test(term);
    parts.push(isPinyin ? `(${phrase} OR pinyin : ${phrase}*)` : phrase);
    terms.push({
      needles: [...new Set([term, t.join('')])].filter(Boolean),
      tokens: t,
      pinyin: isPinyin ? term : null,
    });
  }
  return { match: parts.length > 0 ? parts.join(' AND ') : null, terms };
}

/** Whether a text holds a term as the index's phrase query does: its tokens, consecutive. */
function holdsPhrase(text: string, termTokens: readonly string[]): boolean {
  return ` ${tokens(text).join(' ')} `.includes(` ${termTokens.join(' ')} `);
}

/**
 * A match's rank from its heading: 0 when every term is in the title, 1 when every term is
 * in the title or a name (a pinyin term also by a name's initials or full pinyin, as a
 * prefix), 2 otherwise (a match in the text). No heading (no read-model row): 2.
 */
export function headingTier(heading: SearchHeading | null, q: ParsedQuery): 0 | 1 | 2 {
  if (!heading || q.terms.length === 0) return 2;
  const inTitle = (t: ParsedQuery['terms'][number]) => holdsPhrase(heading.title, t.tokens);
  if (q.terms.every(inTitle)) return 0;
  const names = heading.people.join(' ');
  const inName = (t: ParsedQuery['terms'][number]) =>
    holdsPhrase(names, t.tokens) ||
    (t.pinyin !== null &&
      heading.people.some((n) =>
        namePinyin(n)
          .split(' ')
          .some((p) => p.startsWith(t.pinyin!)),
      ));
  return q.terms.every((t) => inTitle(t) || inName(t)) ? 1 : 2;
}

const BEFORE = 24;
const WINDOW = 90;

/**
 * A text as written (marks stripped, runs of white space as one space) with its matching
 * form: each character NFKC-normalised and lower-cased on its own, and for every position of
 * that form the index of the written character it came from. Matching runs on the form
 * (full-width ＡＢＣ matches abc); the snippet is cut from the written characters, so it
 * reads as the record does (，stays ，).
 */
function matchable(text: string): { chars: string[]; form: string; from: number[] } {
  const chars = [...text.replace(MARKS, '').replace(/\s+/g, ' ').trim()];
  let form = '';
  const from: number[] = [];
  chars.forEach((c, i) => {
    const f = c.normalize('NFKC').toLowerCase();
    form += f;
    for (let k = 0; k < f.length; k++) from.push(i);
  });
  return { chars, form, from };
}

/**
 * A snippet of the entry's text around the first match, every match in it marked. The text
 * is the proven entry's, cut here, never read back from the index.
 */
export function snippet(t: SearchText, q: ParsedQuery): string {
  const needles = new Set<string>();
  for (const term of q.terms) {
    for (const n of term.needles) needles.add(n);
    if (term.pinyin) {
      for (const name of t.people)
        if (
          namePinyin(name)
            .split(' ')
            .some((p) => p.startsWith(term.pinyin!))
        )
          needles.add(name.normalize('NFKC').toLowerCase());
    }
  }
  const list = [...needles].filter(Boolean).sort((a, b) => b.length - a.length);
  const candidates = [...t.body, t.people.join('、'), t.title].map(matchable).filter((c) => c.chars.length > 0);
  let text: ReturnType<typeof matchable> | undefined;
  let at = -1;
  for (const c of candidates) {
    const hit = Math.min(...list.map((n) => c.form.indexOf(n)).filter((i) => i >= 0));
    if (Number.isFinite(hit)) {
      text = c;
      at = c.from[hit]!;
      break;
    }
  }
  if (!text) {
    const first = candidates[0]?.chars ?? [];
    return first.length > WINDOW ? `${first.slice(0, WINDOW).join('')}…` : first.join('');
  }
  // Which written characters are inside a match (matched on the form, mapped back).
  const marked = new Array<boolean>(text.chars.length).fill(false);
  for (let i = 0; i < text.form.length;) {
    const n = list.find((x) => text.form.startsWith(x, i));
    if (n) {
      for (let k = i; k < i + n.length; k++) marked[text.from[k]!] = true;
      i += n.length;
    } else i++;
  }
  const from = Math.max(0, at - BEFORE);
  const to = Math.min(text.chars.length, from + WINDOW);
  let out = from > 0 ? '…' : '';
  for (let i = from; i < to; i++) {
    if (marked[i] && (i === from || !marked[i - 1])) out += SNIPPET_MARK_START;
    out += text.chars[i]!;
    if (marked[i] && (i === to - 1 || !marked[i + 1])) out += SNIPPET_MARK_END;
  }
  return to < text.chars.length ? `${out}…` : out;
}
