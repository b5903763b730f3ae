/**
 * The window's frame: sidebar, header (book picker, new-entry menu, integrity badge),
 * the read-only banner and the current page.
 */
import { useCallback, useState } from 'react';
import { Alert, Tag, Button, Dropdown, Layout, Menu, Select, Space, Typography } from 'antd';
import {
  AuditOutlined,
  BookOutlined,
  DownOutlined,
  EditOutlined,
  KeyOutlined,
  PlusOutlined,
  QuestionCircleOutlined,
  TeamOutlined,
  PrinterOutlined,
  ScanOutlined,
} from '@ant-design/icons';
import { LIAISON_MENU, isLiaisonRoute, useLiaisonLanding } from '../liaison/menu';
import { useBook } from './book-context';
import { IntegrityBadge } from './integrity-badge';
import { navigate, useRoute, type Route } from './routes';
import { useShortcuts } from './use-shortcuts';
import { useMenuCommands } from './menu-commands';
import { ShortcutsHelp } from './shortcuts-help';
import { GlobalSearch } from '../search/global-search';
import { ReminderBell } from '../reminders/reminder-bell';
import { ErrorBoundary } from './error-boundary';
import { PageRouter } from './page-router';
import { NEW_ENTRY_TITLES } from './labels';
import type { DraftKind } from '../drafts';
import { DemoBanner, DemoTag, useWindowTitle } from '../demo/demo-marks';

const { Sider, Header, Content } = Layout;

const MENU = [
  { key: 'timeline', icon: <BookOutlined />, label: '记录本 / 时间线' },
  { key: 'members', icon: <TeamOutlined />, label: '成员' },
  { key: 'ledger', icon: <AuditOutlined />, label: '年度台账' },
  { key: 'drafts', icon: <EditOutlined />, label: '草稿' },
  { key: 'settings', icon: <KeyOutlined />, label: '设置与密钥' },
  { key: 'print', icon: <PrinterOutlined />, label: '打印' },
  { key: 'check', icon: <ScanOutlined />, label: '核对纸质页' },
];

/** Pages of an organisation's book that the liaison's own book (spot checks only) has nothing for. */
const RECORDER_ONLY = new Set(['members', 'ledger', 'drafts']);

function menuKey(route: Route): string {
  if (isLiaisonRoute(route)) return route.page === 'spot-check' || route.page === 'evidence' ? 'workspace' : route.page;
  if (route.page === 'entry') return 'timeline';
  if (route.page === 'new' || route.page === 'draft') return 'drafts';
  return route.page;
}

/** `onLeaveDemo`: back to the first-run screen or the real book (from the demo book's banner). */
export function Frame({ onLeaveDemo }: { onLeaveDemo: () => void }) {
  const route = useRoute();
  const { books, bookId, status, readOnly, selectBook } = useBook();
  const [helpOpen, setHelpOpen] = useState(false);
  const showHelp = useCallback(() => setHelpOpen(true), []);
  useShortcuts({ canWrite: !readOnly && !books.find((b) => b.bookId === bookId)?.liaison, current: route, showHelp });
  useMenuCommands(showHelp);
  const current = books.find((b) => b.bookId === bookId);
  const title = status?.orgName ?? current?.orgName ?? status?.name ?? current?.name ?? '记录本';
  const demo = current?.demo === true || status?.demo === true;
  useWindowTitle(demo);
  // The liaison's own book holds spot checks only: nothing is written into it by hand.
  const liaisonBook = current?.liaison === true;
  useLiaisonLanding(books, route);

  const newItems = (Object.keys(NEW_ENTRY_TITLES) as DraftKind[]).map((kind) => ({
    key: kind,
    label: kind === 'meeting' ? `${NEW_ENTRY_TITLES[kind]}（Ctrl+N）` : NEW_ENTRY_TITLES[kind],
  }));

  return (
    <Layout style={{ minHeight: '100vh' }} className="logbook-frame">
      <Sider
        width={208}
        theme="light"
        breakpoint="lg"
        collapsedWidth={56}
        className="no-print"
        style={{ borderRight: '1px solid #f0f0f0' }}
      >
        <div style={{ padding: '16px 16px 8px', fontWeight: 600, fontSize: 15 }}>党建工作记录本</div>
        <Menu
          mode="inline"
          selectedKeys={[menuKey(route)]}
          items={[...(liaisonBook ? MENU.filter((m) => !RECORDER_ONLY.has(m.key)) : MENU), ...LIAISON_MENU]}
          onClick={({ key }) => navigate({ page: key } as Route)}
          aria-label="主导航"
          data-testid="main-nav"
        />
      </Sider>
      <Layout>
        <Header
          className="no-print"
          style={{
            background: '#fff',
            padding: '0 20px',
            borderBottom: '1px solid #f0f0f0',
            display: 'flex',
            alignItems: 'center',
            gap: 16,
          }}
        >
          {demo && <DemoTag />}
          <Typography.Text strong ellipsis style={{ flex: 1, minWidth: 0 }} data-testid="book-title">
            {title}
          </Typography.Text>
          {(status?.imported ?? current?.imported) && (
            <Tag color="blue" data-testid="imported-tag">
              导入的记录本 · 只读
            </Tag>
          )}
          {books.length > 1 && (
            <Select
              aria-label="选择记录本"
              data-testid="book-picker"
              value={bookId}
              style={{ width: 240 }}
              onChange={selectBook}
              options={books.map((b) => ({
                value: b.bookId,
                label: `${b.demo ? '【示例】' : ''}${b.liaison ? '【联络员】' : ''}${b.orgName ?? b.name}（${b.size} 条）${b.imported ? ' · 导入的记录本 · 只读' : ''}`,
              }))}
            />
          )}
          <GlobalSearch />
          <Space>
            <Dropdown
              disabled={readOnly || liaisonBook}
              menu={{ items: newItems, onClick: ({ key }) => navigate({ page: 'new', kind: key as DraftKind }) }}
            >
              <Button type="primary" icon={<PlusOutlined />} data-testid="new-entry-menu">
                新建记录 <DownOutlined />
              </Button>
            </Dropdown>
            {/* Reminders are the recorder's to-do list: none for a copy or the liaison's own book. */}
            {!readOnly && !liaisonBook && <ReminderBell />}
            <IntegrityBadge />
            <Button type="text" icon={<QuestionCircleOutlined />} aria-label="键盘快捷键（F1）" onClick={showHelp} />
          </Space>
        </Header>
        {demo && <DemoBanner onLeave={onLeaveDemo} />}
        {readOnly && (
          <Alert
            banner
            type="warning"
            data-testid="readonly-banner"
            title={`本记录本为只读：不能新建、封存或更正记录。${status?.reason ?? current?.reason ?? ''}`}
          />
        )}
        <Content style={{ padding: 20, background: '#f5f6f8' }}>
          <ErrorBoundary resetKey={JSON.stringify(route)}>
            <PageRouter route={route} />
          </ErrorBoundary>
        </Content>
      </Layout>
      <ShortcutsHelp open={helpOpen} onClose={() => setHelpOpen(false)} />
    </Layout>
  );
}
