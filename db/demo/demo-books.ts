/**
 * The newcomer's demo book (示例记录本), kept apart from the real books: its own database,
 * keys and calendars in `<dataDir>/demo/`, its own service. The service the host and the
 * desktop app expose is the real one with the demo beside it: a call naming the demo book
 * goes to the demo's service, every other call to the real one; `books.list` shows the demo
 * marked `demo: true` and never mixes its entries into a real book.
 *
 * The demo is a real sealed ledger, generated once by the same calls a recorder makes
 * (generate-demo-book.ts, the service's clock set to each call's time) and then opened and
 * verified like any other book. It is never exported as a bundle (a 示例 must not pass for
 * a record) and is deleted with one call.
 */
import fs from 'node:fs';
import path from 'node:path';
import { contract, ServiceError, type BookSummary, type MethodName } from '../contract';
import { FileKeyStore } from '../ledger';
import { callService, createService, DATABASE_FILE, type Service, type ServiceOptions } from '../service';
import { DEMO_BOOK_OPTIONS } from './demo-book-options';
import { runDemo } from './run-demo';

export const DEMO_FOLDER = 'demo';
/** Written once the whole demo book is sealed: a folder without it is a generation cut short. */
const COMPLETE_MARK = 'demo-complete';

export function demoDataDir(dataDir: string): string {
  return path.join(dataDir, DEMO_FOLDER);
}

export type DemoServiceOptions = Pick<ServiceOptions, 'nativeBinding' | 'verifyWorker' | 'inlineVerifyBelow'> & {
  /** The real data folder; the demo lives in its `demo/` subfolder. */
  dataDir: string;
};

interface OpenDemo {
  service: Service;
  bookId: string;
}

export function withDemoBook(real: Service, options: DemoServiceOptions): Service {
  const dir = demoDataDir(options.dataDir);
  let demo: OpenDemo | null = null;
  let opening: Promise<OpenDemo> | null = null;
  /** During generation: the time of the call being made (Beijing local); afterwards the real clock. */
  let generatingAt: Date | null = null;

  const openService = () =>
    createService({
      dataDir: dir,
      // The demo's key signs nothing real: a plain file beside its database, never the real keys.
      keyStore: new FileKeyStore(path.join(dir, 'keys')),
      clock: () => (generatingAt ? new Date(generatingAt.getTime()) : new Date()),
      ...(options.nativeBinding !== undefined ? { nativeBinding: options.nativeBinding } : {}),
      ...(options.verifyWorker !== undefined ? { verifyWorker: options.verifyWorker } : {}),
      ...(options.inlineVerifyBelow !== undefined ? { inlineVerifyBelow: options.inlineVerifyBelow } : {}),
    });

  const isComplete = () => fs.existsSync(path.join(dir, COMPLETE_MARK)) && fs.existsSync(path.join(dir, DATABASE_FILE));

  /** Whether the folder was looked at: afterwards only open() and remove change what is there. */
  let looked = false;
  /** Opens the demo already generated, if any (no generation here). */
  const existing = (): OpenDemo | null => {
    if (demo || looked) return demo;
    looked = true;
    if (!isComplete()) return null;
    const service = openService();
    const books = service['books.list']({}) as BookSummary[];
    if (books.length !== 1) {
      service.close();
      throw new ServiceError('demo-damaged', '示例记录本已损坏，请删除后重新打开');
    }
    demo = { service, bookId: books[0]!.bookId };
    return demo;
  };

  const generate = async (): Promise<OpenDemo> => {
    fs.rmSync(dir, { recursive: true, force: true });
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    const service = openService();
    try {
      const { bookId } = await runDemo(
        (method, input) => callService(service, method, input),
        (local) => {
          generatingAt = new Date(`${local}:00+08:00`);
        },
        DEMO_BOOK_OPTIONS,
      );
      generatingAt = null;
      fs.writeFileSync(path.join(dir, COMPLETE_MARK), `${new Date().toISOString()}\n`, { mode: 0o600 });
      // Opened again like any book at start: its full verify covers every entry just sealed.
      service.close();
      return { service: openService(), bookId };
    } catch (error) {
      generatingAt = null;
      service.close();
      fs.rmSync(dir, { recursive: true, force: true });
      const detail = error instanceof ServiceError ? `：${error.message}` : '';
      throw new ServiceError('demo-failed', `示例记录本生成失败${detail}`);
    }
  };

  const open = async (): Promise<OpenDemo> => {
    looked = false;
    const ready = existing();
    if (ready) return ready;
    opening ??= generate().then(
      (d) => {
        demo = d;
        opening = null;
        return d;
      },
      (error: unknown) => {
        opening = null;
        throw error;
      },
    );
    return opening;
  };

  const isDemoBook = (input: unknown): boolean => {
    const bookId = (input as { bookId?: unknown } | null)?.bookId;
    if (typeof bookId !== 'string') return false;
    try {
      return existing()?.bookId === bookId;
    } catch {
      // A damaged demo never gets in the way of the real books (demo.open says what is wrong).
      return false;
    }
  };

  const marked = <T extends BookSummary>(summary: T): T => ({ ...summary, demo: true });

  const routed = {} as Record<MethodName, (input: unknown) => unknown>;
  for (const method of Object.keys(contract) as MethodName[]) {
    routed[method] = (input) => {
      const target = isDemoBook(input) ? existing()!.service : real;
      return (target[method] as (input: unknown) => unknown)(input);
    };
  }

  const service = {
    ...routed,
    'books.list': async () => {
      const books = await real['books.list']({});
      let d: OpenDemo | null;
      try {
        d = existing();
      } catch {
        return books; // a damaged demo is listed again once demo.open or demo.remove has dealt with it
      }
      if (!d) return books;
      return [...books, ...(await d.service['books.list']({})).map(marked)];
    },
    'books.status': async (input: { bookId: string }) => {
      if (!isDemoBook(input)) return real['books.status'](input);
      return marked(await existing()!.service['books.status'](input));
    },
    'demo.open': async () => {
      const d = await open();
      const status = await d.service['books.status']({ bookId: d.bookId });
      return marked({
        bookId: status.bookId,
        name: status.name,
        size: status.size,
        readOnly: status.readOnly,
        ...(status.orgName ? { orgName: status.orgName } : {}),
      });
    },
    'demo.remove': async () => {
      if (opening) await opening.catch(() => undefined);
      const had = demo !== null || fs.existsSync(dir);
      demo?.service.close();
      demo = null;
      fs.rmSync(dir, { recursive: true, force: true });
      return { removed: had };
    },
    exportBundle: (bookId: string, outPath: string, exportOptions?: Parameters<Service['exportBundle']>[2]) => {
      if (isDemoBook({ bookId })) {
        return Promise.reject(new ServiceError('demo-book', '示例记录本不是正式记录，不能导出为记录本文件'));
      }
      return real.exportBundle(bookId, outPath, exportOptions);
    },
    // Uploads are staged for the real books' store only (an import never goes into the demo).
    stageBundle: (source: Parameters<Service['stageBundle']>[0], onProgress?: Parameters<Service['stageBundle']>[1]) =>
      real.stageBundle(source, onProgress),
    close: () => {
      demo?.service.close();
      demo = null;
      real.close();
    },
  };
  // Every method the Service has beyond the contract must be forwarded above (the cast cannot check it).
  const extras: (keyof Service)[] = ['exportBundle', 'stageBundle', 'close'];
  for (const key of extras)
    if (typeof (service as Record<string, unknown>)[key] !== 'function')
      throw new Error(`demo-books: ${key} not forwarded`);
  return service as unknown as Service;
}
