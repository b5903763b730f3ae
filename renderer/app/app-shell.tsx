/** antd in Chinese with the office theme, the message/modal context, the error boundary and the query cache. */
import type { ReactNode } from 'react';
import { App as AntApp, ConfigProvider, type ThemeConfig } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { ErrorBoundary } from './error-boundary';
import { QueryProvider } from './query-client';

dayjs.locale('zh-cn');

/**
 * Red is the primary colour (buttons, the selected menu item), but a focused field must not
 * look like an error: inputs, selects and pickers take a neutral blue focus ring and border.
 */
export const FOCUS_BLUE = '#1f5fbf';
const FOCUS = {
  activeBorderColor: FOCUS_BLUE,
  hoverBorderColor: '#5b84c4',
  activeShadow: '0 0 0 2px rgba(31, 95, 191, 0.15)',
};
export const THEME = {
  token: { colorPrimary: '#b3261e', borderRadius: 4, fontSize: 14, controlOutline: 'rgba(31, 95, 191, 0.15)' },
  components: {
    Layout: { siderBg: '#ffffff', headerHeight: 56 },
    Input: FOCUS,
    InputNumber: FOCUS,
    DatePicker: FOCUS,
    Select: {
      activeBorderColor: FOCUS_BLUE,
      hoverBorderColor: FOCUS.hoverBorderColor,
      activeOutlineColor: 'rgba(31, 95, 191, 0.15)',
    },
  },
} satisfies ThemeConfig;

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
        <ErrorBoundary>
          <QueryProvider>{children}</QueryProvider>
        </ErrorBoundary>
      </AntApp>
    </ConfigProvider>
  );
}
