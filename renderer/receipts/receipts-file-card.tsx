/**
 * 回执汇总文件: the liaison exports every receipt issued (one book's or the whole workspace's)
 * as one signed file; another liaison or the supervising office loads it, and every imported
 * book here is checked against those receipts at once (a forger who dropped the receipt
 * entries from the society's book is found out this way).
 */
import { useState } from 'react';
import { Alert, App, Button, Card, Space, Table, Typography } from 'antd';
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { MAX_RECEIPTS_FILE_TEXT, type ReceiptsLoadView } from '../../db/contract';
import { useApi } from '../api-context';
import { errorMessage } from '../api';
import { useJsonFilePicker } from '../app/use-json-file-picker';
import { saveServiceFile } from '../liaison/save-file';
import { readTextFile } from './read-text-file';

export function ReceiptsFileCard({ canExport, bookId }: { canExport: boolean; bookId?: string }) {
  const api = useApi();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [busy, setBusy] = useState<'export' | 'load' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loaded, setLoaded] = useState<ReceiptsLoadView | null>(null);

  const exportFile = async () => {
    setBusy('export');
    setError(null);
    try {
      const file = await api['receipts.exportFile'](bookId ? { bookId } : {});
      saveServiceFile(file);
      void message.success(`回执汇总文件已导出（${file.count} 份回执）：${file.fileName}`);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(null);
    }
  };
  const load = async (file: File) => {
    setBusy('load');
    setError(null);
    setLoaded(null);
    try {
      const text = await readTextFile(file, MAX_RECEIPTS_FILE_TEXT, '回执汇总文件过大（超过 8 MB）');
      const view = await api['receipts.loadFile']({ text });
      setLoaded(view);
      void client.invalidateQueries();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(null);
    }
  };
  const { open, picker } = useJsonFilePicker(load, { testId: 'receipts-file-input', label: '选择回执汇总文件' });

  return (
    <Card title="回执汇总文件（供其他联络员和主管党组织核对）" data-testid="receipts-file-card" className="no-print">
      <Typography.Paragraph type="secondary">
        学会可能删去记录本中的回执条目。把您出具的全部回执导出为一份签名文件，交给其他联络员或主管党组织载入，他们导入的每个数据包都会与这些回执核对。
      </Typography.Paragraph>
      <Space wrap>
        {canExport && (
          <Button
            icon={<DownloadOutlined />}
            loading={busy === 'export'}
            onClick={() => void exportFile()}
            data-testid="receipts-file-export"
          >
            {bookId ? '导出本记录本的回执' : '导出全部回执'}
          </Button>
        )}
        <Button icon={<UploadOutlined />} loading={busy === 'load'} onClick={open} data-testid="receipts-file-load">
          载入回执汇总文件
        </Button>
        {picker}
      </Space>
      {error && (
        <Alert type="error" showIcon title={error} style={{ marginTop: 12 }} data-testid="receipts-file-error" />
      )}
      {loaded && (
        <div style={{ marginTop: 12 }} data-testid="receipts-file-result">
          <Alert
            type={loaded.verdicts.some((v) => v.state !== 'consistent') ? 'error' : 'success'}
            showIcon
            title={`已载入 ${loaded.loaded} 份回执（新增 ${loaded.added} 份），签发密钥 ${loaded.signerKeyId}`}
          />
          {loaded.verdicts.length > 0 && (
            <Table
              size="small"
              style={{ marginTop: 8 }}
              pagination={false}
              rowKey={(r) => `${r.bookId}-${r.text}`}
              dataSource={loaded.verdicts}
              columns={[
                { title: '记录本', dataIndex: 'orgName' },
                {
                  title: '核对结果',
                  key: 'state',
                  render: (_v, r) => (
                    <Typography.Text type={r.state === 'consistent' ? 'success' : 'danger'} data-state={r.state}>
                      {r.text}
                    </Typography.Text>
                  ),
                },
              ]}
            />
          )}
        </div>
      )}
    </Card>
  );
}
