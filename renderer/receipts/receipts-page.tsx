/**
 * 抽查回执 of the open book: every receipt it holds with its verdict against the book, the
 * 整改情况 recorded against it. In the society's own book: import a receipt, record 整改情况.
 * In an imported book: read-only (the society's receipts as its bundle carried them).
 */
import { useState } from 'react';
import { Alert, App, Button, Card, Empty, List, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { SPOT_CONCLUSIONS, type ReceiptRow } from '../../db/contract';
import { errorText, useServiceQuery } from '../app/service-query';
import { useBook } from '../app/book-context';
import { navigate } from '../app/routes';
import { ReceiptImport } from './receipt-import';
import { RectificationDialog } from './rectification-dialog';

function ReceiptItem({ row, canWrite, onRectify }: { row: ReceiptRow; canWrite: boolean; onRectify: () => void }) {
  return (
    <List.Item
      data-testid={`receipt-${row.seq}`}
      actions={[
        <Button key="open" size="small" type="link" onClick={() => navigate({ page: 'entry', seq: row.seq })}>
          查看记录
        </Button>,
        ...(canWrite
          ? [
              <Button key="rectify" size="small" onClick={onRectify} data-testid="receipt-rectify">
                记录整改情况
              </Button>,
            ]
          : []),
      ]}
    >
      <List.Item.Meta
        title={
          <Space wrap>
            <span>{`${row.liaisonName}（${row.office}）`}</span>
            <span>{dayjs(row.checkedAt).format('YYYY-MM-DD')}</span>
            <Tag color={row.conclusion === 'compliant' ? 'green' : 'orange'}>{SPOT_CONCLUSIONS[row.conclusion]}</Tag>
          </Space>
        }
        description={
          <>
            <Typography.Text
              type={row.verdict === 'consistent' ? 'success' : 'danger'}
              data-testid="receipt-verdict"
              data-state={row.verdict}
            >
              {row.verdictText}
            </Typography.Text>
            <div>{`核查至第 ${row.size} 条，抽查第 ${row.sampledSeqs.join('、')} 条`}</div>
            {row.rectify && <div>{`需整改：${row.rectify.what}（期限 ${row.rectify.by}）`}</div>}
            {row.rectifications.map((r) => (
              <div key={r.seq} data-testid="receipt-rectification">
                <Typography.Text type="success">{`整改情况（${r.date}，${r.by}，第 ${r.seq} 条）：`}</Typography.Text>
                {r.done}
              </div>
            ))}
          </>
        }
      />
    </List.Item>
  );
}

export function ReceiptsPage() {
  const { message } = App.useApp();
  const { bookId, books, readOnly, refresh } = useBook();
  const current = books.find((b) => b.bookId === bookId);
  const own = !current?.imported && !current?.liaison && !current?.demo;
  const canWrite = own && !readOnly;
  const receipts = useServiceQuery('receipts.list', { bookId });
  const [rectifying, setRectifying] = useState<ReceiptRow | null>(null);
  const rows = receipts.data ?? [];

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="receipts-page">
      <Card title="抽查回执与整改情况">
        <Typography.Paragraph type="secondary">
          {own
            ? '党建联络员抽查后出具签名回执。把回执导入本记录本，它会随以后导出的每个数据包一起交出；此后若已抽查的记录被改写，任何联络员导入时都会发现。'
            : '这是导入的记录本：回执由学会随数据包交来，只能查看。'}
        </Typography.Paragraph>
        {canWrite && (
          <div style={{ marginBottom: 12 }}>
            <ReceiptImport bookId={bookId} onImported={() => void refresh()} />
          </div>
        )}
        {receipts.error && <Alert type="error" showIcon title={errorText(receipts.error)} />}
        {rows.length === 0 && !receipts.isLoading ? (
          <Empty description="本记录本还没有抽查回执" data-testid="receipts-empty" />
        ) : (
          <List
            loading={receipts.isLoading}
            dataSource={rows}
            renderItem={(row) => (
              <ReceiptItem key={row.seq} row={row} canWrite={canWrite} onRectify={() => setRectifying(row)} />
            )}
          />
        )}
      </Card>
      <RectificationDialog
        bookId={bookId}
        receipt={rectifying}
        onClose={() => setRectifying(null)}
        onSealed={(seq) => {
          setRectifying(null);
          void message.success(`整改情况已作为第 ${seq} 条记录封存`);
          void refresh();
        }}
      />
    </Space>
  );
}
