/**
 * Issue 11's Done-when for printing: a one-meeting print and a full-year print of the demo
 * book rendered through Chromium, read back with poppler and looked at as PNG pages
 * (screenshots/print/), every page tied to the record, its QR decoded and checked.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PrintView } from '../../db/contract';
import { openHarness, type Harness } from '../../db/service/test/service-harness';
import { fakeLayout } from '../../db/print/test-layout';
import { launchChromium, pdfMeasurer, pdfRenderer, renderPrintPdf } from './print-chromium';
import {
  PRINT_SHOTS,
  demoWithLongMeeting,
  pdfFonts,
  pdfPages,
  pdfText,
  pngPages,
  qrCorners,
  qrOfPng,
  wordBoxes,
} from './print-test-kit';

let h: Harness;
let browser: Browser;
let render: (html: string) => Promise<Buffer>;
let measure: Awaited<ReturnType<typeof pdfMeasurer>>;
let book: Awaited<ReturnType<typeof demoWithLongMeeting>>;
const files = {
  meeting: path.join(PRINT_SHOTS, 'one-meeting.pdf'),
  year: path.join(PRINT_SHOTS, 'year-2025.pdf'),
  ledger: path.join(PRINT_SHOTS, 'ledger-2025.pdf'),
};
const views: Partial<Record<keyof typeof files, PrintView>> = {};

async function print(name: keyof typeof files, request: Record<string, unknown>) {
  const { pdf, view } = await renderPrintPdf(
    async (extra) => h.call('print.pages', { bookId: book.bookId, ...request, ...extra }),
    measure,
    render,
  );
  fs.writeFileSync(files[name], pdf);
  views[name] = view;
  return view;
}

beforeAll(async () => {
  h = openHarness();
  book = await demoWithLongMeeting(h);
  browser = await launchChromium();
  render = await pdfRenderer(browser);
  measure = await pdfMeasurer(browser);
  fs.mkdirSync(PRINT_SHOTS, { recursive: true });
  await print('meeting', { seqs: [book.longSeq] });
  await print('year', { year: 2025 });
  await print('ledger', { year: 2025, ledger: true });
}, 240_000);
afterAll(async () => {
  await browser?.close();
  h?.cleanup();
});

const MM = 72 / 25.4;

function everyPageTied(file: string, view: PrintView) {
  const total = pdfPages(file);
  expect(view.pages.map((p) => p.page)).toEqual(Array.from({ length: total }, (_, i) => i + 1));
  const short = view.pages[0]!.code.split('/')[1]!;
  for (let page = 1; page <= total; page++) {
    const text = pdfText(file, page);
    const code = view.pages[page - 1]!.code;
    expect(code, `page ${page}`).toMatch(
      new RegExp(`^DJ2/${short}/\\S+/\\d+/[0-9A-F]{8}/\\d+/[0-9A-F]{8}/${page}-${total}$`),
    );
    expect(text.replace(/\s+/g, ''), `page ${page}`).toContain(`第${page}页/共${total}页`);
    expect(text, `page ${page}`).toContain(`记录本 ${short}`);
    expect(text, `page ${page}`).toContain(`核对码 ${code}`);
    expect(text, `page ${page}`).toMatch(
      /第 \d+ 条 · 条目指纹 [0-9A-F]{8} · 校验点 [0-9A-F]{8}|(封面|目录|年度台账) · 校验点 [0-9A-F]{8}/,
    );
  }
  return total;
}

/** Every page's QR, read from its PNG (pdftoppm), is that page's code, and 核对纸质页 accepts it naming the page. */
async function everyQrChecks(file: string, view: PrintView, name: string) {
  const pngs = qrCorners(file, `${name}-qr`);
  expect(pngs.length).toBe(view.pages.length);
  for (const [i, png] of pngs.entries()) {
    const page = view.pages[i]!;
    expect(await qrOfPng(browser, png, true), `QR of page ${page.page}`).toBe(page.code);
    const check = await h.call('print.checkCode', { code: page.code });
    expect(check, `check of page ${page.page}`).toMatchObject({
      accepted: true,
      seq: page.seq,
      page: page.page,
      pageCount: view.pages.length,
    });
    expect(check.checks.find((c) => c.label === '页码')?.detail).toBe(`第 ${page.page} 页，共 ${view.pages.length} 页`);
  }
  for (const png of pngs) fs.rmSync(png);
}

