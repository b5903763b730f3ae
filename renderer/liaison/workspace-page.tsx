/**
 * 联络员工作台: the liaison's first screen. Every imported book with what needs attention this
 * year (the rules of the recorder's ledger), integrity, the last spot check; sorted, filtered
 * and paged by the service (`workspace.overview` reads stored rows only). From a row: the
 * book read-only (timeline, ledger) or a new spot check.
 */
import { useState } from 'react';
import { Alert, Button, Card, Empty, Input, Select, Space, Switch, Typography } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import type { WorkspaceRow } from '../../db/contract';
import { errorText, useServiceQuery } from '../app/service-query';
import { useBook } from '../app/book-context';
import { navigate } from '../app/routes';
import { BundleImportDialog } from '../bundle/bundle-import-dialog';
import { WorkspaceTable, type SortState } from './workspace-table';
import { ReceiptsFileCard } from '../receipts/receipts-file-card';

type IntegrityFilter = 'all' | 'verified' | 'alarm';

export function WorkspacePage() {
  const { selectBook } = useBook();
  const client = useQueryClient();
  const [sort, setSort] = useState<SortState>({ sort: 'attention', order: 'desc' });
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(50);
  const [text, setText] = useState('');
  const [attention, setAttention] = useState(false);
  const [integrity, setIntegrity] = useState<IntegrityFilter>('all');
  const [importing, setImporting] = useState(false);

  const filter = {
    ...(text.trim() ? { text: text.trim().slice(0, 100) } : {}),
    ...(attention ? { attention: true } : {}),
    ...(integrity !== 'all' ? { integrity } : {}),
  };
  const liaison = useServiceQuery('liaison.get', {});
  const overview = useServiceQuery('workspace.overview', {
    ...sort,
    filter,
    offset: (page - 1) * pageSize,
    limit: pageSize,
  });
  const data = overview.data;
  const filtered = Object.keys(filter).length > 0;
  const refresh = () =>
    void client.invalidateQueries({
      predicate: (q) => q.queryKey[0] === 'workspace.overview' || q.queryKey[0] === 'books.list',
    });

  const open = (row: WorkspaceRow, page: 'timeline' | 'ledger') => {
    selectBook(row.bookId);
    navigate({ page });
  };
  const empty = data && data.total === 0 && !filtered;

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="workspace">
      <Card
        title={
          <Space>
            <span>联络员工作台</span>
            {data && <Typography.Text type="secondary">{`${data.year} 年度 · 共 ${data.total} 本`}</Typography.Text>}
          </Space>
        }
        extra={
          <Button icon={<UploadOutlined />} onClick={() => setImporting(true)} data-testid="workspace-import">
            导入数据包
          </Button>
        }
      >
        {overview.error && (
          <Alert type="error" showIcon title={errorText(overview.error)} style={{ marginBottom: 12 }} />
        )}
        {empty ? (
          <Empty
            data-testid="workspace-empty"
            description={
              <>
                <div>本机还没有导入任何学会的记录本。</div>
                <div>请学会的记录人在“设置与密钥”中导出数据包，再在这里导入；首次导入需与纸质备案核对密钥指纹。</div>
              </>
            }
          >
            <Button type="primary" icon={<UploadOutlined />} onClick={() => setImporting(true)}>
              导入第一个数据包
            </Button>
          </Empty>
        ) : (
          <>
            <Space wrap style={{ marginBottom: 12 }} data-testid="workspace-filters">
              <Input.Search
                allowClear
                placeholder="按组织名称筛选"
                aria-label="按组织名称筛选"
                maxLength={100}
                style={{ width: 260 }}
                onSearch={(v) => {
                  setText(v);
                  setPage(1);
                }}
                data-testid="workspace-filter-text"
              />
              <Space>
                <Switch
                  checked={attention}
                  onChange={(v) => {
                    setAttention(v);
                    setPage(1);
                  }}
                  aria-label="只看需关注的记录本"
                  data-testid="workspace-filter-attention"
                />
                <span>只看需关注的</span>
              </Space>
              <Select<IntegrityFilter>
                aria-label="完整性"
                value={integrity}
                style={{ width: 150 }}
                onChange={(v) => {
                  setIntegrity(v);
                  setPage(1);
                }}
                options={[
                  { value: 'all', label: '完整性：全部' },
                  { value: 'verified', label: '已核验' },
                  { value: 'alarm', label: '有警报' },
                ]}
              />
            </Space>
            <WorkspaceTable
              rows={data?.rows ?? []}
              total={data?.total ?? 0}
              page={page}
              pageSize={pageSize}
              loading={overview.isFetching && !data}
              sort={sort}
              onSort={setSort}
              onPage={(p, s) => {
                setPage(s === pageSize ? p : 1);
                setPageSize(s);
              }}
              actions={{
                openBook: (r) => open(r, 'timeline'),
                openLedger: (r) => open(r, 'ledger'),
                spotCheck: (r) => navigate({ page: 'spot-check', bookId: r.bookId }),
              }}
            />
            {data && data.total === 0 && filtered && (
              <Typography.Text type="secondary" data-testid="workspace-no-match">
                没有符合筛选条件的记录本。
              </Typography.Text>
            )}
          </>
        )}
      </Card>
      <ReceiptsFileCard canExport={Boolean(liaison.data)} />
      <BundleImportDialog open={importing} onClose={() => setImporting(false)} onImported={refresh} />
    </Space>
  );
}
