/**
 * Small pieces every printed page is made of: escaped text, the page code's QR as an inline
 * SVG (data: URL, no script, nothing fetched), and one entry's page section with its named
 * `@page` (the running head and foot of an entry's pages carry its own code and QR).
 */
import QRCode from 'qrcode';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text as HTML: escaped, line breaks kept by the `pre` class where wanted. */
export function esc(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

/** A string inside a CSS `content: "…"` value. */
export function cssString(text: string): string {
  return `"${text.replace(/[\\"]/g, (c) => `\\${c}`).replace(/[\r\n]+/g, ' ')}"`;
}

/** The QR of `text` as an SVG data URL `sizeMm` wide (error correction M: survives a phone photo of a page). */
export function qrDataUrl(text: string, sizeMm: number): string {
  const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const n = qr.modules.size;
  const quiet = 2;
  const total = n + quiet * 2;
  let path = '';
  for (let y = 0; y < n; y++) {
    for (let x = 0; x < n; x++) {
      if (qr.modules.get(x, y)) path += `M${x + quiet} ${y + quiet}h1v1h-1z`;
    }
  }
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${sizeMm}mm" height="${sizeMm}mm" viewBox="0 0 ${total} ${total}" shape-rendering="crispEdges">` +
    `<rect width="${total}" height="${total}" fill="#fff"/><path d="${path}" fill="#000"/></svg>`;
  return `data:image/svg+xml;base64,${Buffer.from(svg, 'utf8').toString('base64')}`;
}

/** `<tr><th>label</th><td>value</td></tr>`, value already HTML. */
export function row(label: string, valueHtml: string, colspan = 1): string {
  return `<tr><th>${esc(label)}</th><td${colspan > 1 ? ` colspan="${colspan}"` : ''}>${valueHtml}</td></tr>`;
}
