/**
 * The header's search box (Ctrl+K or Ctrl+F from anywhere): finds any record of the open book
 * by its text, the people it concerns or their pinyin initials (search.query). Results list
 * with the match marked; ↑/↓ choose, Enter (or a click) opens the entry, Shift+Enter opens every
 * result with filters and pages (search-page.tsx), Esc closes.
 * Snippets are rendered as text: split on the service's markers, never as HTML.
 */
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { Input, Spin, Tag, Typography, type InputRef } from 'antd';
import { SearchOutlined, WarningOutlined } from '@ant-design/icons';
import { SNIPPET_MARK_END, SNIPPET_MARK_START, type SearchPage } from '../../db/contract';
import { useApi } from '../api-context';
import { useBook } from '../app/book-context';
import { navigate, routeHash } from '../app/routes';

export const GLOBAL_SEARCH_ATTR = 'data-global-search';
const DEBOUNCE_MS = 200;
const LIMIT = 20;

/** The snippet as text runs, the marked ones in `<mark>`. */
export function Highlighted({ text }: { text: string }) {
  const parts: { text: string; marked: boolean }[] = [];
  for (const [i, chunk] of text.split(SNIPPET_MARK_START).entries()) {
    if (i === 0) {
      if (chunk) parts.push({ text: chunk, marked: false });
      continue;
    }
    const end = chunk.indexOf(SNIPPET_MARK_END);
    if (end < 0) parts.push({ text: chunk, marked: false });
    else {
      parts.push({ text: chunk.slice(0, end), marked: true });
      const rest = chunk
        .slice(end + 1)
        .split(SNIPPET_MARK_END)
        .join('');
      if (rest) parts.push({ text: rest, marked: false });
    }
  }
  return <>{parts.map((p, i) => (p.marked ? <mark key={i}>{p.text}</mark> : <span key={i}>{p.text}</span>))}</>;
}

/** Focuses the header's search box (the Ctrl+K / Ctrl+F shortcut). */
export function focusGlobalSearch(): void {
  document.querySelector<HTMLInputElement>(`[${GLOBAL_SEARCH_ATTR}] input`)?.focus();
}

/** The answer to one query; shown only while the box still holds that query. */
type Answer = { query: string; bookId: string; page: SearchPage | null; error: string | null };

