/**
 * Reading a printed page's QR from a photo or scan: the pixels of a canvas (or any RGBA
 * image) through jsQR. A phone photo is large and the QR small: the image is tried whole,
 * then its top-right corner (where the page carries its QR) enlarged by the caller's canvas.
 */
import jsQR from 'jsqr';

export interface Rgba {
  data: Uint8ClampedArray;
  width: number;
  height: number;
}

/** The text of the first QR found, or null. */
export function decodeQr(image: Rgba): string | null {
  const found = jsQR(image.data, image.width, image.height, { inversionAttempts: 'attemptBoth' });
  return found?.data ? found.data : null;
}

/** Where on a page photo the QR is looked for after the whole image: the top-right corner. */
export function qrRegion(width: number, height: number): { x: number; y: number; w: number; h: number } {
  const w = Math.round(width * 0.45);
  const h = Math.round(height * 0.3);
  return { x: width - w, y: 0, w, h };
}
