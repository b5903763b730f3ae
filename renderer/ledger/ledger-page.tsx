/** 年度台账: the year's obligations, each met or still owed. */
import { useCallback, useState } from 'react';
import { Alert, Card, Empty, List, Progress, Select, Space, Spin, Tag, Typography } from 'antd';
import { CheckCircleFilled, ExclamationCircleFilled } from '@ant-design/icons';
import type { YearView } from '../../db/contract';
import { useApi } from '../api-context';
import { useBook } from '../app/book-context';
import { useAsync } from '../app/use-async';
import { RecordDraftButtons } from '../documents';

export function LedgerPage() {
  const api = useApi();
  const { bookId, status, readOnly } = useBook();
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState(thisYear);
  const size = status?.size;
  // The book's size is a dependency on purpose: a new seal may settle an obligation.
  const { data, error } = useAsync(useCallback(
    () => api['ledger.year']({ bookId, year }).then((v) => ({ ...v, size })),
    [api, bookId, year, size],
  ));
  const view: YearView | null = data ?? null;

  const years = Array.from({ length: 10 }, (_, i) => thisYear - i);
  const owed = view?.items.filter((i) => !i.ok).length ?? 0;

  return (
    <Card
      data-testid="ledger"
      title="年度台账"
      extra={<Space><RecordDraftButtons bookId={bookId} year={year} disabled={readOnly} /><Select aria-label="选择年度" value={year} onChange={setYear} style={{ width: 120 }}
        options={years.map((y) => ({ value: y, label: `${y} 年` }))} /></Space>}
    >
      {error && <Alert type="error" showIcon title={error} />}
      {!view && !error && <div style={{ padding: 48, textAlign: 'center' }}><Spin /></div>}
      {view && (
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          <Space size={32} wrap>
            <div>
              <Typography.Text type="secondary">小组会议</Typography.Text>
              <div style={{ fontSize: 24 }} data-testid="ledger-meetings">
                {view.meetingsHeld} / {view.meetingsRequired} 次
              </div>
            </div>
            <Progress type="circle" size={72}
              percent={view.meetingsRequired ? Math.min(100, Math.round((view.meetingsHeld / view.meetingsRequired) * 100)) : 100}
              status={view.meetingsHeld >= view.meetingsRequired ? 'success' : 'normal'} />
            <Tag color={owed ? 'orange' : 'green'} style={{ fontSize: 14, padding: '4px 12px' }}>
              {owed ? `尚欠 ${owed} 项` : '各项均已完成'}
            </Tag>
          </Space>
          {view.items.length === 0 ? <Empty description="这一年没有需要检查的事项" /> : (
            <List
              bordered
              dataSource={view.items}
              renderItem={(item) => (
                <List.Item data-testid={`ledger-item-${item.code}`} data-ok={item.ok ? 'true' : 'false'}>
                  <Space>
                    {item.ok
                      ? <CheckCircleFilled style={{ color: '#52c41a' }} aria-label="已完成" />
                      : <ExclamationCircleFilled style={{ color: '#fa8c16' }} aria-label="尚欠" />}
                    <span>{item.message}</span>
                  </Space>
                  <Tag color={item.ok ? 'green' : 'orange'}>{item.ok ? '已完成' : '尚欠'}</Tag>
                </List.Item>
              )}
            />
          )}
        </Space>
      )}
    </Card>
  );
}
