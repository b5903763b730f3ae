/**
 * 证据: a rollback / fork / checked-history alarm with both signed checkpoints (the alarm
 * view) and the entries where the kept bundle leaves what this computer verified before,
 * exportable as an evidence package (zip) for the supervising office.
 */
import { useState } from 'react';
import { Alert, App, Button, Card, Col, Row, Space, Spin, Table, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import type { EvidenceEntryView } from '../../db/contract';
import { useApi } from '../api-context';
import { errorMessage } from '../api';
import { errorText, useServiceQuery } from '../app/service-query';
import { AlarmView } from '../bundle/alarm-view';
import { MONO } from './identity-card';
import { saveServiceFile } from './save-file';

function EntriesTable({ title, rows, testId }: { title: string; rows: EvidenceEntryView[]; testId: string }) {
  return (
    <Card size="small" title={title} data-testid={testId}>
      <Table<EvidenceEntryView>
        size="small"
        rowKey="seq"
        pagination={false}
        dataSource={rows}
        locale={{ emptyText: '（无）' }}
        columns={[
          { title: '序号', dataIndex: 'seq', width: 64 },
          { title: '类型', dataIndex: 'kindLabel', width: 100 },
          { title: '标题', dataIndex: 'title' },
          {
            title: '哈希',
            dataIndex: 'hash',
            width: 150,
            render: (h: string) => <span style={{ ...MONO, fontSize: 12 }}>{h.slice(0, 16)}…</span>,
          },
        ]}
      />
    </Card>
  );
}

export function EvidencePage({ alarmId }: { alarmId: number }) {
  const api = useApi();
  const { message } = App.useApp();
  const evidence = useServiceQuery('evidence.get', { alarmId });
  const [busy, setBusy] = useState(false);
  const exportPackage = async () => {
    setBusy(true);
    try {
      const file = await api['evidence.export']({ alarmId });
      saveServiceFile(file);
      void message.success(`证据包已导出：${file.fileName}`);
    } catch (e) {
      void message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  if (evidence.isLoading) return <Spin />;
  if (!evidence.data) return <Alert type="error" showIcon title={errorText(evidence.error) ?? '找不到该警报'} />;
  const { alarm, divergence } = evidence.data;
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="evidence-page">
      <Card
        title="警报证据"
        extra={
          <Button
            type="primary"
            icon={<DownloadOutlined />}
            loading={busy}
            onClick={() => void exportPackage()}
            data-testid="evidence-export"
          >
            导出证据包
          </Button>
        }
      >
        <Typography.Paragraph>
          证据包含两份签名检查点、保存的数据包副本、分歧的记录（JSON）和中英文说明，可交主管党组织核查；任何人可用
          ssh-keygen 独立核验签名。
        </Typography.Paragraph>
        <AlarmView alarm={alarm} evidenceLink={false} />
      </Card>
      {divergence ? (
        <>
          <Alert
            type="error"
            showIcon
            data-testid="evidence-divergence"
            title={`两份记录从第 ${divergence.firstSeq} 条起不同`}
          />
          <Row gutter={16}>
            <Col span={12}>
              <EntriesTable title="本机此前核验的记录" rows={divergence.pinned} testId="evidence-pinned" />
            </Col>
            <Col span={12}>
              <EntriesTable title="本次数据包中的记录" rows={divergence.found} testId="evidence-found" />
            </Col>
          </Row>
        </>
      ) : (
        <Alert type="info" showIcon title="该警报没有可对照的分歧记录（例如密钥警报）。" />
      )}
    </Space>
  );
}
