/** The spot checks already sealed for one book (or all books), each with its report and receipt. */
import { Card, Empty, Table, Tag } from 'antd';
import dayjs from 'dayjs';
import { SPOT_CONCLUSIONS, type SpotCheckSummary } from '../../db/contract';
import { errorText, useServiceQuery } from '../app/service-query';
import { SpotCheckActions } from './spot-check-actions';

export function SpotCheckHistory({ bookId, liaisonBookId }: { bookId?: string; liaisonBookId: string }) {
  const list = useServiceQuery('spotChecks.list', bookId ? { bookId } : {});
  return (
    <Card size="small" title="已封存的抽查记录" data-testid="spot-history">
      {list.error && errorText(list.error)}
      <Table<SpotCheckSummary>
        size="small"
        rowKey="liaisonSeq"
        loading={list.isLoading}
        dataSource={list.data ?? []}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        locale={{ emptyText: <Empty description="尚无抽查记录" /> }}
        columns={[
          { title: '抽查时间', key: 'at', render: (_v, r) => dayjs(r.at).format('YYYY-MM-DD HH:mm') },
          ...(bookId ? [] : [{ title: '组织', key: 'org', render: (_v: unknown, r: SpotCheckSummary) => r.orgName }]),
          { title: '核查至', key: 'size', render: (_v, r) => `第 ${r.size} 条` },
          { title: '样本', key: 'count', render: (_v, r) => `${r.count} 条` },
          {
            title: '结论',
            key: 'conclusion',
            render: (_v, r) => (
              <Tag color={r.conclusion === 'compliant' ? 'green' : 'orange'}>{SPOT_CONCLUSIONS[r.conclusion]}</Tag>
            ),
          },
          {
            title: '报告与回执',
            key: 'actions',
            render: (_v, r) => <SpotCheckActions liaisonBookId={liaisonBookId} liaisonSeq={r.liaisonSeq} />,
          },
        ]}
      />
    </Card>
  );
}
