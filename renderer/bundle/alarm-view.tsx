/**
 * A rollback / fork / key alarm: the checkpoint this computer verified and pinned before and
 * the one the refused bundle carries, side by side (size, root, time, signing key, signature).
 */
import { Alert, Button, Card, Table, Tag, Typography } from 'antd';
import { navigate } from '../app/routes';
import dayjs from 'dayjs';
import type { BundleAlarmView, CheckpointSideView } from '../../db/contract';

const mono = {
  fontFamily: 'ui-monospace, SFMono-Regular, Consolas, "Courier New", monospace',
  wordBreak: 'break-all' as const,
  fontSize: 12,
};

const ROWS: { key: keyof CheckpointSideView; label: string; show: (v: CheckpointSideView) => string }[] = [
  { key: 'size', label: '记录条数', show: (v) => `${v.size} 条` },
  { key: 'root', label: '默克尔树根', show: (v) => v.root },
  { key: 'time', label: '检查点签署时间', show: (v) => dayjs(v.time).format('YYYY-MM-DD HH:mm:ss') },
  { key: 'keyId', label: '签名密钥指纹', show: (v) => v.keyId },
  { key: 'signature', label: '检查点签名', show: (v) => v.signature },
];

/**
 * `evidenceLink` (default on): a link to the evidence view (renderer/liaison/evidence-page.tsx);
 * `onOpenEvidence` runs before it opens (a dialog closes itself).
 */
export function AlarmView({
  alarm,
  evidenceLink = true,
  onOpenEvidence,
}: {
  alarm: BundleAlarmView;
  evidenceLink?: boolean;
  onOpenEvidence?: () => void;
}) {
  // A checked-history alarm compares the bundle with a liaison's signed receipt, not with a pin.
  const receipt = alarm.kind === 'checked-history';
  const rows = ROWS.map((r) => {
    const pinned = r.show(alarm.pinned);
    const found = alarm.found ? r.show(alarm.found) : '—';
    return { key: r.key, label: r.label, pinned, found, differs: pinned !== found };
  });
  return (
    <Card
      size="small"
      data-testid="bundle-alarm"
      title={
        <>
          <Tag color="red">{alarm.kindLabel}</Tag>记录本 {alarm.bookId}
        </>
      }
      extra={
        evidenceLink && (
          <Button
            size="small"
            data-testid="alarm-evidence-link"
            onClick={() => {
              onOpenEvidence?.();
              navigate({ page: 'evidence', alarmId: alarm.id });
            }}
          >
            查看证据与分歧记录
          </Button>
        )
      }
    >
      <Alert type="error" showIcon title={alarm.message} style={{ marginBottom: 12 }} />
      <Table
        size="small"
        pagination={false}
        data-testid="bundle-alarm-checkpoints"
        dataSource={rows}
        columns={[
          { title: '项目', dataIndex: 'label', width: 130 },
          {
            title: receipt ? '联络员回执确认的状态' : '本机上次核验并固定的检查点',
            dataIndex: 'pinned',
            render: (v: string, r) => (
              <span style={mono} className={r.differs ? 'alarm-differs' : undefined}>
                {v}
              </span>
            ),
          },
          {
            title: '本次数据包中的检查点',
            dataIndex: 'found',
            render: (v: string, r) => <span style={{ ...mono, color: r.differs ? '#cf1322' : undefined }}>{v}</span>,
          },
        ]}
      />
      <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
        {receipt ? '回执有联络员密钥的签名，数据包检查点有记录本密钥的签名，' : '两份检查点都有记录本密钥的签名，'}
        已作为证据保存在本机（{dayjs(alarm.at).format('YYYY-MM-DD HH:mm')}）
        {alarm.evidenceFile ? `，数据包副本：evidence/${alarm.evidenceFile}` : ''}
        。数据包没有导入，也不会与本机的记录合并。
      </Typography.Paragraph>
    </Card>
  );
}
