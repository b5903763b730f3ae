import { describe, expect, it } from 'vitest';
import { isVettedExternalUrl } from './external-links';

describe('isVettedExternalUrl', () => {
  it.each(['https://www.gov.cn/', 'https://www.12371.cn/special/dzzgz/', 'https://example.org/a?b=c#d'])(
    'accepts %s',
    (url) => {
      expect(isVettedExternalUrl(url)).toBe(true);
    },
  );

  it.each([
    'http://www.gov.cn/',
    'file:///etc/passwd',
    'smb://server/share',
    'javascript:alert(1)',
    'https://user:pw@example.org/',
    'https://example.org:8443/',
    'https://127.0.0.1/',
    'https://[::1]/',
    'https://localhost/',
    'https://intranet/',
    'ms-settings:',
    `https://example.org/${'a'.repeat(3000)}`,
    42,
  ])('refuses %s', (url) => {
    expect(isVettedExternalUrl(url)).toBe(false);
  });

  it('honours an allow-list, subdomains included', () => {
    expect(isVettedExternalUrl('https://www.gov.cn/', { allowedHosts: ['gov.cn'] })).toBe(true);
    expect(isVettedExternalUrl('https://evilgov.cn/', { allowedHosts: ['gov.cn'] })).toBe(false);
  });
});
