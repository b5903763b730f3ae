/** The workspace's table: one row per imported book, sorted and paged by the service. */
import { Button, Space, Table, Tag, Tooltip, Typography } from 'antd';
import dayjs from 'dayjs';
import { SPOT_CONCLUSIONS, type WorkspaceRow } from '../../db/contract';
import { MONO } from './identity-card';

export type WorkspaceSort = 'org' | 'lastImport' | 'size' | 'attention' | 'lastCheck';
export interface SortState {
  sort: WorkspaceSort;
  order: 'asc' | 'desc';
}

export interface WorkspaceActions {
  openBook: (row: WorkspaceRow) => void;
  openLedger: (row: WorkspaceRow) => void;
  spotCheck: (row: WorkspaceRow) => void;
}

function sortOrder(state: SortState, key: WorkspaceSort): 'ascend' | 'descend' | null {
  if (state.sort !== key) return null;
  return state.order === 'asc' ? 'ascend' : 'descend';
}

function OpenItems({ row }: { row: WorkspaceRow }) {
  if (row.open.items.length === 0) return <Typography.Text type="success">本年度暂无待关注事项</Typography.Text>;
  return (
    <ul style={{ margin: 0, paddingLeft: 16 }} data-testid="workspace-open-items">
      {row.open.items.map((item) => (
        <li key={item}>{item}</li>
      ))}
    </ul>
  );
}

export function WorkspaceTable({
  rows,
  total,
  page,
  pageSize,
  loading,
  sort,
  onSort,
  onPage,
  actions,
}: {
  rows: WorkspaceRow[];
  total: number;
  page: number;
  pageSize: number;
  loading: boolean;
  sort: SortState;
  onSort: (sort: SortState) => void;
  onPage: (page: number, pageSize: number) => void;
  actions: WorkspaceActions;
}) {
  return (
    <Table<WorkspaceRow>
      rowKey="bookId"
      size="middle"
      tableLayout="fixed"
      data-testid="workspace-table"
      loading={loading}
      dataSource={rows}
      rowClassName={(r) => (r.attention ? 'workspace-attention' : '')}
      onRow={(r) => ({ 'data-testid': `workspace-row-${r.bookId}` }) as React.HTMLAttributes<HTMLElement>}
      pagination={{
        current: page,
        pageSize,
        total,
        showSizeChanger: true,
        pageSizeOptions: [20, 50, 100, 200],
        showTotal: (t) => `共 ${t} 本`,
      }}
      onChange={(pagination, _filters, sorter) => {
        const s = Array.isArray(sorter) ? sorter[0] : sorter;
        const key = (s?.columnKey as WorkspaceSort | undefined) ?? 'attention';
        const order = s?.order === 'ascend' ? 'asc' : s?.order === 'descend' ? 'desc' : null;
        if (order) onSort({ sort: key, order });
        else onSort({ sort: 'attention', order: 'desc' });
        onPage(pagination.current ?? 1, pagination.pageSize ?? pageSize);
      }}
      columns={[
        {
          key: 'org',
          title: '组织',
          width: 200,
          sorter: true,
          sortOrder: sortOrder(sort, 'org'),
          render: (_v, r) => (
            <Space orientation="vertical" size={0}>
              <Typography.Text strong>{r.orgName}</Typography.Text>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {r.profileLabel}
              </Typography.Text>
            </Space>
          ),
        },
        {
          key: 'lastImport',
          title: '最近导入',
          width: 110,
          sorter: true,
          sortOrder: sortOrder(sort, 'lastImport'),
          render: (_v, r) => (
            <Space orientation="vertical" size={0}>
              <span>{dayjs(r.lastImportAt).format('YYYY-MM-DD')}</span>
              <Typography.Text type="secondary">{dayjs(r.lastImportAt).format('HH:mm')}</Typography.Text>
            </Space>
          ),
        },
        {
          key: 'size',
          title: '条数',
          width: 80,
          align: 'right',
          sorter: true,
          sortOrder: sortOrder(sort, 'size'),
          render: (_v, r) => `${r.size} 条`,
        },
        {
          key: 'integrity',
          title: '完整性 / 密钥指纹',
          width: 160,
          render: (_v, r) => (
            <Space orientation="vertical" size={2}>
              {r.integrity === 'verified' ? (
                <Tag color="green">已核验</Tag>
              ) : (
                <Tag color="red" data-testid="workspace-alarm-tag">
                  警报 {r.alarmCount} 条
                </Tag>
              )}
              <Tooltip title={r.keyId}>
                <span style={{ ...MONO, fontSize: 12 }}>{r.keyId.slice(0, 16)}…</span>
              </Tooltip>
            </Space>
          ),
        },
        {
          key: 'lastCheck',
          title: '最近抽查',
          width: 140,
          sorter: true,
          sortOrder: sortOrder(sort, 'lastCheck'),
          render: (_v, r) =>
            r.lastCheck ? (
              <Space orientation="vertical" size={0}>
                <span>{dayjs(r.lastCheck.at).format('YYYY-MM-DD')}</span>
                <Tag color={r.lastCheck.conclusion === 'compliant' ? 'green' : 'orange'}>
                  {SPOT_CONCLUSIONS[r.lastCheck.conclusion]}
                </Tag>
              </Space>
            ) : (
              <Typography.Text type="secondary">尚未抽查</Typography.Text>
            ),
        },
        {
          key: 'attention',
          title: '本年度待关注',
          sorter: true,
          sortOrder: sortOrder(sort, 'attention'),
          render: (_v, r) => <OpenItems row={r} />,
        },
        {
          key: 'actions',
          title: '操作',
          width: 110,
          render: (_v, r) => (
            <Space orientation="vertical" size={4}>
              <Button
                size="small"
                type="primary"
                onClick={() => actions.spotCheck(r)}
                data-testid="workspace-spot-check"
              >
                抽查
              </Button>
              <Button size="small" onClick={() => actions.openBook(r)} data-testid="workspace-open">
                查看记录
              </Button>
              <Button size="small" onClick={() => actions.openLedger(r)}>
                年度台账
              </Button>
            </Space>
          ),
        },
      ]}
    />
  );
}
