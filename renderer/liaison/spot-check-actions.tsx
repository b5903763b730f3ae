/**
 * What follows a sealed spot check: print its report (print.pages of the spot-check entry in
 * the liaison's own book) and export the signed receipt for the society.
 */
import { useState } from 'react';
import { App, Button, Space } from 'antd';
import { DownloadOutlined, PrinterOutlined } from '@ant-design/icons';
import { useApi } from '../api-context';
import { errorMessage } from '../api';
import { useBook } from '../app/book-context';
import { navigate } from '../app/routes';
import { saveServiceFile } from './save-file';

export function SpotCheckActions({ liaisonBookId, liaisonSeq }: { liaisonBookId: string; liaisonSeq: number }) {
  const api = useApi();
  const { message } = App.useApp();
  const { selectBook } = useBook();
  const [busy, setBusy] = useState(false);
  const exportReceipt = async () => {
    setBusy(true);
    try {
      const file = await api['receipts.export']({ liaisonSeq });
      saveServiceFile(file);
      void message.success(`抽查回执已导出：${file.fileName}`);
    } catch (e) {
      void message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Space wrap>
      <Button
        icon={<PrinterOutlined />}
        data-testid="spot-print-report"
        onClick={() => {
          selectBook(liaisonBookId);
          navigate({ page: 'print', choice: { kind: 'seqs', seqs: [liaisonSeq] } });
        }}
      >
        打印抽查报告
      </Button>
      <Button
        type="primary"
        icon={<DownloadOutlined />}
        loading={busy}
        onClick={() => void exportReceipt()}
        data-testid="spot-export-receipt"
      >
        导出签名回执
      </Button>
    </Space>
  );
}
