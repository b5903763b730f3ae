/** antd in Chinese with the office theme, the message/modal context, the error boundary and the query cache. */
import type { ReactNode } from 'react';
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { ErrorBoundary } from './error-boundary';
import { QueryProvider } from './query-client';

dayjs.locale('zh-cn');

const THEME = {
  token: { colorPrimary: '#b3261e', borderRadius: 4, fontSize: 14 },
  components: { Layout: { siderBg: '#ffffff', headerHeight: 56 } },
};

/**
 * Toasts (App.message) appear at the top of the window; a banner scrolled to the top (the
 * editor's "封存没有完成" after a refused seal) keeps this much room above it so a toast
 * shown at the same moment never covers it.
 */
export const MESSAGE_TOP = 12;
export const TOAST_CLEARANCE = MESSAGE_TOP + 56;

export function AppShell({ children }: { children: ReactNode }) {
  return (
    <ConfigProvider locale={zhCN} theme={THEME}>
      <AntApp message={{ top: MESSAGE_TOP, maxCount: 3 }}>
        <ErrorBoundary><QueryProvider>{children}</QueryProvider></ErrorBoundary>
      </AntApp>
    </ConfigProvider>
  );
}

