/**
 * `logbook inspect <bundle>`: what a bundle says it is — book, organisation, size, root, key,
 * bagging date, attachments — read with the same zip safety limits as verify, but NOTHING is
 * checked, and the output says so (未校验 / not verified). Exit 0 read, 1 unsafe or unreadable, 2 usage.
 */
import { BundleZipError } from '../../db/bundle/bundle-reader';
import { inspectBundle } from '../../db/bundle/inspect-bundle';
import { EXIT, parseOptions, type Command } from './command';
import { bundleArgument, requireBundleFile } from './verify-command';

const USAGE = `用法 / usage: logbook inspect <导出包 bundle.zip> [--json]
  显示导出包自称的内容（未校验） / show what a bundle claims to be (not verified)
  核验请用 / to verify: logbook verify <bundle.zip>
  退出码 / exit code: 0 已读取 read · 1 压缩包不安全或无法读取 unsafe or unreadable · 2 用法有误 usage error`;

export const inspectCommand: Command = {
  name: 'inspect',
  summary: '查看导出包（未校验） / show what a bundle claims (not verified)',
  usage: USAGE,
  async run(args, io) {
    const { file, rest } = bundleArgument(args);
    const options = parseOptions(rest, { json: { type: 'boolean', default: false } });
    requireBundleFile(file);
    const json = options.json === true;
    let claims;
    try {
      claims = await inspectBundle(file);
    } catch (error) {
      if (!(error instanceof BundleZipError)) throw error;
      if (json)
        io.out(JSON.stringify({ ok: false, verified: false, error: { code: error.detail, message: error.message } }));
      else io.out(`✘ 无法安全读取导出包 / cannot read the bundle safely: ${error.message}`);
      return EXIT.failed;
    }
    if (json) {
      io.out(JSON.stringify({ ok: true, ...claims }));
      return EXIT.ok;
    }
    const shown = (v: string | number | null): string => (v === null ? '（无法读取 unreadable）' : String(v));
    io.out(`导出包自称的内容（未校验） / what the bundle claims (NOT verified): ${file}`);
    io.out(`  记录本编号 / book id: ${claims.bookId}`);
    io.out(`  名称 / name: ${shown(claims.name)}`);
    io.out(`  组织 / organisation: ${shown(claims.orgName)}`);
    io.out(`  条目 / entries: ${shown(claims.size)}`);
    io.out(`  默克尔根 / root: ${shown(claims.root)}`);
    io.out(`  密钥指纹 / key fingerprint: ${shown(claims.keyId)}`);
    io.out(`  检查点时间 / checkpoint time: ${shown(claims.checkpointTime)}`);
    io.out(`  打包日期 / bagging date: ${shown(claims.baggingDate)}`);
    io.out(
      `  附件 / attachments: ${claims.attachments} 个，${claims.attachmentBytes} 字节 / ${claims.attachments} files, ${claims.attachmentBytes} bytes`,
    );
    io.out(`  未校验：以上均为包内文件所写，核验请运行 logbook verify / not verified: run logbook verify to check`);
    return EXIT.ok;
  },
};
