/**
 * How this computer protects the book's signing key, in the service's own words
 * (`app.security`): green when the operating system's key store holds it, a warning when only
 * a fixed password or the file's permissions do. Shown beside the key fingerprint in 设置 and
 * after a book is created. If the answer cannot be had, nothing is claimed.
 */
import { Alert } from 'antd';
import type { SecurityView } from '../../db/contract';
import { useServiceQuery } from './service-query';

const ALERT_TYPE: Record<SecurityView['keyProtection'], 'success' | 'warning'> = {
  os: 'success',
  weak: 'warning',
  none: 'warning',
};

export function KeyProtectionAlert() {
  const { data } = useServiceQuery('app.security', {});
  if (!data) return null;
  return (
    <Alert
      className="no-print"
      type={ALERT_TYPE[data.keyProtection] ?? 'warning'}
      showIcon
      title={data.title}
      description={data.explanation}
      data-testid="key-protection"
      data-level={data.keyProtection}
    />
  );
}
