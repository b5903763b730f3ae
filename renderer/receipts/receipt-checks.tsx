/** The receipts a bundle was checked against on import (carried in it, or known here), one line each. */
import { Space, Tag, Typography } from 'antd';
import type { ReceiptCheckView } from '../../db/contract';
import { VERDICT_COLOR } from './receipt-verdict';

const SOURCE = { carried: '数据包携带的回执', known: '本机已知的回执' } as const;

export function ReceiptChecks({ receipts }: { receipts: readonly ReceiptCheckView[] }) {
  if (receipts.length === 0) return null;
  return (
    <div data-testid="bundle-receipts" style={{ marginTop: 12 }}>
      <Typography.Text strong>抽查回执核对</Typography.Text>
      <ul style={{ margin: '4px 0 0', paddingLeft: 18 }}>
        {receipts.map((r, i) => (
          <li key={`${r.source}-${i}`} data-state={r.state}>
            <Space size={4} wrap>
              <Tag color={VERDICT_COLOR[r.state]}>{r.state === 'consistent' ? '一致' : '不一致'}</Tag>
              <Typography.Text type="secondary">{SOURCE[r.source]}：</Typography.Text>
              <span>{r.text}</span>
            </Space>
          </li>
        ))}
      </ul>
    </div>
  );
}
