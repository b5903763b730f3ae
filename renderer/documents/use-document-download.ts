/**
 * Builds a filing document through the service and hands it to the user as a file, the same
 * way attachments are downloaded (base64 → Blob → `<a download>`). While it is being built
 * the button shows it; a failure is said in Chinese, never swallowed.
 */
import { useCallback, useState } from 'react';
import { App } from 'antd';
import type { DocumentFile } from '../../db/contract';
import { toShownError } from '../editors/api-error';
import { base64ToBlob, saveBlob } from '../entry/download';

export function useDocumentDownload(): {
  busy: string | null;
  download: (key: string, build: () => Promise<DocumentFile>) => Promise<void>;
} {
  const { message } = App.useApp();
  const [busy, setBusy] = useState<string | null>(null);
  const download = useCallback(
    async (key: string, build: () => Promise<DocumentFile>) => {
      setBusy(key);
      try {
        const file = await build();
        saveBlob(base64ToBlob(file.dataBase64, file.mediaType), file.fileName);
        message.success(`已生成“${file.fileName}”，可在 Word 或 WPS 中修改后报送`);
      } catch (e) {
        message.error(`没有生成文书：${toShownError(e).message}`);
      } finally {
        setBusy(null);
      }
    },
    [message],
  );
  return { busy, download };
}
