/**
 * 联络员身份: set up the liaison identity (when this installation has none yet, e.g. a
 * recorder's computer that also serves a liaison), or show it with its printable fingerprint,
 * every spot check sealed, and the receipts file (export / load).
 */
import { Alert, Space, Spin } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { errorText, useServiceQuery } from '../app/service-query';
import { useBook } from '../app/book-context';
import { navigate } from '../app/routes';
import { LiaisonSetup } from '../setup/liaison-setup';
import { ReceiptsFileCard } from '../receipts/receipts-file-card';
import { LiaisonIdentityCard } from './identity-card';
import { SpotCheckHistory } from './spot-check-history';

export function LiaisonPage() {
  const liaison = useServiceQuery('liaison.get', {});
  const client = useQueryClient();
  const { openNewBook } = useBook();
  if (liaison.isLoading) return <Spin />;
  if (liaison.error) return <Alert type="error" showIcon title={errorText(liaison.error)} />;
  if (!liaison.data) {
    return (
      <LiaisonSetup
        onDone={(liaisonBookId) => {
          void client.invalidateQueries({ predicate: (q) => q.queryKey[0] === 'liaison.get' });
          openNewBook(liaisonBookId);
          navigate({ page: 'workspace' });
        }}
      />
    );
  }
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="liaison-page">
      <LiaisonIdentityCard liaison={liaison.data} />
      <div className="no-print">
        <SpotCheckHistory liaisonBookId={liaison.data.bookId} />
      </div>
      <ReceiptsFileCard canExport />
    </Space>
  );
}
