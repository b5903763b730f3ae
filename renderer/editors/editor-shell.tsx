/**
 * The frame every editor shares: title, autosave status, the problems banner, the form,
 * an optional side panel (meeting rules), and the 取消 / 封存 buttons.
 */
import { useEffect, useRef, type ReactNode } from 'react';
import { Alert, Button, Flex, Form, Spin, Typography, type FormProps } from 'antd';
import { LockOutlined, SaveOutlined } from '@ant-design/icons';
import { TOAST_CLEARANCE } from '../app/app-shell';
import type { ShownError } from './api-error';
import type { Problem } from './form-values';

export interface EditorShellProps {
  title: string;
  loading: boolean;
  statusText: string;
  draftError: string | null;
  problems: Problem[];
  serverError: ShownError | null;
  onDismissServerError: () => void;
  onSave: () => void;
  onSeal: () => void;
  onCancel: () => void;
  sealBusy: boolean;
  /** Changes when sealing stopped on a problem: the banners are scrolled into view. */
  stops: number;
  side?: ReactNode;
  /** The editor's antd Form over its draft (use-draft-form.ts). */
  formProps: FormProps;
  children: ReactNode;
}

export function EditorShell(props: EditorShellProps) {
  const { title, loading, statusText, draftError, problems, serverError, side, children, stops } = props;
  const banners = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (stops > 0) banners.current?.scrollIntoView?.({ block: 'start', behavior: 'smooth' });
  }, [stops]);
  if (loading) {
    return (
      <Spin description="正在读取草稿…" size="large">
        <div style={{ minHeight: 200 }} />
      </Spin>
    );
  }
  return (
    <Flex vertical gap={16}>
      <Flex align="center" justify="space-between" wrap gap={8}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {title}
        </Typography.Title>
        <Flex align="center" gap={8} wrap>
          <Typography.Text type={draftError ? 'danger' : 'secondary'} data-testid="draft-saved-at" aria-live="polite">
            {statusText || '草稿尚未保存'}
          </Typography.Text>
          <Button icon={<SaveOutlined />} onClick={props.onSave} title="立即保存草稿（Ctrl+S）">
            保存草稿
          </Button>
          <Button onClick={props.onCancel}>取消</Button>
          <Button
            type="primary"
            danger
            icon={<LockOutlined />}
            onClick={props.onSeal}
            loading={props.sealBusy}
            data-testid="seal-button"
            title="检查并封存（Ctrl+Enter）"
          >
            封存
          </Button>
        </Flex>
      </Flex>
      <Flex vertical gap={8} ref={banners} style={{ scrollMarginTop: TOAST_CLEARANCE }}>
        {serverError && (
          <Alert
            type="error"
            showIcon
            closable
            onClose={props.onDismissServerError}
            data-testid="seal-error"
            title="封存没有完成，草稿已保留"
            description={serverError.message}
          />
        )}
        {problems.length > 0 && (
          <Alert
            type="error"
            showIcon
            data-testid="form-problems"
            title={`还有 ${problems.length} 处需要修改，改正后才能封存`}
            description={
              <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                {problems.map((p, i) => (
                  <li key={`${p.key}-${i}`}>{p.label ? `${p.label}：${p.message}` : p.message}</li>
                ))}
              </ul>
            }
          />
        )}
      </Flex>
      <Flex gap={16} align="flex-start" wrap>
        <div style={{ flex: '1 1 560px', minWidth: 0 }}>
          <Form layout="vertical" component="div" {...props.formProps}>
            {children}
          </Form>
        </div>
        {side && <div style={{ flex: '0 1 340px', position: 'sticky', top: 16 }}>{side}</div>}
      </Flex>
    </Flex>
  );
}
