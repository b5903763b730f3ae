/**
 * The shared flow of the settings' change dialogs (organisation, rule profile): a change is
 * sealed with its reason, so the reason is required; the service's Chinese error stays in the
 * dialog; on success the dialog closes and the page reloads what changed.
 */
import { useState } from 'react';
import { App } from 'antd';
import { errorMessage } from '../api';
import { useRequestId } from '../app/use-request-id';

export function useReasonedChange(what: string, reasonHint: string, onChanged: () => void) {
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const { requestId, renew } = useRequestId();

  /** Seals the change through `call`, which receives the reason and the request id to send. */
  async function seal(call: (reason: string, requestId: string) => Promise<{ seq: number }>): Promise<void> {
    if (!reason.trim()) {
      setError(`请填写变更原因（${reasonHint}）`);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const r = await call(reason, requestId);
      renew();
      message.success(`${what}已变更，封存为第 ${r.seq} 条记录`);
      setOpen(false);
      setReason('');
      onChanged();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  return { open, setOpen, reason, setReason, busy, error, setError, seal };
}
