/**
 * The book as a list, newest first, virtualised: only the rows in view are in the DOM and
 * only the pages they belong to are fetched, so 100,000 entries scroll as fast as 100.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { Alert, Button, Card, Empty, Space, Spin, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { MemberView } from '../../db/contract';
import { useServiceQuery } from '../app/service-query';
import { useBook } from '../app/book-context';
import { CORRECTED_FLAG, KIND_FILTERS } from '../app/labels';
import { navigate } from '../app/routes';
import { TimelineFilters, type FilterState } from './timeline-filters';
import { TimelineRow, ROW_HEIGHT } from './timeline-row';
import { useEntryPages, type EntryFilter } from './use-entry-pages';

function toEntryFilter(f: FilterState): EntryFilter {
  const out: EntryFilter = {};
  const kinds = KIND_FILTERS.find((k) => k.value === f.kind)?.kinds;
  if (kinds) out.kinds = kinds;
  if (f.year !== undefined) out.year = f.year;
  if (f.memberId) out.memberId = f.memberId;
  if (f.flag) out.flag = f.flag;
  return out;
}

export function TimelinePage({ viewportHeight }: { viewportHeight?: number }) {
  const { bookId, readOnly } = useBook();
  const [filter, setFilter] = useState<FilterState>({});
  const entryFilter = useMemo(() => toEntryFilter(filter), [filter]);
  const pages = useEntryPages(bookId, entryFilter);
  const members: MemberView[] = useServiceQuery('members.list', { bookId }).data ?? [];
  const seenFlags = useRef(new Map<string, string>());
  const scrollRef = useRef<HTMLDivElement>(null);

  const total = pages.total ?? 0;
  // The virtualizer is the point of this page; its functions are not memo-safe by design.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    initialRect: { width: 800, height: viewportHeight ?? 600 },
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? 0;
  const { ensureRange } = pages;
  useEffect(() => {
    if (total > 0) ensureRange(first, last);
  }, [first, last, total, ensureRange]);

  // Flag filter options: every flag seen so far (the service has no list of flag codes).
  for (const item of items) {
    for (const f of pages.rowAt(item.index)?.flags ?? []) seenFlags.current.set(f.code, f.message);
  }
  const flags = [CORRECTED_FLAG, ...[...seenFlags.current].map(([code, message]) => ({ code, message }))];
  const thisYear = new Date().getFullYear();
  const years = Array.from({ length: 12 }, (_, i) => thisYear - i);
  const filtered = Object.values(filter).some((v) => v !== undefined);

  return (
    <Card
      title={
        <Space>
          记录本
          <Typography.Text type="secondary" style={{ fontWeight: 'normal' }} data-testid="timeline-total">
            {pages.total === null ? '' : `共 ${pages.total} 条`}
          </Typography.Text>
        </Space>
      }
      extra={<TimelineFilters value={filter} onChange={setFilter} members={members} flags={flags} years={years} />}
      styles={{ body: { padding: 0 } }}
      data-testid="timeline"
    >
      {pages.error && (
        <Alert
          type="error"
          showIcon
          title={pages.error}
          action={
            <Button size="small" onClick={pages.reload}>
              重试
            </Button>
          }
        />
      )}
      {pages.total === null && !pages.error && (
        <div style={{ padding: 48, textAlign: 'center' }}>
          <Spin />
        </div>
      )}
      {pages.total === 0 &&
        (filtered ? (
          <Empty style={{ padding: 48 }} description="没有符合筛选条件的记录">
            <Button onClick={() => setFilter({})}>清除筛选</Button>
          </Empty>
        ) : (
          <Empty style={{ padding: 48 }} description="记录本里还没有会议、活动或工作记录" data-testid="timeline-empty">
            {!readOnly && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate({ page: 'new', kind: 'meeting' })}>
                记录第一次会议
              </Button>
            )}
          </Empty>
        ))}
      {total > 0 && (
        <div
          ref={scrollRef}
          role="list"
          aria-label="记录列表，最新的在前"
          data-testid="timeline-scroll"
          style={{ height: viewportHeight ?? 'calc(100vh - 190px)', overflow: 'auto', contain: 'strict' }}
        >
          <div style={{ height: virtualizer.getTotalSize(), position: 'relative', width: '100%' }}>
            {items.map((item) => (
              <div
                key={item.key}
                role="listitem"
                style={{
                  position: 'absolute',
                  top: 0,
                  left: 0,
                  width: '100%',
                  transform: `translateY(${item.start}px)`,
                }}
              >
                <TimelineRow entry={pages.rowAt(item.index)} onOpen={(seq) => navigate({ page: 'entry', seq })} />
              </div>
            ))}
          </div>
        </div>
      )}
    </Card>
  );
}
