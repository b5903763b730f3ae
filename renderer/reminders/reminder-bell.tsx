/**
 * The header's bell: the book's reminders (reminders.list, computed by the service with the
 * clock the seal uses), each saying what to do with a button that goes there. Once per day
 * and book, on start, the reminders also pop up as a notification.
 */
import { useEffect } from 'react';
import { App, Badge, Button, Empty, Popover, Space, Tag, Typography } from 'antd';
import { BellOutlined } from '@ant-design/icons';
import type { Reminder } from '../../db/rules';
import { errorMessage } from '../api';
import { useBook } from '../app/book-context';
import { useServiceQuery } from '../app/service-query';
import { navigate } from '../app/routes';
import { routeOf, shownKey } from './reminder-target';

function ReminderItem({ r, onGo }: { r: Reminder; onGo?: () => void }) {
  return (
    <div
      role="listitem"
      className="reminder-item"
      data-testid={`reminder-${r.code}`}
      style={{ padding: '8px 0', borderBottom: '1px solid #f0f0f0' }}
    >
      <Space orientation="vertical" size={4} style={{ width: '100%' }}>
        <Space>
          <Tag color={r.level === 'urgent' ? 'red' : 'orange'}>{r.level === 'urgent' ? '紧急' : '提醒'}</Tag>
          <Typography.Text strong>{r.title}</Typography.Text>
        </Space>
        <Typography.Text>{r.message}</Typography.Text>
        <Space>
          <Button
            size="small"
            type="primary"
            onClick={() => {
              onGo?.();
              navigate(routeOf(r.action.target));
            }}
          >
            {r.action.label}
          </Button>
          {r.seqs.slice(0, 3).map((seq) => (
            <Button
              key={seq}
              size="small"
              type="link"
              onClick={() => {
                onGo?.();
                navigate({ page: 'entry', seq });
              }}
            >
              查看第 {seq} 条
            </Button>
          ))}
        </Space>
      </Space>
    </div>
  );
}

export function ReminderList({ items, onGo }: { items: readonly Reminder[]; onGo?: () => void }) {
  if (items.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="没有需要提醒的事项" />;
  return (
    <div role="list">
      {items.map((r) => (
        <ReminderItem key={r.id} r={r} {...(onGo ? { onGo } : {})} />
      ))}
    </div>
  );
}

export function ReminderBell() {
  const { notification } = App.useApp();
  const { bookId } = useBook();
  // Re-read with the rest of the book after every seal or correction (useBookChanged).
  const { data, error } = useServiceQuery('reminders.list', { bookId }, { enabled: Boolean(bookId) });
  const items = data?.items ?? [];
  const urgent = items.filter((r) => r.level === 'urgent').length;

  useEffect(() => {
    if (!data || data.items.length === 0) return;
    const key = shownKey(bookId);
    if (localStorage.getItem(key) === data.today) return;
    localStorage.setItem(key, data.today);
    notification.open({
      key: 'start-reminders',
      title: `有 ${data.items.length} 项事项需要处理`,
      description: (
        <div data-testid="start-reminders">
          <ReminderList items={data.items.slice(0, 3)} onGo={() => notification.destroy('start-reminders')} />
        </div>
      ),
      // Bottom right, closing by itself and on leaving the page: it must never cover the header's
      // actions or an editor's 封存 button (the bell keeps the list).
      duration: 10,
      placement: 'bottomRight',
    });
  }, [data, bookId, notification]);

  // A start-up reminder belongs to the start page: leaving it (opening an editor, a dialog's page)
  // closes it, so it never sits over an editor's confirmation.
  useEffect(() => {
    const close = () => notification.destroy('start-reminders');
    window.addEventListener('hashchange', close);
    return () => window.removeEventListener('hashchange', close);
  }, [notification]);

  const content = (
    <div style={{ width: 420, maxHeight: 480, overflow: 'auto' }} data-testid="reminder-list">
      {error ? (
        <Typography.Text type="danger">提醒无法读取：{errorMessage(error)}</Typography.Text>
      ) : (
        <ReminderList items={items} />
      )}
    </div>
  );
  return (
    <Popover content={content} title="提醒" trigger="click" placement="bottomRight">
      <Badge count={items.length} size="small" color={urgent ? '#cf1322' : '#fa8c16'} offset={[-4, 4]}>
        <Button
          type="text"
          icon={<BellOutlined />}
          aria-label={`提醒（${items.length} 项）`}
          data-testid="reminder-bell"
        />
      </Badge>
    </Popover>
  );
}
