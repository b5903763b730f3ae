/**
 * A meeting's view: 导出会议纪要 (.docx); for a members' assembly that held an election also the
 * 换届 (or 补选) 请示, the 结果的请示 and the 候选人预备人选备案表 (001 模板4–9).
 */
import { Button, Space } from 'antd';
import { FileWordOutlined } from '@ant-design/icons';
import type { DocumentKind } from '../../db/contract';
import { useApi } from '../api-context';
import { useDocumentDownload } from './use-document-download';

interface ElectionShape {
  type?: unknown;
  election?: { byElection?: unknown };
}

/** Which election documents the current reading allows: none, 换届 or 补选. */
export function electionKind(current: unknown): '换届' | '补选' | null {
  const input = (current as { input?: ElectionShape } | null)?.input;
  if (!input || input.type !== 'members-assembly' || !input.election) return null;
  return input.election.byElection === true ? '补选' : '换届';
}

export function MeetingDocuments({ bookId, seq, current }: { bookId: string; seq: number; current: unknown }) {
  const api = useApi();
  const { busy, download } = useDocumentDownload();
  const by = electionKind(current);
  const button = (kind: DocumentKind, label: string) => (
    <Button
      key={kind}
      size="small"
      icon={<FileWordOutlined />}
      loading={busy === kind}
      disabled={busy !== null}
      data-testid={`export-${kind}`}
      onClick={() => void download(kind, () => api['documents.build']({ bookId, kind, seq }))}
    >
      {label}
    </Button>
  );
  return (
    <Space wrap style={{ marginBottom: 16 }} data-testid="meeting-documents">
      {button('minutes', '导出会议纪要 (.docx)')}
      {by && button('election-request', `导出${by}请示`)}
      {by && button('election-result', `导出${by}结果报告`)}
      {by && button('election-candidates', '导出候选人备案表')}
    </Space>
  );
}
