/**
 * `logbook print --data-dir DIR --book ID (--seq N | --year Y | --from D --to D) --out FILE.pdf
 * [--paper A4|B5]`: the same pages the app prints (db/print), rendered to PDF by the Chromium
 * on this computer. The PDF is written under a temporary name and renamed when complete; an
 * existing file is never overwritten. Exit 0 written, 1 refused (no Chromium, a damaged
 * entry, nothing in range), 2 usage or folder error.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { FlowMeasure, PrintView } from '../../db/contract';
import { callService } from '../../db/service/index';
import { EXIT, UsageError, integerOption, messageOf, parseOptions, requireOption, type Command } from './command';
import { openBookFolder, requireExistingBookFolder } from './data-dir';
import { readPdfLayout } from '../../db/print/paginate';
import { launchChromium, pdfMeasurer, pdfRenderer, renderPrintPdf } from './print-chromium';

const USAGE = `用法 / usage: logbook print --data-dir <文件夹 folder> --book <记录本编号 book id>
         (--seq <条目 N> | --year <年度 Y> [--ledger] | --from <开始日期> --to <结束日期>) --out <文件 FILE.pdf> [--paper A4|B5] [--json]
  按记录本格式打印为 PDF：一条记录，或一个年度 / 日期范围（含封面与目录），或 --ledger 该年度的年度台账；用本机的 Chromium 排版
  print record-book pages to PDF: one entry, or a year / date range with cover and contents, or with --ledger that year's
  ledger, laid out by this computer's Chromium
  退出码 / exit code: 0 已写入 written · 1 未能打印 refused · 2 用法或文件夹有误 usage or folder error`;

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function parsePrintArgs(args: string[]) {
  const o = parseOptions(args, {
    'data-dir': { type: 'string' },
    book: { type: 'string' },
    seq: { type: 'string' },
    year: { type: 'string' },
    from: { type: 'string' },
    to: { type: 'string' },
    out: { type: 'string' },
    paper: { type: 'string' },
    ledger: { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
  });
  const dir = requireExistingBookFolder(requireOption(o['data-dir'], '--data-dir'));
  const bookId = requireOption(o.book, '--book');
  const scopes = [o.seq !== undefined, o.year !== undefined, o.from !== undefined || o.to !== undefined].filter(
    Boolean,
  ).length;
  if (scopes !== 1)
    throw new UsageError(
      '请给出 --seq、--year 或 --from/--to 中的一种 / give exactly one of --seq, --year, --from/--to',
    );
  if ((o.from === undefined) !== (o.to === undefined))
    throw new UsageError('日期范围需要 --from 和 --to / a date range needs --from and --to');
  for (const [flag, v] of [
    ['--from', o.from],
    ['--to', o.to],
  ] as const) {
    if (v !== undefined && !DATE.test(v))
      throw new UsageError(`${flag} 应为 年-月-日，例如 2025-03-18 / ${flag} must be YYYY-MM-DD: ${v}`);
  }
  if (o.ledger === true && o.year === undefined) throw new UsageError('--ledger 需要 --year / --ledger needs --year');
  const paper = (o.paper ?? 'A4').toUpperCase();
  if (paper !== 'A4' && paper !== 'B5')
    throw new UsageError(`--paper 应为 A4 或 B5 / --paper must be A4 or B5: ${o.paper}`);
  const out = path.resolve(requireOption(o.out, '--out'));
  if (!/\.pdf$/i.test(out)) throw new UsageError(`输出文件应以 .pdf 结尾 / the output file must end in .pdf: ${out}`);
  if (fs.existsSync(out))
    throw new UsageError(`输出文件已存在，不会覆盖：${out} / the output file exists and is not overwritten`);
  if (!fs.existsSync(path.dirname(out)))
    throw new UsageError(`输出文件夹不存在：${path.dirname(out)} / the output folder does not exist`);
  const seq = integerOption(o.seq, '--seq', 1, 1e9);
  const year = integerOption(o.year, '--year', 1921, 2100);
  const scope =
    seq !== undefined
      ? { seqs: [seq] }
      : year !== undefined
        ? { year, ...(o.ledger === true ? { ledger: true } : {}) }
        : { from: o.from!, to: o.to! };
  return { dir, bookId, out, paper: paper, scope, json: o.json === true };
}

export const printCommand: Command = {
  name: 'print',
  summary: '按记录本格式打印为 PDF / print record-book pages to PDF',
  usage: USAGE,
  async run(args, io) {
    const a = parsePrintArgs(args);
    const service = openBookFolder(a.dir);
    const partial = `${a.out}.part`;
    let browser: Awaited<ReturnType<typeof launchChromium>> | undefined;
    try {
      const fetchPrint = async (extra: { layout?: FlowMeasure[] }): Promise<PrintView> =>
        callService(service, 'print.pages', { bookId: a.bookId, paper: a.paper, ...a.scope, ...extra });
      // The book and the range first: a wrong book id is said before Chromium is looked for.
      await fetchPrint({});
      io.err('正在排版 / laying out…');
      browser = await launchChromium();
      const { pdf, view } = await renderPrintPdf(fetchPrint, await pdfMeasurer(browser), await pdfRenderer(browser));
      try {
        fs.writeFileSync(partial, pdf, { flag: 'wx' });
        fs.renameSync(partial, a.out);
      } catch (error) {
        fs.rmSync(partial, { force: true });
        throw new Error(`无法写入 ${a.out}：${messageOf(error)}`, { cause: error });
      }
      const { pages } = readPdfLayout(pdf);
      if (a.json)
        io.out(
          JSON.stringify({
            ok: true,
            file: a.out,
            entries: view.entries.length,
            pages,
            bytes: pdf.length,
            checkpoint: view.checkpoint,
          }),
        );
      else
        io.out(
          `✔ 已打印 ${view.entries.length} 条记录到 ${a.out}（${pages} 页） / written\n  校验点 / checkpoint: 第 ${view.checkpoint.size} 条 ${view.checkpoint.fingerprint}`,
        );
      return EXIT.ok;
    } catch (error) {
      const message = messageOf(error);
      if (a.json) io.out(JSON.stringify({ ok: false, error: { message } }));
      else io.err(`✘ 未能打印：${message} / print refused`);
      return EXIT.failed;
    } finally {
      await browser?.close();
      service.close();
    }
  },
};
