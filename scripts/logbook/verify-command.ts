/**
 * `logbook verify <bundle>`: checks a bundle someone handed over without trusting it
 * (db/bundle/verify-bundle.ts): one line per failed check, a summary line; `--pin` demands a
 * key fingerprint, `--state <folder>` demands a consistent extension of what was verified
 * before and remembers this bundle only when everything verified. Once the bundle verified,
 * every receipt it carries (收到抽查回执) and, with `--receipts <file>`, every receipt of a
 * liaison's receipts file is checked against it (db/liaison/carried-receipts.ts): one line
 * per receipt that does not match. Exit 0 all verified, 1 a check failed, an alarm was
 * raised or a receipt does not match, 2 usage.
 */
import fs from 'node:fs';
import { PinState } from '../../db/bundle/pin-state';
import { updatePinState, verifyBundle, type BundleReport } from '../../db/bundle/verify-bundle';
import { MAX_RECEIPTS_FILE_TEXT } from '../../db/contract/receipts';
import {
  CarriedReceipts,
  checkBundleReceipts,
  type KnownInput,
  type ReceiptCheck,
} from '../../db/liaison/carried-receipts';
import { isMismatch } from '../../db/liaison/receipt-entries';
import { readReceiptsFile } from '../../db/liaison/receipts-file';
import { EXIT, parseOptions, UsageError, type CliIo, type Command } from './command';

const USAGE = `用法 / usage: logbook verify <导出包 bundle.zip> [--pin <SHA256:指纹 fingerprint>] [--state <文件夹 folder>] [--receipts <回执汇总 receipts.json>] [--json]
  不信任地核验一个导出包：压缩包安全、BagIt 清单、SSH 签名、记录链、默克尔根、检查点签名、附件
  verify a bundle without trusting it: zip safety, BagIt manifests, SSH signature, chain, Merkle root, checkpoint signature, attachments
  --pin    记录本密钥指纹（建账或当前密钥） / the book's key fingerprint (genesis or current key)
  --state  每本记录本的核验状态文件夹：新包必须是上次核验的延续（否则报回滚或分叉），全部通过后才更新
           folder of per-book verified state: the bundle must extend it (else rollback or fork alarm); updated only when all passed
  --receipts 联络员导出的回执汇总文件：数据包必须与其中每份回执一致（否则为已查历史被改写）
           a liaison's receipts file: the bundle must match every receipt in it (else checked history was rewritten)
  退出码 / exit code: 0 全部通过 verified · 1 未通过或有警报 a check failed or an alarm · 2 用法有误 usage error`;

const KEY_ID = /^SHA256:[A-Za-z0-9+/]{43}$/u;

export function bundleArgument(
  args: string[],
  valued: readonly string[] = ['--pin', '--state', '--receipts'],
): { file: string; rest: string[] } {
  const index = args.findIndex((a, i) => !a.startsWith('-') && (i === 0 || !valued.includes(args[i - 1]!)));
  if (index < 0) throw new UsageError('缺少导出包文件 / missing the bundle file');
  const file = args[index]!;
  return { file, rest: [...args.slice(0, index), ...args.slice(index + 1)] };
}

export function requireBundleFile(file: string): string {
  if (!fs.existsSync(file)) throw new UsageError(`导出包不存在：${file} / bundle not found`);
  if (!fs.statSync(file).isFile()) throw new UsageError(`不是文件：${file} / not a file`);
  return file;
}

export const verifyCommand: Command = {
  name: 'verify',
  summary: '核验导出包 / verify a bundle without trusting it',
  usage: USAGE,
  async run(args, io) {
    const { file, rest } = bundleArgument(args);
    const options = parseOptions(rest, {
      pin: { type: 'string' },
      state: { type: 'string' },
      receipts: { type: 'string' },
      json: { type: 'boolean', default: false },
    });
    if (options.pin !== undefined && !KEY_ID.test(options.pin)) {
      throw new UsageError(
        `--pin 应为 SHA256:… 形式的密钥指纹 / --pin must be a key fingerprint SHA256:…: ${options.pin}`,
      );
    }
    if (options.state !== undefined && fs.existsSync(options.state) && !fs.statSync(options.state).isDirectory()) {
      throw new UsageError(`--state 不是文件夹：${options.state} / --state is not a folder`);
    }
    requireBundleFile(file);
    const known = options.receipts === undefined ? [] : readReceiptsOption(options.receipts);
    const state = options.state === undefined ? undefined : new PinState(options.state);
    const seen = new CarriedReceipts();
    const report = await verifyBundle(file, {
      ...(options.pin ? { pin: options.pin } : {}),
      ...(state ? { state } : {}),
      onEntry: seen.onEntry,
    });
    const receipts = report.ok ? checkBundleReceipts(seen, report, known) : [];
    const failed = receipts.filter((r) => isMismatch(r.state) || r.state === 'invalid');
    const ok = report.ok && failed.length === 0;
    const pinned = state && ok ? updatePinState(state, report) !== null : false;
    if (options.json === true) {
      const shown = receipts.map(({ state: s, text, source, seq }) => ({ state: s, text, source, seq }));
      io.out(JSON.stringify({ ...report, file, statePinned: pinned, receipts: shown }));
    } else {
      printHuman(io, file, report, pinned);
      printReceipts(io, receipts, failed);
    }
    return ok ? EXIT.ok : EXIT.failed;
  },
};

