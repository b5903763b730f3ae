/**
 * The client request id a sealing call carries (see db/service/request-ids.ts): the same id
 * while the recorder retries one dialog's seal (a lost reply then returns the entry already
 * sealed instead of sealing it twice), a new one after it succeeded. Editors use the draft's
 * id instead, which survives a reload.
 */
import { useCallback, useState } from 'react';
import { newDraftId } from '../drafts';

export function useRequestId(): { requestId: string; renew: () => void } {
  const [requestId, setRequestId] = useState(newDraftId);
  const renew = useCallback(() => setRequestId(newDraftId()), []);
  return { requestId, renew };
}
