/**
 * `logbook export --data-dir DIR --book ID --out FILE`: writes the book's signed bundle, the
 * same one the app exports (db/service/bundle-service.ts): after the book's full verify, with
 * every byte proven against the signed checkpoint again. Progress on stderr; the bundle is
 * written under a temporary name and renamed only when complete. Exit 0 written, 1 refused.
 */
import { EXIT, messageOf, type Command } from './command';
import { openBookFolder, parseBookToFile } from './data-dir';

const USAGE = `用法 / usage: logbook export --data-dir <文件夹 folder> --book <记录本编号 book id> --out <导出包 bundle.zip> [--json]
  把一本记录本导出为签名数据包（BagIt + SSH 签名），供党建联络员核验、备份或迁移
  export one book as its signed bundle (BagIt + SSH signature): for the liaison, a backup or a new computer
  退出码 / exit code: 0 已导出 written · 1 未能导出 refused · 2 用法或文件夹有误 usage or folder error`;

export const exportCommand: Command = {
  name: 'export',
  summary: '导出签名数据包 / export a book as its signed bundle',
  usage: USAGE,
  async run(args, io) {
    const { dir, bookId, out, json } = parseBookToFile(args);
    const service = openBookFolder(dir);
    try {
      let shown = 0;
      const result = await service.exportBundle(bookId, out, {
        onProgress: (done, total) => {
          if (done - shown >= 10_000 || done === total) {
            shown = done;
            io.err(`已写入 ${done} / ${total} / written`);
          }
        },
      });
      if (json) {
        io.out(
          JSON.stringify({
            ok: true,
            file: result.path,
            bytes: result.bytes,
            size: result.size,
            root: result.root,
            keyId: result.keyId,
            allowedSigners: result.allowedSigners,
          }),
        );
      } else {
        io.out(
          `✔ 已导出第 1–${result.size} 条到 ${result.path}（${(result.bytes / 1024 / 1024).toFixed(1)} MB） / bundle written`,
        );
        io.out(`  密钥指纹 / key fingerprint: ${result.keyId}`);
        io.out(`  allowed_signers: ${result.allowedSigners}`);
      }
      return EXIT.ok;
    } catch (error) {
      const message = messageOf(error);
      if (json) io.out(JSON.stringify({ ok: false, error: { message } }));
      else io.err(`✘ 未能导出：${message} / export refused`);
      return EXIT.failed;
    } finally {
      service.close();
    }
  },
};