function nothingBeyondEdges(file: string) {
  for (const p of wordBoxes(file)) {
    expect(p.words.length, `page ${p.page} has text`).toBeGreaterThan(0);
    for (const w of p.words) {
      // Inside the paper with at least 8 mm to spare: nothing runs off a page or into its edge.
      expect(w.xMin, `${w.text} on page ${p.page}`).toBeGreaterThan(8 * MM);
      expect(w.xMax, `${w.text} on page ${p.page}`).toBeLessThan(p.width - 8 * MM);
      expect(w.yMin, `${w.text} on page ${p.page}`).toBeGreaterThan(8 * MM);
      expect(w.yMax, `${w.text} on page ${p.page}`).toBeLessThan(p.height - 8 * MM);
    }
  }
}

describe('a one-meeting print', () => {
  it('spans pages, each tied to the entry, with the header of the decisions table repeated', () => {
    const total = everyPageTied(files.meeting, views.meeting!);
    expect(total).toBeGreaterThanOrEqual(3);
    for (let page = 1; page <= total; page++) {
      expect(pdfText(files.meeting, page)).toContain(`第 ${book.longSeq} 条`);
      expect(views.meeting!.pages[page - 1]!.seq).toBe(book.longSeq);
    }
    const withHeader = Array.from({ length: total }, (_, i) => pdfText(files.meeting, i + 1)).filter((t) =>
      /决议内容\s+同意\s+反对\s+弃权\s+表决结果/.test(t),
    );
    expect(withHeader.length).toBeGreaterThanOrEqual(2);
  });

  it('holds the paper form: name, time to the minute, attendance, quorum, decisions, filing, signatures', () => {
    const text = pdfText(files.meeting).replace(/[ \t]+/g, ' ');
    for (const s of [
      '会议记录',
      '党建工作小组年度工作推进会（扩大）',
      '2025年12月26日 09:00 至 2025年12月26日 12:15',
      '主持人',
      '记录人',
      '应到',
      '实到',
      '缺席人员及原因',
      '赴外地参加学术会议',
      '列席人员',
      '刘联络',
      '法定人数',
      '不同意见',
      '决议24',
      '通过',
      '纪要备案',
      '主持人（签字）',
      '记录人（签字）',
    ]) {
      expect(text).toContain(s);
    }
  });

  it('prints the correction beside the original: struck original, new value, reason, who and when', () => {
    const text = pdfText(files.meeting).replace(/\s+/g, '');
    expect(text).toContain('地点学会会议室更正为：学会第二会议室');
    expect(text).toContain('理由：会议通知与签到表写明在第二会议室召开');
    expect(text).toContain('更正人：夏宏伟');
    expect(text).toContain(`2025年12月30日15:00（第${book.correctionSeq}条）`);
  });

  it('embeds every font, writes Chinese text and keeps everything inside the pages', () => {
    const fonts = pdfFonts(files.meeting);
    expect(fonts.length).toBeGreaterThan(0);
    expect(fonts.filter((f) => !f.embedded || !f.unicode)).toEqual([]);
    expect(pdfText(files.meeting).match(/[\u4e00-\u9fff]/g)?.length).toBeGreaterThan(2_000);
    nothingBeyondEdges(files.meeting);
    expect(pngPages(files.meeting, 'one-meeting').length).toBe(pdfPages(files.meeting));
  });
});

describe('a full-year print of the demo book', () => {
  it('has a cover, contents whose page numbers are where each entry begins, and ≥ 10 entries', () => {
    const view = views.year!;
    const total = everyPageTied(files.year, view);
    expect(view.entries.length).toBeGreaterThanOrEqual(10);
    const cover = pdfText(files.year, 1);
    expect(cover).toContain('工作记录本');
    expect(cover).toContain('2025 年度');
    expect(cover).toContain('北京市某某科技学会党建工作小组');
    expect(pdfText(files.year, 2)).toContain('目');
    for (const e of view.entries) {
      expect(e.page).toBeGreaterThan(1);
      expect(pdfText(files.year, e.page), `第 ${e.seq} 条 on page ${e.page}`).toContain(
        `记录本 ${e.code!.split('/')[1]} · 第 ${e.seq} 条`,
      );
      expect(pdfText(files.year, e.page! - 1)).not.toContain(`· 第 ${e.seq} 条 ·`);
    }
    const contents = pdfText(files.year, 2).replace(/\s+/g, '');
    for (const e of view.entries) expect(contents).toContain(`第${e.seq}条`);
    expect(contents).toContain(`第${view.entries.at(-1)!.page}页`);
    expect(total).toBeGreaterThan(view.entries.length);
  });

  it('holds the correction beside the original, embeds its fonts, keeps inside the pages', () => {
    const text = pdfText(files.year).replace(/[ \t]+/g, ' ');
    expect(text).toContain('更正为：学会第二会议室');
    expect(text).toContain('更正记录');
    expect(pdfFonts(files.year).filter((f) => !f.embedded || !f.unicode)).toEqual([]);
    nothingBeyondEdges(files.year);
    expect(pngPages(files.year, 'year-2025', 80).length).toBe(pdfPages(files.year));
  });
});

