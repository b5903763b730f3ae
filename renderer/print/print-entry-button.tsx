/** The entry view's 打印 button: opens the 打印 page with this entry's pages. */
import { Button } from 'antd';
import { PrinterOutlined } from '@ant-design/icons';
import { navigate } from '../app/routes';

export function PrintEntryButton({ seq }: { seq: number }) {
  return (
    <Button
      size="small"
      icon={<PrinterOutlined />}
      data-testid="print-entry-button"
      onClick={() => navigate({ page: 'print', choice: { kind: 'seqs', seqs: [seq] } })}
    >
      打印
    </Button>
  );
}
