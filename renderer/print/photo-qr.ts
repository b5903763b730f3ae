/**
 * A photo or scan of a printed page → the text of its QR: drawn on a canvas (at most 2,400
 * pixels on its long side), the whole image tried first, then the top-right corner, where
 * every page carries its QR, enlarged.
 */
import { decodeQr, qrRegion } from './qr-decode';

const MAX_SIDE = 2400;

function pixels(image: CanvasImageSource, sx: number, sy: number, sw: number, sh: number, scale: number) {
  const canvas = document.createElement('canvas');
  canvas.width = Math.max(1, Math.round(sw * scale));
  canvas.height = Math.max(1, Math.round(sh * scale));
  const g = canvas.getContext('2d', { willReadFrequently: true });
  if (!g) throw new Error('无法读取图片：浏览器不支持画布');
  g.drawImage(image, sx, sy, sw, sh, 0, 0, canvas.width, canvas.height);
  return g.getImageData(0, 0, canvas.width, canvas.height);
}

export async function qrFromPhoto(file: Blob): Promise<string | null> {
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file);
  } catch {
    throw new Error('无法打开这张图片：请选择 JPG 或 PNG 格式的照片或扫描件');
  }
  try {
    const scale = Math.min(1, MAX_SIDE / Math.max(bitmap.width, bitmap.height));
    const whole = decodeQr(pixels(bitmap, 0, 0, bitmap.width, bitmap.height, scale));
    if (whole) return whole;
    const r = qrRegion(bitmap.width, bitmap.height);
    return decodeQr(pixels(bitmap, r.x, r.y, r.w, r.h, Math.min(2, MAX_SIDE / Math.max(r.w, r.h))));
  } finally {
    bitmap.close();
  }
}
