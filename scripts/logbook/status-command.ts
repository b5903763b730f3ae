/**
 * `logbook status`: opens the data folder exactly as the browser host does and runs the full
 * verify of every book in it. Exit 0 only when every book verifies.
 */
import type { ProblemView } from '../../db/contract/index';
import { DataDirError, EXIT, messageOf, parseOptions, requireOption, type CliIo, type Command } from './command';
import { openBookFolder, requireExistingBookFolder } from './data-dir';

export interface BookReport {
  bookId: string;
  name: string;
  size: number;
  ok: boolean;
  problems: ProblemView[];
  ms: number;
  /** A copy imported from a signed bundle: read-only here. */
  imported?: boolean;
}

const USAGE = `用法 / usage: logbook status --data-dir <文件夹 folder> [--json]
  完整校验文件夹中的每一本记录本 / fully verify every book in the folder
  退出码 / exit code: 0 全部通过 all verified · 1 有记录本未通过 a book failed · 2 用法或文件夹有误 usage or folder error`;

/** Problems listed under a failed book; the rest are counted (a damaged book can have thousands). */
const SHOWN_PROBLEMS = 5;

export const statusCommand: Command = {
  name: 'status',
  summary: '校验记录本 / verify the books in a data folder',
  usage: USAGE,
  async run(args, io) {
    const options = parseOptions(args, { 'data-dir': { type: 'string' }, json: { type: 'boolean', default: false } });
    const json = options.json === true;
    let dir: string;
    try {
      dir = requireExistingBookFolder(requireOption(options['data-dir'], '--data-dir'));
    } catch (error) {
      if (json && error instanceof DataDirError)
        io.out(JSON.stringify({ ok: false, error: { code: 'data-dir', message: error.message } }));
      throw error;
    }
    const books = await verifyFolder(dir);
    const ok = books.every((b) => b.ok);
    if (json) io.out(JSON.stringify({ ok, books }));
    else printHuman(io, dir, books, ok);
    return ok ? EXIT.ok : EXIT.failed;
  },
};

async function verifyFolder(dir: string): Promise<BookReport[]> {
  const service = openBookFolder(dir);
  try {
    const reports: BookReport[] = [];
    for (const book of await service['books.list']({})) {
      const name = `${book.demo ? '【示例】' : ''}${book.orgName ?? book.name}`;
      try {
        const v = await service['books.verify']({ bookId: book.bookId });
        // The book's own size: a failed verify stops counting at the first bad entry.
        reports.push({
          bookId: book.bookId,
          name,
          size: book.size,
          ok: v.ok,
          problems: v.problems,
          ms: Math.round(v.ms * 10) / 10,
          ...(book.imported ? { imported: true } : {}),
        });
      } catch (error) {
        // A book the verify cannot even read is a failed book, not a crash of the command.
        const code = (error as { code?: string }).code ?? 'verify-error';
        reports.push({
          bookId: book.bookId,
          name,
          size: book.size,
          ok: false,
          problems: [{ code, message: messageOf(error) }],
          ms: 0,
        });
      }
    }
    return reports;
  } finally {
    service.close();
  }
}

function printHuman(io: CliIo, dir: string, books: BookReport[], ok: boolean): void {
  io.out(`数据文件夹 / data folder: ${dir}`);
  if (books.length === 0) {
    io.out('该文件夹中没有记录本 / no books in this folder');
    return;
  }
  for (const b of books) {
    const seconds = b.ms < 100 ? `${Math.max(1, Math.round(b.ms))} 毫秒` : `${(b.ms / 1000).toFixed(1)} 秒`;
    if (b.ok) {
      io.out(
        `✔ ${b.name} · ${b.size} 条${b.imported ? ' · 导入的记录本 · 只读' : ''} · 完整校验通过（${seconds}） / full verify passed`,
      );
      continue;
    }
    const firstSeq = b.problems.find((p) => p.seq !== undefined)?.seq;
    const where = firstSeq === undefined ? '' : `：首个问题在第 ${firstSeq} 条`;
    const whereEn = firstSeq === undefined ? '' : `, first bad entry: seq ${firstSeq}`;
    io.out(`✘ ${b.name} · ${b.size} 条 · 完整校验未通过${where}（${seconds}） / full verify FAILED${whereEn}`);
    for (const p of b.problems.slice(0, SHOWN_PROBLEMS))
      io.out(`    - ${p.seq !== undefined ? `第 ${p.seq} 条 ` : ''}[${p.code}] ${p.message}`);
    if (b.problems.length > SHOWN_PROBLEMS)
      io.out(
        `    …另有 ${b.problems.length - SHOWN_PROBLEMS} 个问题 / ${b.problems.length - SHOWN_PROBLEMS} more problems`,
      );
    io.out(`    记录本编号 / book id: ${b.bookId}`);
  }
  const failed = books.filter((b) => !b.ok).length;
  io.out(
    ok
      ? `全部 ${books.length} 本记录本校验通过 / all ${books.length} book(s) verified`
      : `${failed} 本记录本校验未通过 / ${failed} book(s) failed to verify`,
  );
}
