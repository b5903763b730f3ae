/**
 * 搜索结果: every match of a query in the open book, twenty a page, with the timeline's
 * filters (kind, year, person, flag). Reached from the header's search box ("查看全部结果")
 * or `#/search/<query>`. Each result is proven by the service like a timeline row; a damaged
 * one is shown as its problem, never its text.
 */
import { useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Card, Empty, Input, List, Pagination, Space, Spin, Tag, Typography } from 'antd';
import { WarningOutlined } from '@ant-design/icons';
import { SEARCH_QUERY_MAX } from '../../db/contract';
import { useApi } from '../api-context';
import { errorMessage } from '../api';
import { useBook } from '../app/book-context';
import { CORRECTED_FLAG, KIND_FILTERS } from '../app/labels';
import { navigate } from '../app/routes';
import { TimelineFilters, type FilterState } from '../timeline/timeline-filters';
import { Highlighted } from './global-search';

export const SEARCH_PAGE_SIZE = 20;

export function SearchPage({ query }: { query: string }) {
  const api = useApi();
  const { bookId } = useBook();
  const [typed, setTyped] = useState(query);
  const [filter, setFilter] = useState<FilterState>({});
  const [page, setPage] = useState(1);
  const q = query.trim().slice(0, SEARCH_QUERY_MAX);
  const kinds = KIND_FILTERS.find((k) => k.value === filter.kind)?.kinds;
  const input = {
    bookId,
    query: q,
    ...(kinds ? { kinds } : {}),
    ...(filter.year !== undefined ? { year: filter.year } : {}),
    ...(filter.memberId ? { memberId: filter.memberId } : {}),
    ...(filter.flag ? { flag: filter.flag } : {}),
    offset: (page - 1) * SEARCH_PAGE_SIZE,
    limit: SEARCH_PAGE_SIZE,
  };
  const results = useQuery({
    queryKey: ['search.query', input],
    queryFn: () => api['search.query'](input),
    enabled: q !== '',
    placeholderData: keepPreviousData,
  });
  const members = useQuery({ queryKey: ['members.list', { bookId }], queryFn: () => api['members.list']({ bookId }) });
  const [seenFlags] = useState(() => new Map<string, string>());
  for (const item of results.data?.items ?? []) for (const f of item.flags) seenFlags.set(f.code, f.message);
  const flags = [CORRECTED_FLAG, ...[...seenFlags].map(([code, message]) => ({ code, message }))];
  const thisYear = new Date().getFullYear();
  const years = Array.from({ length: 12 }, (_, i) => thisYear - i);
  const data = results.data;

  const submit = (value: string) => {
    setPage(1);
    navigate({ page: 'search', query: value.trim().slice(0, SEARCH_QUERY_MAX) });
  };
  const onFilter = (next: FilterState) => {
    setFilter(next);
    setPage(1);
  };

  return (
    <Card title="搜索记录" data-testid="search-page">
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        <Input.Search
          aria-label="搜索内容"
          data-testid="search-page-input"
          placeholder="输入文字、姓名（或拼音首字母，如 wzq）、日期"
          enterButton="搜索"
          allowClear
          maxLength={SEARCH_QUERY_MAX}
          value={typed}
          onChange={(e) => setTyped(e.target.value)}
          onSearch={submit}
        />
        <TimelineFilters value={filter} onChange={onFilter} members={members.data ?? []} flags={flags} years={years} />
        {q === '' && <Empty description="输入要找的文字后按 Enter" />}
        {results.error && <Alert type="error" showIcon message="搜索失败" description={errorMessage(results.error)} />}
        {q !== '' && results.isPending && (
          <div style={{ textAlign: 'center', padding: 24 }}>
            <Spin />
          </div>
        )}
        {data && (
          <>
            <Typography.Text type="secondary" data-testid="search-page-total">
              {data.capped ? `超过 ${data.total} 条结果，请加上更多文字或筛选条件` : `共 ${data.total} 条结果`}
              {results.isFetching && !results.isPending ? '（正在更新…）' : ''}
            </Typography.Text>
            {data.items.length === 0 ? (
              <Empty description={`没有找到包含“${q}”的记录`} data-testid="search-page-empty" />
            ) : (
              <List
                data-testid="search-page-results"
                dataSource={data.items}
                renderItem={(item) => (
                  <List.Item
                    key={item.seq}
                    data-testid={`search-page-hit-${item.seq}`}
                    style={{ cursor: 'pointer' }}
                    onClick={() => navigate({ page: 'entry', seq: item.seq })}
                  >
                    <List.Item.Meta
                      title={
                        <Space size={4} wrap>
                          <Tag>{item.kindLabel}</Tag>
                          <a href={`#/entry/${item.seq}`}>
                            第 {item.seq} 条 · {item.title}
                          </a>
                          {item.date && <Typography.Text type="secondary">{item.date}</Typography.Text>}
                        </Space>
                      }
                      description={
                        item.problem ? (
                          <Typography.Text type="danger">
                            <WarningOutlined /> {item.problem.message}
                          </Typography.Text>
                        ) : (
                          <Highlighted text={item.snippet} />
                        )
                      }
                    />
                  </List.Item>
                )}
              />
            )}
            {data.total > SEARCH_PAGE_SIZE && (
              <Pagination
                current={page}
                pageSize={SEARCH_PAGE_SIZE}
                total={data.total}
                showSizeChanger={false}
                onChange={setPage}
                showTotal={(total) => (data.capped ? `前 ${total} 条` : `共 ${total} 条`)}
              />
            )}
          </>
        )}
      </Space>
    </Card>
  );
}