export function GlobalSearch() {
  const api = useApi();
  const { bookId } = useBook();
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const [answer, setAnswer] = useState<Answer | null>(null);
  const input = useRef<InputRef>(null);
  const closing = useRef<number | undefined>(undefined);
  const listId = useId();
  const query = text.trim().slice(0, 100);

  useEffect(() => {
    if (!query || !bookId) return;
    let live = true;
    const timer = window.setTimeout(() => {
      api['search.query']({ bookId, query, offset: 0, limit: LIMIT })
        .then((page) => {
          if (live) {
            setAnswer({ query, bookId, page, error: null });
            setActive(0);
          }
        })
        .catch((e: unknown) => {
          if (live) setAnswer({ query, bookId, page: null, error: e instanceof Error ? e.message : String(e) });
        });
    }, DEBOUNCE_MS);
    return () => {
      live = false;
      window.clearTimeout(timer);
    };
  }, [api, bookId, query]);

  const current = answer && answer.query === query && answer.bookId === bookId ? answer : null;
  const state = {
    page: current?.page ?? null,
    error: current?.error ?? null,
    loading: query !== '' && !current,
    query,
  };
  const items = state.page?.items ?? [];
  const openEntry = (seq: number) => {
    setOpen(false);
    input.current?.blur();
    navigate({ page: 'entry', seq });
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      setOpen(true);
      setActive((a) => Math.min(a + 1, Math.max(items.length - 1, 0)));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((a) => Math.max(a - 1, 0));
    } else if (e.key === 'Enter' && e.shiftKey && query) {
      e.preventDefault();
      setOpen(false);
      input.current?.blur();
      navigate({ page: 'search', query });
    } else if (e.key === 'Enter') {
      const item = items[active];
      if (item) {
        e.preventDefault();
        openEntry(item.seq);
      }
    } else if (e.key === 'Escape') {
      e.preventDefault();
      if (text) setText('');
      else input.current?.blur();
      setOpen(false);
    }
  };

  const showPanel = open && query !== '';
  return (
    <div style={{ position: 'relative', width: 320 }} {...{ [GLOBAL_SEARCH_ATTR]: '' }}>
      <Input
        ref={input}
        allowClear
        prefix={<SearchOutlined />}
        placeholder="搜索记录（Ctrl+K）"
        aria-label="搜索记录"
        role="combobox"
        aria-expanded={showPanel}
        aria-controls={listId}
        aria-activedescendant={showPanel && items[active] ? `${listId}-${items[active].seq}` : undefined}
        data-testid="global-search"
        value={text}
        maxLength={100}
        onChange={(e) => {
          setText(e.target.value);
          setOpen(true);
        }}
        onFocus={() => {
          window.clearTimeout(closing.current);
          setOpen(true);
        }}
        // Closed a moment after the focus leaves (a click on a result lands first); coming back
        // before then cancels it, so a quick blur and re-focus never closes the open list.
        onBlur={() => {
          closing.current = window.setTimeout(() => setOpen(false), 150);
        }}
        onKeyDown={onKeyDown}
      />
      {showPanel && (
        <div
          data-testid="search-results"
          style={{
            position: 'absolute',
            top: 'calc(100% + 4px)',
            right: 0,
            width: 480,
            maxHeight: 480,
            overflowY: 'auto',
            zIndex: 1050,
            background: '#fff',
            boxShadow: '0 6px 16px rgba(0,0,0,0.12)',
            borderRadius: 8,
            lineHeight: 1.6,
          }}
        >
          {state.loading && !state.page && (
            <div style={{ padding: 16, textAlign: 'center' }}>
              <Spin size="small" />
            </div>
          )}
          {state.error && (
            <Typography.Text type="danger" style={{ display: 'block', padding: 12 }}>
              {state.error}
            </Typography.Text>
          )}
          {state.page && items.length === 0 && (
            <div style={{ padding: 16 }} data-testid="search-empty">
              <Typography.Text type="secondary">没有找到包含“{state.query}”的记录</Typography.Text>
            </div>
          )}
          {items.length > 0 && (
            <>
              <div style={{ padding: '6px 12px', fontSize: 12, color: '#888' }} data-testid="search-total">
                {state.page!.capped ? `超过 ${state.page!.total} 条` : `共 ${state.page!.total} 条`}
                {state.page!.total > items.length ? `，显示前 ${items.length} 条` : ''}
              </div>
              <ul id={listId} role="listbox" aria-label="搜索结果" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
                {items.map((item, i) => (
                  <li
                    key={item.seq}
                    id={`${listId}-${item.seq}`}
                    role="option"
                    aria-selected={i === active}
                    data-testid={`search-hit-${item.seq}`}
                    onMouseDown={(e) => e.preventDefault()}
                    onMouseEnter={() => setActive(i)}
                    onClick={() => openEntry(item.seq)}
                    style={{
                      padding: '8px 12px',
                      cursor: 'pointer',
                      background: i === active ? '#e6f4ff' : undefined,
                      borderTop: '1px solid #f5f5f5',
                    }}
                  >
                    <div>
                      <Tag>{item.kindLabel}</Tag>
                      <Typography.Text strong>
                        第 {item.seq} 条 · {item.title}
                      </Typography.Text>
                      {item.date && (
                        <Typography.Text type="secondary" style={{ marginLeft: 8, fontSize: 12 }}>
                          {item.date}
                        </Typography.Text>
                      )}
                    </div>
                    {item.problem ? (
                      <Typography.Text type="danger">
                        <WarningOutlined /> {item.problem.message}
                      </Typography.Text>
                    ) : (
                      <div style={{ color: '#555', fontSize: 13 }}>
                        <Highlighted text={item.snippet} />
                      </div>
                    )}
                  </li>
                ))}
              </ul>
              <a
                href={routeHash({ page: 'search', query })}
                data-testid="search-all"
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => {
                  setOpen(false);
                  input.current?.blur();
                }}
                style={{ display: 'block', padding: '8px 12px', borderTop: '1px solid #f0f0f0', textAlign: 'center' }}
              >
                查看全部结果并筛选（Shift+Enter）
              </a>
            </>
          )}
        </div>
      )}
    </div>
  );
}
