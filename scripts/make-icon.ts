/**
 * Draws the app icon (build/icon.png, 512×512 RGBA) with no image tools: a red rounded
 * square, a cream record book with ruled lines and a gold ribbon. electron-builder turns
 * this PNG into the Windows .ico and the Linux icon set. Regenerate with
 * `npx tsx scripts/make-icon.ts` (the PNG is committed; the build never runs this).
 * The tiny PNG encoder (zlib deflate + CRC-32) is all the format needs for one image.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

export function crc32(data: Uint8Array): number {
  let c = 0xffffffff;
  for (const byte of data) c = (CRC_TABLE[(c ^ byte) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** Encodes 8-bit RGBA pixels (row-major, width*height*4 bytes) as a PNG. */
export function encodePng(width: number, height: number, rgba: Uint8Array): Buffer {
  if (rgba.length !== width * height * 4) throw new Error('pixel buffer size does not match width × height × 4');
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type: RGBA
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width * 4 + 1)] = 0; // filter: none
    Buffer.from(rgba.buffer, rgba.byteOffset + y * width * 4, width * 4).copy(raw, y * (width * 4 + 1) + 1);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

type Rgba = readonly [number, number, number, number];

function inRoundedRect(x: number, y: number, x0: number, y0: number, x1: number, y1: number, r: number): boolean {
  if (x < x0 || x > x1 || y < y0 || y > y1) return false;
  const cx = Math.min(Math.max(x, x0 + r), x1 - r);
  const cy = Math.min(Math.max(y, y0 + r), y1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

/** The icon at one point, in 512-unit coordinates. */
function shade(x: number, y: number): Rgba {
  if (!inRoundedRect(x, y, 16, 16, 496, 496, 100)) return [0, 0, 0, 0];
  // Ribbon (gold), drawn over the book, with a V notch at its end.
  if (x >= 304 && x <= 344 && y >= 96 && y <= 236) {
    const notch = 22 - Math.abs(x - 324) * (22 / 20);
    if (y <= 236 - notch) return [232, 183, 40, 255];
  }
  if (inRoundedRect(x, y, 128, 104, 384, 408, 20)) {
    if (x < 160) return [226, 212, 186, 255]; // spine
    for (let k = 0; k < 5; k++) {
      const ly = 196 + k * 42;
      if (y >= ly && y <= ly + 9 && x >= 192 && x <= (k === 4 ? 290 : 352)) return [205, 168, 160, 255];
    }
    return [255, 249, 236, 255];
  }
  const t = (y - 16) / 480;
  return [Math.round(214 - 38 * t), Math.round(38 - 20 * t), Math.round(46 - 15 * t), 255];
}

/** Renders the icon at `size` pixels with 4×4 supersampling for smooth edges. */
export function drawIcon(size = 512): Uint8Array {
  const pixels = new Uint8Array(size * size * 4);
  const scale = 512 / size;
  const samples = 4;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const [cr, cg, cb, ca] = shade((px + (sx + 0.5) / samples) * scale, (py + (sy + 0.5) / samples) * scale);
          r += cr * ca;
          g += cg * ca;
          b += cb * ca;
          a += ca;
        }
      }
      const i = (py * size + px) * 4;
      pixels[i] = a ? Math.round(r / a) : 0;
      pixels[i + 1] = a ? Math.round(g / a) : 0;
      pixels[i + 2] = a ? Math.round(b / a) : 0;
      pixels[i + 3] = Math.round(a / (samples * samples));
    }
  }
  return pixels;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const out = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'build', 'icon.png');
  writeFileSync(out, encodePng(512, 512, drawIcon(512)));
  console.log(`已生成 ${out}`);
}
