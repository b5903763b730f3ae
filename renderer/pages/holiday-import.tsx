/**
 * Import of a year's statutory holiday schedule (a small JSON file, format in
 * db/rules/holiday-schedule-import.ts) for years the built-in data does not cover. The service
 * validates it; its Chinese message is shown as is when the file is refused.
 */
import { useState } from 'react';
import { App, Button, Space, Typography } from 'antd';
import { ImportOutlined } from '@ant-design/icons';
import type { CalendarView } from '../../db/contract';
import { useApi } from '../api-context';
import { errorMessage } from '../api';
import { useJsonFilePicker } from '../app/use-json-file-picker';

const MAX_FILE_BYTES = 200_000;

/** FileReader rather than Blob.text(): the same path in Chromium, Electron and jsdom. */
function readText(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(typeof reader.result === 'string' ? reader.result : '');
    reader.onerror = () => reject(new Error(`无法读取文件“${file.name}”`));
    reader.readAsText(file, 'utf-8');
  });
}

export function HolidayImport({ onImported }: { onImported: (view: CalendarView) => void }) {
  const api = useApi();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function importFile(file: File) {
    setError(null);
    if (file.size > MAX_FILE_BYTES) {
      setError(`文件“${file.name}”过大：节假日安排文件应小于 200 KB，请确认选择的是正确的文件`);
      return;
    }
    setBusy(true);
    try {
      const before = new Set(await api['calendar.status']({}).then((v) => v.importedYears));
      const view = await api['calendar.import']({ text: await readText(file) });
      const year = view.importedYears.find((y) => !before.has(y));
      message.success(year ? `已导入 ${year} 年的法定节假日安排` : '已更新法定节假日安排');
      onImported(view);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }
  const { open, picker } = useJsonFilePicker(importFile, { testId: 'holiday-file', label: '选择节假日安排文件' });

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {picker}
      <Button icon={<ImportOutlined />} loading={busy} onClick={open} data-testid="holiday-import">
        导入某年的节假日安排（JSON 文件）
      </Button>
      {error && (
        <Typography.Text type="danger" data-testid="holiday-import-error">
          {error}
        </Typography.Text>
      )}
    </Space>
  );
}
