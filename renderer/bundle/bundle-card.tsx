/**
 * 数据包 in Settings: export this book as its signed bundle (for the liaison, a backup, a new
 * computer), import a bundle (the liaison's store), and the alarms kept for this book.
 */
import { useCallback, useEffect, useState } from 'react';
import { Alert, App, Button, Card, Space, Typography } from 'antd';
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { bundleFiles, errorMessage } from '../api';
import { useServiceQuery } from '../app/service-query';
import { useBook } from '../app/book-context';
import { AlarmView } from './alarm-view';
import { BUNDLE_COMMAND_EVENT, takeBundleCommand } from './bundle-commands';
import { BundleImportDialog } from './bundle-import-dialog';

export function BundleCard() {
  const { message } = App.useApp();
  const { bookId, openNewBook } = useBook();
  const [importing, setImporting] = useState(false);
  const [exporting, setExporting] = useState(false);
  const [exported, setExported] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const alarms = useServiceQuery('bundles.alarms', { bookId });

  const exportBook = useCallback(async () => {
    setError(null);
    setExported(null);
    setExporting(true);
    try {
      const done = await bundleFiles.export(bookId);
      if (done) {
        setExported(`已导出 ${done.size} 条记录（${(done.bytes / 1024 / 1024).toFixed(1)} MB）：${done.fileName}`);
        void message.success('数据包已导出');
      }
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setExporting(false);
    }
  }, [bookId, message]);

  useEffect(() => {
    const handle = () => {
      const command = takeBundleCommand();
      if (command === 'import-bundle') setImporting(true);
      else if (command === 'export-bundle') void exportBook();
    };
    handle();
    window.addEventListener(BUNDLE_COMMAND_EVENT, handle);
    return () => window.removeEventListener(BUNDLE_COMMAND_EVENT, handle);
  }, [exportBook]);

  return (
    <Card title="数据包（导出与导入）" className="no-print" data-testid="bundle-card">
      <Typography.Paragraph>
        数据包是记录本的签名副本（BagIt 格式，SSH 签名），供党建联络员核验，也用于备份和迁移到新电脑。
        任何人都可以不用本程序，用 sha256sum 和 ssh-keygen 核验它。
      </Typography.Paragraph>
      <Space>
        <Button
          type="primary"
          icon={<DownloadOutlined />}
          loading={exporting}
          onClick={() => void exportBook()}
          data-testid="bundle-export"
        >
          {exporting ? '正在核验并导出…' : '导出数据包'}
        </Button>
        <Button icon={<UploadOutlined />} onClick={() => setImporting(true)} data-testid="bundle-import-open">
          导入数据包
        </Button>
      </Space>
      {exported && (
        <Alert type="success" showIcon title={exported} style={{ marginTop: 12 }} data-testid="bundle-exported" />
      )}
      {error && <Alert type="error" showIcon title={error} style={{ marginTop: 12 }} />}
      {(alarms.data ?? []).length > 0 && (
        <Space orientation="vertical" style={{ width: '100%', marginTop: 12 }} data-testid="bundle-alarms">
          <Typography.Text strong type="danger">
            本记录本的数据包警报（已作为证据保存）
          </Typography.Text>
          {alarms.data!.map((a) => (
            <AlarmView key={a.id} alarm={a} />
          ))}
        </Space>
      )}
      <BundleImportDialog
        open={importing}
        onClose={() => {
          setImporting(false);
          void alarms.refetch();
        }}
        onImported={(id) => {
          void alarms.refetch();
          openNewBook(id);
        }}
      />
    </Card>
  );
}

/** On the first-run screen (no book yet): the liaison imports instead of creating a book. */
export function FirstRunImport({ onImported }: { onImported: (bookId: string) => void }) {
  const [open, setOpen] = useState(false);
  const [imported, setImported] = useState<string | null>(null);
  return (
    <div style={{ maxWidth: 960, margin: '16px auto 0', padding: '0 24px' }} className="no-print">
      <Alert
        type="info"
        showIcon
        data-testid="first-run-import"
        title="党建联络员：要核验记录人交来的数据包，请直接导入，无需新建记录本。"
        action={
          <Button onClick={() => setOpen(true)} data-testid="bundle-import-open">
            导入数据包
          </Button>
        }
      />
      <BundleImportDialog
        open={open}
        onClose={() => {
          setOpen(false);
          if (imported) onImported(imported);
        }}
        onImported={setImported}
      />
    </div>
  );
}