function readReceiptsOption(file: string): KnownInput[] {
  if (!fs.existsSync(file) || !fs.statSync(file).isFile())
    throw new UsageError(`回执汇总文件不存在：${file} / receipts file not found`);
  if (fs.statSync(file).size > MAX_RECEIPTS_FILE_TEXT + 10_000)
    throw new UsageError(`回执汇总文件过大：${file} / receipts file too large`);
  const read = readReceiptsFile(fs.readFileSync(file, 'utf8'));
  if (!read.ok) throw new UsageError(`回执汇总文件无效：${read.reason} / invalid receipts file`);
  return read.receipts;
}

const ENGLISH: Record<ReceiptCheck['state'], string> = {
  consistent: 'matches the bundle',
  rewritten: 'the checked entries were REWRITTEN (checked history rewritten)',
  shorter: 'the bundle is SHORTER than what was checked (an older copy or entries removed)',
  'other-book': 'belongs to another book',
  invalid: 'cannot be verified',
};

function english(r: ReceiptCheck): string {
  const where = r.source === 'carried' ? `receipt carried at entry ${r.seq ?? '?'}` : 'receipt from the receipts file';
  const what = r.receipt ? ` (${r.receipt.liaison.keyId}, ${r.receipt.size} entries checked)` : '';
  return `${where}${what}: ${ENGLISH[r.state]}`;
}

function printReceipts(io: CliIo, receipts: ReceiptCheck[], failed: ReceiptCheck[]): void {
  for (const r of failed) io.out(`✘ [receipt] ${r.text} / ${english(r)}`);
  if (receipts.length === 0) return;
  const good = receipts.filter((r) => r.state === 'consistent').length;
  io.out(
    failed.length === 0
      ? `✔ 抽查回执 ${good} 份均与数据包一致 / all ${good} receipts match`
      : `✘ 抽查回执 ${failed.length} 份不符，${good} 份一致 / ${failed.length} receipts do NOT match, ${good} match`,
  );
}

function printHuman(io: CliIo, file: string, report: BundleReport, pinned: boolean): void {
  io.out(`导出包 / bundle: ${file}`);
  for (const check of report.checks) {
    if (!check.ok && !check.skipped) io.out(`✘ [${check.code}] ${check.message}`);
  }
  for (const alarm of report.alarms) {
    const what =
      alarm.kind === 'rollback' ? '回滚 / ROLLBACK' : alarm.kind === 'fork' ? '分叉 / FORK' : '密钥变更 / KEY CHANGE';
    io.out(
      `⚠ 警报 ${what}: 本机记录 pinned ${alarm.pinned.size ?? '-'} 条 ${alarm.pinned.root ?? ''} ${alarm.pinned.keyId ?? ''} · 本包 found ${alarm.found.size ?? '-'} 条 ${alarm.found.root ?? ''} ${alarm.found.keyId ?? ''}`.replace(
        / +/gu,
        ' ',
      ),
    );
  }
  const skipped = report.checks.filter((c) => c.skipped).length;
  if (report.ok) {
    io.out(
      `✔ 导出包核验通过：记录本 ${report.bookId} · ${report.size} 条 · 密钥 ${report.keyId} / bundle verified: ${report.checks.length} checks passed`,
    );
    io.out(`  默克尔根 / root: ${report.root}`);
    if (pinned) io.out('  已更新本机核验状态 / verified state updated');
  } else {
    const failed = report.checks.filter((c) => !c.ok && !c.skipped).length;
    io.out(
      `✘ 导出包未通过核验（${failed} 项未通过，${skipped} 项未检查） / bundle NOT verified (${failed} failed, ${skipped} not checked)`,
    );
  }
}