describe('the yearly ledger', () => {
  it('prints as record-book pages: each page tied to the book with its code and QR, signature lines', async () => {
    const view = views.ledger!;
    const total = everyPageTied(files.ledger, view);
    expect(view.pages.every((p) => p.seq === 0 && /\/T2025\//.test(p.code))).toBe(true);
    const text = pdfText(files.ledger).replace(/[ \t]+/g, ' ');
    for (const s of [
      '2025 年度台账',
      '年度要求',
      '纪要备案',
      '出勤',
      '职责',
      '五个清',
      '组长（书记）（签字）',
      '记录人（签字）',
    ])
      expect(text).toContain(s);
    // The 结果 column keeps 已完成 / 待完成 on one line (it wrapped as 已完 / 成).
    expect(text).toMatch(/[已待未]完成/);
    nothingBeyondEdges(files.ledger);
    expect(pngPages(files.ledger, 'ledger-2025').length).toBe(total);
    await everyQrChecks(files.ledger, view, 'ledger-2025');
  }, 120_000);
});

describe('核对纸质页 with a rendered page', { timeout: 180_000 }, () => {
  it("decodes every page's QR to that page's own code, and the check accepts it naming the page", async () => {
    await everyQrChecks(files.meeting, views.meeting!, 'one-meeting');
    await everyQrChecks(files.year, views.year!, 'year-2025');
    const view = views.year!;
    const entry = view.entries.find((e) => e.seq === book.longSeq)!;
    const check = await h.call('print.checkCode', { code: entry.code });
    expect(check.checks.every((c) => c.ok)).toBe(true);
    expect(check.html).toContain('党建工作小组年度工作推进会（扩大）');
    expect(view.coverCode).toBe(view.pages[0]!.code);
  });

  it('refuses a code one character off, a page beyond the print, and a page the print never had', async () => {
    const view = views.year!;
    const entry = view.entries[0]!;
    const parts = entry.code!.split('/');
    const fp = parts[6]!;
    const off = [...parts];
    off[6] = `${fp.slice(0, -1)}${fp.endsWith('0') ? '1' : '0'}`;
    const altered = await h.call('print.checkCode', { code: off.join('/') });
    expect(altered.accepted).toBe(false);
    expect(altered.reason).toContain('条目指纹不符');
    const total = view.pages.length;
    const beyond = await h.call('print.checkCode', { code: [...parts.slice(0, 7), `${total + 1}-${total}`].join('/') });
    expect(beyond.accepted).toBe(false);
    expect(beyond.reason).toContain(`只有 ${total} 页`);
    // The first entry cannot be on the cover's page.
    const onCover = await h.call('print.checkCode', { code: [...parts.slice(0, 7), `1-${total}`].join('/') });
    expect(onCover.accepted).toBe(false);
    expect(onCover.reason).toContain(`不可能在第 1 页`);
    // An entry of 2024, with its true fingerprint, claimed for the 2025 print.
    const measuring = await h.call('print.pages', { bookId: book.bookId, seqs: [40] });
    const of2024 = (
      await h.call('print.pages', { bookId: book.bookId, seqs: [40], layout: fakeLayout(measuring.html) })
    ).entries[0]!.code!.split('/');
    const foreign = [...parts.slice(0, 5), '40', of2024[6], parts[7]].join('/');
    const never = await h.call('print.checkCode', { code: foreign });
    expect(never.accepted).toBe(false);
    expect(never.reason).toContain('打印中没有第 40 条记录');
  });
});
