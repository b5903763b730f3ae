/** Members page: 导出人员备案表 (模板2) and 党员名册 (模板3) as .docx. */
import { Button, Space } from 'antd';
import { FileWordOutlined } from '@ant-design/icons';
import { useApi } from '../api-context';
import { useDocumentDownload } from './use-document-download';

export function MemberDocuments({ bookId }: { bookId: string }) {
  const api = useApi();
  const { busy, download } = useDocumentDownload();
  return (
    <Space>
      <Button
        icon={<FileWordOutlined />}
        loading={busy === 'forms'}
        disabled={busy !== null}
        data-testid="export-member-forms"
        onClick={() => void download('forms', () => api['documents.build']({ bookId, kind: 'member-forms' }))}
      >
        导出人员备案表 (.docx)
      </Button>
      <Button
        icon={<FileWordOutlined />}
        loading={busy === 'roster'}
        disabled={busy !== null}
        data-testid="export-party-roster"
        onClick={() => void download('roster', () => api['documents.build']({ bookId, kind: 'party-roster' }))}
      >
        导出党员名册 (.docx)
      </Button>
    </Space>
  );
}
