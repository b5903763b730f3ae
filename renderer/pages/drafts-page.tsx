/** Open drafts of this book (from IndexedDB): continue or delete. */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Empty, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { deleteDraft, listDrafts, type DraftKind, type DraftRecord } from '../drafts';
import { useBook } from '../app/book-context';
import { DRAFT_KIND_LABELS, NEW_ENTRY_TITLES } from '../app/labels';
import { navigate } from '../app/routes';
import { DraftDocxButton } from '../documents';

export function DraftsPage() {
  const { bookId, readOnly } = useBook();
  const { message } = App.useApp();
  // Drafts live in this machine's IndexedDB, not in the service: their own key, same cache.
  const queryClient = useQueryClient();
  const draftsKey = ['drafts', bookId] as const;
  const { data, error } = useQuery({ queryKey: draftsKey, queryFn: () => listDrafts(bookId), staleTime: 0 });
  const drafts = data ?? (error ? [] : null);
  const remove = async (id: string) => {
    try {
      await deleteDraft(id);
      message.success('草稿已删除');
      void queryClient.invalidateQueries({ queryKey: draftsKey });
    } catch {
      message.error('无法删除草稿：浏览器本地存储不可用。');
    }
  };

  return (
    <Card
      title="草稿"
      data-testid="drafts"
      extra={
        !readOnly && (
          <Space>
            {(Object.keys(NEW_ENTRY_TITLES) as DraftKind[]).map((k) => (
              <Button key={k} onClick={() => navigate({ page: 'new', kind: k })}>
                {NEW_ENTRY_TITLES[k]}
              </Button>
            ))}
          </Space>
        )
      }
    >
      {error && (
        <Alert type="error" showIcon style={{ marginBottom: 12 }} title="无法读取本机草稿：浏览器本地存储不可用。" />
      )}
      <Typography.Paragraph type="secondary">
        草稿只保存在本机，尚未封存，不属于记录本；封存成功后草稿自动删除。
      </Typography.Paragraph>
      <Table<DraftRecord>
        rowKey="id"
        loading={drafts === null}
        dataSource={drafts ?? []}
        pagination={false}
        locale={{ emptyText: <Empty description="没有未完成的草稿" /> }}
        onRow={(d) => ({ 'data-testid': `draft-row-${d.id}` }) as object}
        columns={[
          { title: '类别', width: 120, render: (_, d) => <Tag>{DRAFT_KIND_LABELS[d.kind]}</Tag> },
          {
            title: '标题',
            render: (_, d) => d.title || <Typography.Text type="secondary">（未填写标题）</Typography.Text>,
          },
          { title: '最后保存', width: 180, render: (_, d) => dayjs(d.updatedAt).format('YYYY-MM-DD HH:mm:ss') },
          {
            title: '操作',
            width: 300,
            render: (_, d) => (
              <Space size={0}>
                <Button
                  type="link"
                  disabled={readOnly}
                  onClick={() => navigate({ page: 'draft', kind: d.kind, id: d.id })}
                >
                  继续编辑
                </Button>
                <DraftDocxButton bookId={bookId} draft={d} />
                <Popconfirm
                  title="删除这份草稿？"
                  description="删除后无法恢复。"
                  okText="删除"
                  cancelText="取消"
                  okButtonProps={{ danger: true }}
                  onConfirm={() => void remove(d.id)}
                >
                  <Button type="link" danger>
                    删除草稿
                  </Button>
                </Popconfirm>
              </Space>
            ),
          },
        ]}
      />
    </Card>
  );
}
