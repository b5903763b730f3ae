/**
 * The liaison's identity, to print and file with the supervising office: name, office, the
 * key that signs every spot-check receipt, and the `allowed_signers` line with which anyone
 * checks a receipt using `ssh-keygen -Y verify -n dangjian-logbook-receipt`.
 */
import { Button, Card, Descriptions, Typography } from 'antd';
import { PrinterOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import type { LiaisonView } from '../../db/contract';

export const MONO = {
  fontFamily: 'ui-monospace, SFMono-Regular, Consolas, "Courier New", monospace',
  wordBreak: 'break-all' as const,
};

export function LiaisonIdentityCard({ liaison }: { liaison: LiaisonView }) {
  return (
    <Card
      className="print-sheet"
      data-testid="liaison-identity"
      title="党建联络员签名密钥（备案用）"
      extra={
        <Button
          className="no-print"
          icon={<PrinterOutlined />}
          onClick={() => window.print()}
          data-testid="print-liaison-fingerprint"
        >
          打印
        </Button>
      }
    >
      <Typography.Paragraph>
        您出具的每一份抽查回执都由下列密钥签名。请将本页打印，签字后报主管党组织备案；学会和其他联络员据此核对回执确为您所出具。
      </Typography.Paragraph>
      <Descriptions
        column={1}
        bordered
        size="small"
        items={[
          { key: 'name', label: '党建联络员', children: <span data-testid="liaison-name">{liaison.name}</span> },
          { key: 'office', label: '工作单位', children: liaison.office },
          { key: 'book', label: '联络员记录本编号', children: <span style={MONO}>{liaison.bookId}</span> },
          { key: 'created', label: '设立时间', children: dayjs(liaison.createdAt).format('YYYY年M月D日 HH:mm') },
          {
            key: 'keyId',
            label: '密钥指纹',
            children: (
              <Typography.Text copyable style={MONO} data-testid="liaison-key-id">
                {liaison.keyId}
              </Typography.Text>
            ),
          },
          {
            key: 'pub',
            label: '公钥',
            children: (
              <Typography.Text copyable style={MONO}>
                {liaison.publicKey}
              </Typography.Text>
            ),
          },
          {
            key: 'signers',
            label: '回执验证行（ssh-keygen 用）',
            children: (
              <Typography.Text copyable style={MONO} data-testid="liaison-allowed-signers">
                {liaison.allowedSigners}
              </Typography.Text>
            ),
          },
        ]}
      />
      <div className="print-only" style={{ marginTop: 48 }}>
        <p>
          党建联络员（签字）：____________________{'\u3000'}
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
