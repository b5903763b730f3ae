/**
 * The book key's fingerprint, to print and file with the supervising office (备案). With the
 * `allowed_signers` line anyone can check a bundle's signature using `ssh-keygen -Y verify`.
 */
import { Button, Card, Descriptions, Typography } from 'antd';
import { PrinterOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import type { BookStatus } from '../../db/contract';

const mono = {
  fontFamily: 'ui-monospace, SFMono-Regular, Consolas, "Courier New", monospace',
  wordBreak: 'break-all' as const,
};

export function KeyFingerprint({ status, orgName }: { status: BookStatus; orgName?: string }) {
  return (
    <Card
      className="print-sheet"
      data-testid="key-fingerprint"
      title="记录本密钥指纹（备案用）"
      extra={
        <Button
          className="no-print"
          icon={<PrinterOutlined />}
          onClick={() => window.print()}
          data-testid="print-fingerprint"
        >
          打印
        </Button>
      }
    >
      <Typography.Paragraph>
        本记录本的每一条记录都由下列密钥签名封存。请将本页打印，由党组织负责人签字后报主管党组织备案；党建联络员抽查时据此核对记录本的来源。
      </Typography.Paragraph>
      <Descriptions
        column={1}
        bordered
        size="small"
        items={[
          { key: 'org', label: '党组织', children: orgName ?? status.orgName ?? status.name },
          { key: 'book', label: '记录本编号', children: <span style={mono}>{status.bookId}</span> },
          { key: 'created', label: '创建时间', children: dayjs(status.createdAt).format('YYYY年M月D日 HH:mm') },
          {
            key: 'keyId',
            label: '密钥指纹',
            children: (
              <Typography.Text copyable style={mono} data-testid="key-id">
                {status.keyId}
              </Typography.Text>
            ),
          },
          {
            key: 'pub',
            label: '公钥',
            children: (
              <Typography.Text copyable style={mono}>
                {status.publicKey}
              </Typography.Text>
            ),
          },
          {
            key: 'signers',
            label: '签名验证行（ssh-keygen 用）',
            children: (
              <Typography.Text copyable style={mono} data-testid="allowed-signers">
                {status.allowedSigners}
              </Typography.Text>
            ),
          },
        ]}
      />
      <div className="print-only" style={{ marginTop: 48 }}>
        <p>
          党组织负责人（签字）：____________________{'\u3000'}
          {'\u3000'}日期：____________
        </p>
        <p>
          主管党组织备案（盖章）：____________________{'\u3000'}
          {'\u3000'}日期：____________
        </p>
      </div>
    </Card>
  );
}
