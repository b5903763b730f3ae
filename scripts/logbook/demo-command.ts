/**
 * `logbook demo`: writes the generated demo book (db/demo) into a new data folder through the
 * real service, with the service's clock following each call's time, so the book reads as if
 * its recorder had kept it year by year. Never writes into a folder that already holds a book.
 */
import { callService, createService } from '../../db/service/index';
import { DEFAULT_ENTRIES, MAX_ENTRIES, runDemo } from '../../db/demo/index';
import { plainKeyStore } from '../../host/real-service';
import { EXIT, integerOption, parseOptions, requireOption, type Command } from './command';
import { requireFreshFolder } from './data-dir';

const USAGE = `用法 / usage: logbook demo --data-dir <新文件夹 new folder> [--entries N] [--seed S] [--json]
  生成一本北京市党建工作小组的演示记录本（默认约 ${DEFAULT_ENTRIES} 条，最多 ${MAX_ENTRIES.toLocaleString('en-US')} 条）
  write a demo record book of a Beijing party-building work group (default ~${DEFAULT_ENTRIES} entries)
  同一随机种子生成同样的内容 / the same seed gives the same book`;

/** Progress is shown once per this many entries, and only for books this big. */
const PROGRESS_EVERY = 1_000;

export const demoCommand: Command = {
  name: 'demo',
  summary: '生成演示记录本 / write a demo book into a new folder',
  usage: USAGE,
  async run(args, io) {
    const options = parseOptions(args, {
      'data-dir': { type: 'string' },
      entries: { type: 'string' },
      seed: { type: 'string' },
      json: { type: 'boolean', default: false },
    });
    const dir = requireFreshFolder(
      requireOption(options['data-dir'], '--data-dir'),
      '演示数据不会写入已有的数据，请换一个空文件夹 / this folder already holds a logbook; the demo never writes into existing data, choose an empty folder',
    );
    const entries = integerOption(options.entries, '--entries', 1, MAX_ENTRIES) ?? DEFAULT_ENTRIES;
    const seed = integerOption(options.seed, '--seed', 0, 2 ** 32 - 1) ?? 1;

    let now = new Date();
    const service = createService({ dataDir: dir, keyStore: plainKeyStore(dir), clock: () => new Date(now.getTime()) });
    try {
      let next = PROGRESS_EVERY;
      const started = Date.now();
      const { bookId } = await runDemo(
        (method, input) => callService(service, method, input),
        (local) => {
          now = new Date(`${local}:00+08:00`);
        },
        {
          entries,
          seed,
          onProgress: (size) => {
            if (entries < PROGRESS_EVERY || size < next) return;
            next = (Math.floor(size / PROGRESS_EVERY) + 1) * PROGRESS_EVERY;
            io.err(
              `已写入 ${size.toLocaleString('en-US')} / ${entries.toLocaleString('en-US')} 条（${((Date.now() - started) / 1000).toFixed(0)} 秒） / written`,
            );
          },
        },
      );
      const status = await service['books.status']({ bookId });
      if (options.json === true) {
        io.out(
          JSON.stringify({ ok: true, bookId, name: status.orgName ?? status.name, size: status.size, dataDir: dir }),
        );
      } else {
        io.out(`已生成演示记录本 / demo book written: ${status.orgName ?? status.name}`);
        io.out(`  记录本编号 / book id: ${bookId}`);
        io.out(`  条目 / entries: ${status.size}`);
        io.out(`  数据文件夹 / data folder: ${dir}`);
        io.out(`  校验 / verify: logbook status --data-dir ${JSON.stringify(dir)}`);
      }
      return EXIT.ok;
    } finally {
      service.close();
    }
  },
};
