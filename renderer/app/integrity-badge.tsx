/**
 * Always visible: exactly what has been checked. Every open runs the quick check (head and
 * signed checkpoints, milliseconds) and then the full verify of every entry in the
 * background; the badge says which of the two it reports ("快速检查通过 · 完整校验中 43%",
 * "完整校验通过（16 条，0.4 秒）") or the problem. A failure remembered from an earlier
 * verify keeps saying so. The button runs the full verify again.
 */
import { useCallback, useEffect, useState } from 'react';
import { App, Button, Popover, Space, Tag, Typography } from 'antd';
import {
  CheckCircleOutlined,
  ExclamationCircleOutlined,
  LoadingOutlined,
  SafetyCertificateOutlined,
} from '@ant-design/icons';
import dayjs from 'dayjs';
import type { BookStatus, VerifyView } from '../../db/contract';
import { useApi } from '../api-context';
import { errorMessage } from '../api';
import { useBook } from './book-context';
import { VERIFY_REQUEST_EVENT } from './menu-commands';

function seconds(ms: number): string {
  return ms < 100 ? `${(ms / 1000).toFixed(2)} 秒` : `${(ms / 1000).toFixed(1)} 秒`;
}

export type BadgeState = 'unknown' | 'running' | 'ok' | 'problem';

/** The badge's words and state for a status: one place decides what the screen claims. */
export function describeIntegrity(status: BookStatus | null, running: boolean): { state: BadgeState; text: string } {
  if (!status) return { state: 'unknown', text: '读取中' };
  const v = status.verification;
  const full = v.state === 'done' ? v.report : undefined;
  if (status.alarm || (full && !full.ok)) {
    const seq = (full?.problems[0] ?? status.alarm?.problems[0])?.seq;
    return { state: 'problem', text: seq !== undefined ? `校验未通过（第 ${seq} 条）` : '校验未通过' };
  }
  if (!status.integrity.ok) return { state: 'problem', text: '快速检查发现问题' };
  if (running || v.state !== 'done') {
    const percent = v.total > 0 ? Math.min(99, Math.floor((v.done / v.total) * 100)) : 0;
    return { state: 'running', text: `快速检查通过 · 完整校验中 ${percent}%` };
  }
  const checked = full?.size ?? status.size;
  // Entries sealed since by this app are proven on every read, but the full verify did not see them: say so.
  const since = status.size > checked ? ` · 其后新增 ${status.size - checked} 条` : '';
  return { state: 'ok', text: `完整校验通过（${checked} 条，${seconds(full?.ms ?? 0)}）${since}` };
}

function ProblemList({ view }: { view: VerifyView }) {
  return (
    <ul data-testid="integrity-problems" style={{ paddingLeft: 18, margin: '0 0 8px' }}>
      {view.problems.map((p, i) => (
        <li key={`${p.code}-${i}`}>
          {p.seq !== undefined && !p.message.includes(`第 ${p.seq} 条`) ? `第 ${p.seq} 条：` : ''}
          {p.message}
        </li>
      ))}
    </ul>
  );
}

export function IntegrityBadge() {
  const api = useApi();
  const { message } = App.useApp();
  const { bookId, status, statusError, refresh } = useBook();
  const [running, setRunning] = useState(false);

  const runVerify = useCallback(() => {
    setRunning(true);
    api['books.verify']({ bookId })
      .then(
        (view) => {
          if (view.ok) message.success(`完整校验通过：共 ${view.size} 条记录，用时 ${seconds(view.ms)}`);
          else message.error('完整校验发现问题，记录本已设为只读，请查看详情');
        },
        (error: unknown) => {
          message.error(errorMessage(error));
        },
      )
      .finally(() => {
        setRunning(false);
        void refresh();
      });
  }, [api, bookId, message, refresh]);

  // The application menu's 校验记录本 asks for the same full verify.
  useEffect(() => {
    window.addEventListener(VERIFY_REQUEST_EVENT, runVerify);
    return () => window.removeEventListener(VERIFY_REQUEST_EVENT, runVerify);
  }, [runVerify]);

  const { state, text } = describeIntegrity(status, running);
  const icon =
    state === 'running' || state === 'unknown' ? (
      <LoadingOutlined />
    ) : state === 'ok' ? (
      <CheckCircleOutlined />
    ) : (
      <ExclamationCircleOutlined />
    );
  const color =
    state === 'running' ? 'processing' : state === 'ok' ? 'success' : state === 'problem' ? 'error' : 'default';
  const tag =
    statusError && !status ? (
      <Tag color="default" icon={<ExclamationCircleOutlined />}>
        状态未知
      </Tag>
    ) : (
      <Tag color={color} icon={icon}>
        {text}
      </Tag>
    );

  const v = status?.verification;
  const full = v?.state === 'done' ? v.report : undefined;
  const details = (
    <div style={{ maxWidth: 400 }}>
      {statusError && <Typography.Paragraph type="danger">{statusError}</Typography.Paragraph>}
      {status && (
        <>
          {!full && (
            <Typography.Paragraph style={{ marginBottom: 8 }}>
              {status.integrity.ok ? '快速检查：最新记录与签名检查点一致（打开时完成）。' : '快速检查未通过：'}
            </Typography.Paragraph>
          )}
          {!full && !status.integrity.ok && <ProblemList view={status.integrity} />}
          <Typography.Paragraph style={{ marginBottom: 8 }}>
            {!full &&
              `完整校验：正在逐条核对每条记录的内容、哈希链和默克尔树（${v?.done ?? 0} / ${v?.total ?? 0} 条）。`}
            {full?.ok && `完整校验：全部 ${full.size} 条记录的内容、哈希链、默克尔树和签名均一致，未发现改动。`}
            {full && !full.ok && '完整校验发现问题：'}
          </Typography.Paragraph>
          {full && !full.ok && <ProblemList view={full} />}
          {full?.ok && status.size > full.size && (
            <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
              此后本机又封存了 {status.size - full.size} 条：由本程序写入并签名，每次读取时逐条证明。
            </Typography.Paragraph>
          )}
          {status.alarm && (
            <Typography.Paragraph type="danger" data-testid="integrity-alarm" style={{ marginBottom: 8 }}>
              {dayjs(status.alarm.at).isValid() ? dayjs(status.alarm.at).format('YYYY-MM-DD HH:mm') : status.alarm.at}
              的完整校验发现这本记录本被改动。记录本保持只读，直到从经过校验的备份恢复；当前文件请保留作为证据。
            </Typography.Paragraph>
          )}
          {full && (
            <Typography.Text type="secondary">
              完整校验于 {dayjs(full.checkedAt).format('YYYY-MM-DD HH:mm:ss')}，
              {full.ok ? `共 ${full.size} 条记录` : '在发现的第一个问题处停止'}，用时 {seconds(full.ms)}
            </Typography.Text>
          )}
        </>
      )}
    </div>
  );

  return (
    <Space size={4} data-testid="integrity-badge" data-state={statusError && !status ? 'unknown' : state}>
      <Popover title="完整性" content={details} trigger={['hover', 'click']}>
        <span role="status" aria-label="完整性状态" aria-live="polite" style={{ cursor: 'pointer' }}>
          {tag}
        </span>
      </Popover>
      <Button
        size="small"
        icon={<SafetyCertificateOutlined />}
        loading={running}
        disabled={v !== undefined && v.state !== 'done'}
        onClick={runVerify}
        data-testid="verify-button"
      >
        完整校验
      </Button>
    </Space>
  );
}
