/**
 * For the print tests: a demo book with a long meeting and a correction in its last year,
 * PDFs read back with poppler (pdftotext, pdffonts, pdftoppm), and a page's QR decoded from
 * its PNG in Chromium with the app's own decoder.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { runDemo } from '../../db/demo/index';
import type { Harness } from '../../db/service/test/service-harness';
import type { MemberView } from '../../db/contract';
import { decodeQr, qrRegion } from '../../renderer/print/qr-decode';

export const PRINT_SHOTS = path.join(process.cwd(), 'screenshots', 'print');

const PARAGRAPH =
  '与会成员结合学会年度重点工作逐项发言，认为学会在服务科技工作者、推进学术交流和科普工作中坚持党建引领，取得了积极成效；同时指出基层联系还不够紧密，党建工作与业务工作融合的方式仍需创新。';

/** The demo book (seed 11) plus, in 2025, a long meeting (many topics and decisions) and a correction of it. */
export async function demoWithLongMeeting(
  h: Harness,
): Promise<{ bookId: string; longSeq: number; correctionSeq: number }> {
  const { bookId } = await runDemo(
    (m, i) => h.call(m, i),
    (t) => h.setNow(t),
    { entries: 80, seed: 11 },
  );
  h.setNow('2025-12-29T10:00');
  const roster: MemberView[] = await h.call('members.list', { bookId, on: '2025-12-26' });
  const ids = roster.filter((m) => m.active).map((m) => m.memberId);
  const sealed = await h.call('meetings.seal', {
    bookId,
    meeting: {
      type: 'group-meeting',
      number: 11,
      title: '党建工作小组年度工作推进会（扩大）',
      mode: 'onsite',
      startAt: '2025-12-26T09:00',
      endAt: '2025-12-26T12:15',
      place: '学会会议室',
      chairId: ids[0],
      recorder: '夏宏伟',
      presentIds: ids.slice(0, -1),
      absent: [{ memberId: ids.at(-1), leaveNote: '赴外地参加学术会议，会前书面请假' }],
      guests: [{ name: '刘联络', unit: '市科协党建工作委员会' }],
      topics: Array.from({ length: 6 }, (_, i) => ({
        title: `议题${i + 1}：2026年度重点工作第${i + 1}项`,
        discussion: Array.from({ length: 4 }, () => PARAGRAPH).join('\n'),
        dissent: i === 2 ? '程斌认为该项工作的经费安排偏紧，建议下次会议再议；会议记录在案。' : '',
      })),
      decisions: Array.from({ length: 24 }, (_, i) => ({
        text: `决议${i + 1}：同意2026年度第${i + 1}项工作安排及责任分工`,
        votes: { for: ids.length - 1, against: 0, abstain: 0 },
      })),
      minutes: Array.from({ length: 8 }, () => PARAGRAPH).join('\n\n'),
      heldSeparately: true,
    },
  });
  h.setNow('2025-12-30T15:00');
  const correction = await h.call('entries.correct', {
    bookId,
    seq: sealed.seq,
    field: '/input/place',
    value: '学会第二会议室',
    reason: '会议通知与签到表写明在第二会议室召开',
    by: '夏宏伟',
  });
  return { bookId, longSeq: sealed.seq, correctionSeq: correction.seq };
}

export function pdfText(file: string, page?: number): string {
  const range = page === undefined ? [] : ['-f', String(page), '-l', String(page)];
  return execFileSync('pdftotext', [...range, '-layout', file, '-'], { encoding: 'utf8' });
}

export function pdfPages(file: string): number {
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  return Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
}

/** Rows of pdffonts: name, whether embedded, whether its text maps to Unicode (extractable). */
export function pdfFonts(file: string): { name: string; embedded: boolean; unicode: boolean }[] {
  return execFileSync('pdffonts', [file], { encoding: 'utf8' })
    .split('\n')
    .slice(2)
    .filter((l) => l.trim())
    .map((l) => {
      const cols = l.trim().split(/\s+/);
      // name type [encoding…] emb sub uni object ID: the last five columns are emb sub uni id gen.
      return { name: cols[0]!, embedded: cols.at(-5) === 'yes', unicode: cols.at(-3) === 'yes' };
    });
}

