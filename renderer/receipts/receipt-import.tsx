/**
 * 导入抽查回执: the society loads the liaison's signed receipt (a small JSON file) into its own
 * book. The service checks the signature and that the receipt is of this book and consistent
 * with its history before sealing it as 收到抽查回执.
 */
import { useState } from 'react';
import { Alert, Button, Space } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { MAX_RECEIPT_TEXT } from '../../db/contract';
import { useApi } from '../api-context';
import { errorMessage } from '../api';
import { useJsonFilePicker } from '../app/use-json-file-picker';
import { useRequestId } from '../app/use-request-id';
import { readTextFile } from './read-text-file';

export function ReceiptImport({ bookId, onImported }: { bookId: string; onImported: () => void }) {
  const api = useApi();
  const { requestId, renew } = useRequestId();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);

  const load = async (file: File) => {
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      const text = await readTextFile(file, MAX_RECEIPT_TEXT, '回执文件过大（超过 64 KB），不是抽查回执');
      const result = await api['receipts.import']({ bookId, requestId, text });
      renew();
      setDone(`已作为第 ${result.seq} 条记录封存。${result.verdict}`);
      onImported();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  const { open, picker } = useJsonFilePicker(load, { testId: 'receipt-file-input', label: '选择抽查回执文件' });

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Button type="primary" icon={<UploadOutlined />} loading={busy} onClick={open} data-testid="receipt-import">
        导入抽查回执
      </Button>
      {picker}
      {done && <Alert type="success" showIcon title={done} data-testid="receipt-imported" />}
      {error && <Alert type="error" showIcon title={error} data-testid="receipt-import-error" />}
    </Space>
  );
}
