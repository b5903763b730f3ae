/**
 * A print's pages inside the app: the service's HTML in a sandboxed frame (no script may run
 * in it; same origin only so that the browser can print it). The app's CSP applies to it.
 */
import { forwardRef } from 'react';

export const PrintPreview = forwardRef<
  HTMLIFrameElement,
  { html: string; title: string; height?: string; onLoad?: () => void }
>(function PrintPreview({ html, title, height = '75vh', onLoad }, ref) {
  return (
    <iframe
      ref={ref}
      onLoad={onLoad}
      title={title}
      data-testid="print-preview"
      sandbox="allow-same-origin allow-modals"
      srcDoc={html}
      style={{ width: '100%', height, border: '1px solid #d9d9d9', borderRadius: 6, background: '#8c8c8c' }}
    />
  );
});