/** Every word's box on every page (pdftotext -bbox), with the page's size, in points. */
export function wordBoxes(file: string): {
  page: number;
  width: number;
  height: number;
  words: { xMin: number; yMin: number; xMax: number; yMax: number; text: string }[];
}[] {
  const html = execFileSync('pdftotext', ['-bbox', file, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return [...html.matchAll(/<page width="([\d.]+)" height="([\d.]+)">([\s\S]*?)<\/page>/g)].map((m, i) => ({
    page: i + 1,
    width: Number(m[1]),
    height: Number(m[2]),
    words: [
      ...m[3]!.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g),
    ].map((w) => ({ xMin: Number(w[1]), yMin: Number(w[2]), xMax: Number(w[3]), yMax: Number(w[4]), text: w[5]! })),
  }));
}

/** One PNG page of `file` (screenshots/print/<name>.png). */
export function pngPage(file: string, page: number, name: string, dpi = 150): string {
  fs.mkdirSync(PRINT_SHOTS, { recursive: true });
  const out = path.join(PRINT_SHOTS, name);
  execFileSync('pdftoppm', [
    '-r',
    String(dpi),
    '-png',
    '-singlefile',
    '-f',
    String(page),
    '-l',
    String(page),
    file,
    out,
  ]);
  return `${out}.png`;
}

/** PNG pages of `file` into screenshots/print/<name>-NN.png; returns their paths. */
export function pngPages(file: string, name: string, dpi = 110): string[] {
  fs.mkdirSync(PRINT_SHOTS, { recursive: true });
  for (const old of fs.readdirSync(PRINT_SHOTS))
    if (old.startsWith(`${name}-`) && old.endsWith('.png')) fs.rmSync(path.join(PRINT_SHOTS, old));
  execFileSync('pdftoppm', ['-r', String(dpi), '-png', file, path.join(PRINT_SHOTS, name)]);
  return fs
    .readdirSync(PRINT_SHOTS)
    .filter((f) => f.startsWith(`${name}-`) && f.endsWith('.png'))
    .sort()
    .map((f) => path.join(PRINT_SHOTS, f));
}

/**
 * The top-right corner of every page of `file` (where a page carries its QR) as PNGs at 150 dpi,
 * screenshots/print/<name>-NN.png: small pictures, quick to decode.
 */
export function qrCorners(file: string, name: string): string[] {
  fs.mkdirSync(PRINT_SHOTS, { recursive: true });
  const { w, h } = pdfPageSize(file);
  const px = (pt: number) => Math.round((pt / 72) * 150);
  execFileSync('pdftoppm', [
    '-r',
    '150',
    '-png',
    '-x',
    String(px(w * 0.6)),
    '-y',
    '0',
    '-W',
    String(px(w * 0.4)),
    '-H',
    String(px(h * 0.15)),
    file,
    path.join(PRINT_SHOTS, name),
  ]);
  return fs
    .readdirSync(PRINT_SHOTS)
    .filter((f) => f.startsWith(`${name}-`) && f.endsWith('.png'))
    .sort()
    .map((f) => path.join(PRINT_SHOTS, f));
}

function pdfPageSize(file: string): { w: number; h: number } {
  const m = /Page size:\s+([\d.]+) x ([\d.]+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }));
  return { w: Number(m?.[1]), h: Number(m?.[2]) };
}

/**
 * The QR on a PNG page, read in Chromium (canvas pixels) and decoded by the app's decoder;
 * `whole`: the picture is already the page's corner.
 */
export async function qrOfPng(browser: Browser, png: string, whole = false): Promise<string | null> {
  const page = await browser.newPage();
  try {
    await page.setContent(`<img id="p" src="data:image/png;base64,${fs.readFileSync(png).toString('base64')}">`);
    const size = await page.evaluate(() => {
      const img = document.getElementById('p') as HTMLImageElement;
      return { w: img.naturalWidth, h: img.naturalHeight };
    });
    const r = whole ? { x: 0, y: 0, w: size.w, h: size.h } : qrRegion(size.w, size.h);
    const pixels = await page.evaluate((r) => {
      const img = document.getElementById('p') as HTMLImageElement;
      const canvas = document.createElement('canvas');
      canvas.width = r.w;
      canvas.height = r.h;
      const g = canvas.getContext('2d')!;
      g.drawImage(img, r.x, r.y, r.w, r.h, 0, 0, r.w, r.h);
      const bytes = g.getImageData(0, 0, r.w, r.h).data;
      let binary = '';
      for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
      return btoa(binary);
    }, r);
    return decodeQr({ data: new Uint8ClampedArray(Buffer.from(pixels, 'base64')), width: r.w, height: r.h });
  } finally {
    await page.close();
  }
}
