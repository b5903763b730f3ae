/**
 * Settings → 移交给新的记录人或新电脑: seals a key rotation signed by the old and the new key,
 * then shows the NEW fingerprint on a printable page for the new 备案.
 */
import { useState } from 'react';
import { Alert, Button, Card, Input, Modal, Typography } from 'antd';
import { SwapOutlined } from '@ant-design/icons';
import type { BookStatus } from '../../db/contract';
import { errorMessage } from '../api';
import { useApi } from '../api-context';
import { useBook } from '../app/book-context';
import { KeyFingerprint } from '../app/key-fingerprint';

export function HandoverCard({ orgName }: { orgName?: string | undefined }) {
  const api = useApi();
  const { bookId, readOnly, refresh } = useBook();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<BookStatus | null>(null);
  // One id per hand-over: a retry after a lost reply is answered, not sealed a second time.
  const [requestId, setRequestId] = useState(() => crypto.randomUUID());

  const run = async () => {
    setBusy(true);
    setError(null);
    try {
      const status = await api['books.handover']({ bookId, requestId, reason: reason.trim() });
      setDone(status);
      setOpen(false);
      setRequestId(crypto.randomUUID());
      void refresh();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title="移交给新的记录人或新电脑" className={done ? undefined : 'no-print'} data-testid="handover-card">
      {done ? (
        <>
          <Alert
            className="no-print"
            type="success"
            showIcon
            style={{ marginBottom: 12 }}
            data-testid="handover-done"
            title="移交已封存：此后的记录与数据包由新密钥签名。请打印新的密钥指纹，签字后报主管党组织重新备案。"
          />
          <KeyFingerprint status={done} orgName={orgName} />
        </>
      ) : (
        <>
          <Typography.Paragraph>
            记录人变更或换用新电脑时办理：封存一条“密钥移交”记录，由原密钥和新密钥共同签名，之后的记录由新密钥签名。
            办理后请打印新的密钥指纹重新备案；换电脑时再用 logbook backup-key 与 logbook restore
            把新密钥和数据包带到新电脑。
          </Typography.Paragraph>
          <Button icon={<SwapOutlined />} disabled={readOnly} onClick={() => setOpen(true)} data-testid="handover-open">
            办理移交…
          </Button>
        </>
      )}
      <Modal
        open={open}
        title="办理移交（密钥轮换）"
        okText="封存移交记录"
        cancelText="取消"
        onOk={() => void run()}
        okButtonProps={{ disabled: reason.trim().length < 2, loading: busy, ...{ 'data-testid': 'handover-confirm' } }}
        onCancel={() => setOpen(false)}
        destroyOnHidden
      >
        <Typography.Paragraph>移交记录封存后不可撤销。原密钥仍保留在本机，用于核验以前的记录。</Typography.Paragraph>
        <Input.TextArea
          value={reason}
          maxLength={500}
          rows={3}
          onChange={(e) => setReason(e.target.value)}
          placeholder="移交原因，例如：记录人由王芳变更为李娜；换用新电脑"
          aria-label="移交原因"
          data-testid="handover-reason"
        />
        {error && <Alert type="error" showIcon title={error} style={{ marginTop: 12 }} />}
      </Modal>
    </Card>
  );
}
