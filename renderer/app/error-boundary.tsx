/** Catches render errors so one broken page never blanks the whole window. */
import { Component, type ErrorInfo, type ReactNode } from 'react';
import { Button, Result } from 'antd';

interface State {
  failed: boolean;
}

export class ErrorBoundary extends Component<{ children: ReactNode; resetKey?: unknown }, State> {
  override state: State = { failed: false };

  static getDerivedStateFromError(): State {
    return { failed: true };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    // Local console only: the renderer has no network to report to, and that is intended.
    console.error('界面错误', error, info.componentStack);
  }

  override componentDidUpdate(prev: { resetKey?: unknown }): void {
    // Navigating elsewhere gives the user a fresh page instead of a stuck error.
    if (this.state.failed && prev.resetKey !== this.props.resetKey) this.setState({ failed: false });
  }

  override render(): ReactNode {
    if (!this.state.failed) return this.props.children;
    return (
      <Result
        status="error"
        title="页面出现错误"
        subTitle="这一页没能正常显示。已封存的记录不受影响，未封存的草稿保存在本机。可以重试，或刷新窗口。"
        extra={[
          <Button key="retry" type="primary" onClick={() => this.setState({ failed: false })}>
            重试
          </Button>,
          <Button key="reload" onClick={() => window.location.reload()}>
            刷新窗口
          </Button>,
        ]}
      />
    );
  }
}
