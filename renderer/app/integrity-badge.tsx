/**
 * Always visible: whether the book's chain and signed checkpoint check out. The status call
 * does a quick check on open; the button runs the full verify (every entry's hash).
 */
import { useCallback, useEffect, useState } from 'react';
import { App, Button, Popover, Space, Tag, Typography } from 'antd';
import { CheckCircleOutlined, ExclamationCircleOutlined, LoadingOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useApi } from '../api-context';
import { errorMessage } from '../api';
import { useBook } from './book-context';
import { VERIFY_REQUEST_EVENT } from './menu-commands';

export function IntegrityBadge() {
  const api = useApi();
  const { message } = App.useApp();
  const { bookId, status, statusError, setIntegrity } = useBook();
  const [running, setRunning] = useState(false);

  const runVerify = useCallback(() => {
    setRunning(true);
    api['books.verify']({ bookId }).then(
      (view) => {
        setIntegrity(view);
        if (view.ok) message.success(`完整校验通过：共 ${view.size} 条记录，用时 ${(view.ms / 1000).toFixed(1)} 秒`);
        else message.error('完整校验发现问题，请查看详情');
      },
      (error: unknown) => { message.error(errorMessage(error)); },
    ).finally(() => setRunning(false));
  }, [api, bookId, setIntegrity, message]);

  // The application menu's 校验记录本 asks for the same full verify.
  useEffect(() => {
    window.addEventListener(VERIFY_REQUEST_EVENT, runVerify);
    return () => window.removeEventListener(VERIFY_REQUEST_EVENT, runVerify);
  }, [runVerify]);

  const integrity = status?.integrity;
  let tag;
  if (running) {
    tag = <Tag icon={<LoadingOutlined />} color="processing">正在校验…</Tag>;
  } else if (!integrity) {
    tag = statusError
      ? <Tag color="default" icon={<ExclamationCircleOutlined />}>状态未知</Tag>
      : <Tag color="default" icon={<LoadingOutlined />}>读取中</Tag>;
  } else if (integrity.ok) {
    tag = <Tag color="success" icon={<CheckCircleOutlined />}>已校验</Tag>;
  } else {
    tag = <Tag color="error" icon={<ExclamationCircleOutlined />}>发现问题</Tag>;
  }

  const details = (
    <div style={{ maxWidth: 380 }}>
      {statusError && <Typography.Paragraph type="danger">{statusError}</Typography.Paragraph>}
      {integrity && (
        <>
          <Typography.Paragraph style={{ marginBottom: 8 }}>
            {integrity.ok ? '记录链与签名检查点一致，未发现改动。' : '记录本的完整性检查未通过：'}
          </Typography.Paragraph>
          {!integrity.ok && (
            <ul data-testid="integrity-problems" style={{ paddingLeft: 18, margin: '0 0 8px' }}>
              {integrity.problems.map((p, i) => (
                <li key={`${p.code}-${i}`}>
                  {p.seq !== undefined ? `第 ${p.seq} 条：` : ''}{p.message}
                </li>
              ))}
            </ul>
          )}
          <Typography.Text type="secondary">
            {integrity.full ? '完整校验' : '快速检查'}于 {dayjs(integrity.checkedAt).format('YYYY-MM-DD HH:mm:ss')}，共 {integrity.size} 条记录
          </Typography.Text>
        </>
      )}
    </div>
  );

  return (
    <Space size={4} data-testid="integrity-badge" data-state={running ? 'running' : integrity ? (integrity.ok ? 'ok' : 'problem') : 'unknown'}>
      <Popover title="完整性" content={details} trigger={['hover', 'click']}>
        <span role="status" aria-label="完整性状态" style={{ cursor: 'pointer' }}>{tag}</span>
      </Popover>
      <Button
        size="small"
        icon={<SafetyCertificateOutlined />}
        loading={running}
        onClick={runVerify}
        data-testid="verify-button"
      >
        完整校验
      </Button>
    </Space>
  );
}
