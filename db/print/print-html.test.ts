import { describe, expect, it } from 'vitest';
import { cssString, esc, qrDataUrl } from './print-html';

describe('print HTML pieces', () => {
  it('escape sealed text for HTML and for CSS content strings', () => {
    expect(esc('<script>alert("x")</script> & \'')).toBe(
      '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;',
    );
    expect(cssString('a"b\\c\nd')).toBe('"a\\"b\\\\c d"');
  });

  it('draws the QR as an SVG data URL of the asked size, nothing fetched', () => {
    const url = qrDataUrl('DJ1/A2B7390F/E8/69/6270CB11/8/E7DDAFD8', 18);
    expect(url.startsWith('data:image/svg+xml;base64,')).toBe(true);
    const svg = Buffer.from(url.split(',')[1]!, 'base64').toString('utf8');
    expect(svg).toContain('width="18mm" height="18mm"');
    expect(svg).not.toMatch(/href|<script/i);
  });
});
