/**
 * `logbook restore --bundle FILE --key key.pem --data-dir NEWDIR`: a book back from its signed
 * bundle and its key backup, in a NEW data folder (never one holding a logbook.sqlite):
 *
 *  1. the key backup is decrypted (LOGBOOK_PASSPHRASE or a terminal prompt) and must be Ed25519;
 *  2. the bundle is verified in full, pinned to that key's fingerprint, and the key must be the
 *     book's CURRENT key (an older key could not continue the chain);
 *  3. only then is anything written: the key into the folder's plain key store (as the browser
 *     host keeps it, host/real-service.ts), the book imported into a new ledger
 *     (Ledger.importBook: re-checked, fully verified before COMMIT);
 *  4. the folder is opened with the real service and `books.verify` must pass. Nothing is sealed.
 *
 * A refusal before step 3 writes nothing; a failure after it removes what this run created,
 * so NEWDIR is left without a database. Exit 0 restored, 1 refused, 2 usage or folder error.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { EntriesStage } from '../../db/bundle/staging';
import { importVerifiedBundle, tempStagingRoot, verifyStaged } from '../../db/bundle/verified-book';
import type { BundleReport } from '../../db/bundle/verify-bundle';
import { secureDataFolder } from '../../db/data-folder';
import { openLedger } from '../../db/ledger/index';
import { MAX_KEY_BACKUP_BYTES, readKeyBackup } from '../../db/ledger/key-backup';
import { exportPrivateKey, type SigningKey } from '../../db/ledger/keys';
import { DATABASE_FILE } from '../../db/service/index';
import { callService } from '../../db/service/create-service';
import { keysDir, openRealService, plainKeyStore } from '../../host/real-service';
import { EXIT, messageOf, parseOptions, requireOption, UsageError, type CliIo, type Command } from './command';
import { databaseOf, requireFreshFolder } from './data-dir';
import { PASSPHRASE_ENV, readPassphrase } from './passphrase';
import { requireBundleFile } from './verify-command';

const USAGE = `用法 / usage: logbook restore --bundle <导出包 bundle.zip> --key <key.pem> --data-dir <新文件夹 new folder> [--json]
  用导出包和密钥备份把记录本恢复到一个新的数据文件夹：先完整核验导出包（固定为该密钥的指纹），再导入，之后可继续在同一条记录链上封存
  restore a book from its bundle and key backup into a new data folder: the bundle is fully verified (pinned to the key) first; sealing then continues the same chain
  口令 / passphrase: 环境变量 ${PASSPHRASE_ENV}，或在终端中输入（不回显） / from ${PASSPHRASE_ENV} or typed at the terminal
  退出码 / exit code: 0 已恢复 restored · 1 未能恢复 refused · 2 用法或文件夹有误 usage or folder error`;

class Refused extends Error {
  constructor(
    message: string,
    readonly report?: BundleReport,
  ) {
    super(message);
  }
}

function readKeyFile(file: string): Buffer {
  if (!fs.existsSync(file)) throw new UsageError(`密钥备份文件不存在：${file} / key file not found`);
  const info = fs.statSync(file);
  if (!info.isFile()) throw new UsageError(`不是文件：${file} / not a file`);
  if (info.size > MAX_KEY_BACKUP_BYTES)
    throw new UsageError(`不是密钥备份文件（太大）：${file} / not a key backup (too large)`);
  return fs.readFileSync(file);
}

/** What a restore creates in the folder, so that a failure takes exactly that away again. */
function undoer(dir: string): () => void {
  const dirExisted = fs.existsSync(dir);
  const keys = keysDir(dir);
  const keysBefore = fs.existsSync(keys) ? new Set(fs.readdirSync(keys)) : null;
  return () => {
    const db = databaseOf(dir);
    for (const file of [db, `${db}-wal`, `${db}-shm`, `${db}-journal`]) fs.rmSync(file, { force: true });
    fs.rmSync(`${db}.checkpoints`, { recursive: true, force: true });
    if (keysBefore === null) fs.rmSync(keys, { recursive: true, force: true });
    else if (fs.existsSync(keys))
      for (const name of fs.readdirSync(keys))
        if (!keysBefore.has(name)) fs.rmSync(path.join(keys, name), { force: true });
    if (!dirExisted && fs.existsSync(dir) && fs.readdirSync(dir).length === 0) fs.rmdirSync(dir);
  };
}

async function restore(bundle: string, keyPem: Buffer, passphrase: string, dir: string) {
  let key: SigningKey;
  try {
    key = readKeyBackup(keyPem, passphrase);
  } catch (error) {
    throw new Refused(messageOf(error));
  }
  // Staged outside NEWDIR: a refusal before step 3 writes nothing there.
  const { report, stage } = await verifyStaged(bundle, tempStagingRoot(), { pin: key.keyId });
  try {
    return await restoreVerified(bundle, key, dir, report, stage);
  } finally {
    stage.remove();
  }
}

async function restoreVerified(
  bundle: string,
  key: SigningKey,
  dir: string,
  report: BundleReport,
  stage: EntriesStage,
) {
  if (!report.ok) throw new Refused('导出包未通过核验，没有写入任何数据', report);
  if (report.keyId !== key.keyId) {
    throw new Refused(
      `密钥备份中的密钥 ${key.keyId} 不是记录本当前的签名密钥 ${report.keyId ?? ''}（记录本在备份之后办理过密钥移交）。请使用最近一次备份的密钥`,
      report,
    );
  }
  const bookId = report.bookId!;
  const undo = undoer(dir);
  try {
    secureDataFolder(dir);
    const keys = plainKeyStore(dir);
    keys.save(key.keyId, exportPrivateKey(key.privateKey));
    const ledger = openLedger({ path: databaseOf(dir), keyStore: keys, verifyOnOpen: false });
    try {
      await importVerifiedBundle(ledger, bundle, report, stage);
    } finally {
      ledger.close();
    }
    const service = openRealService({ dataDir: dir });
    try {
      const verify = await callService(service, 'books.verify', { bookId });
      if (!verify.ok) throw new Refused(`恢复后的记录本未通过完整校验：${verify.problems[0]?.message ?? ''}`);
      const status = await callService(service, 'books.status', { bookId });
      return { bookId, size: verify.size, root: verify.root, keyId: key.keyId, readOnly: status.readOnly };
    } finally {
      service.close();
    }
  } catch (error) {
    undo();
    throw error;
  }
}

function printRefusal(io: CliIo, error: Refused): void {
  for (const check of error.report?.checks ?? []) {
    if (!check.ok && !check.skipped) io.err(`✘ [${check.code}] ${check.message}`);
  }
  io.err(`✘ 未能恢复：${error.message} / restore refused`);
}

export const restoreCommand: Command = {
  name: 'restore',
  summary: '从导出包和密钥备份恢复记录本 / restore a book from its bundle and key backup',
  usage: USAGE,
  async run(args, io) {
    const options = parseOptions(args, {
      bundle: { type: 'string' },
      key: { type: 'string' },
      'data-dir': { type: 'string' },
      json: { type: 'boolean', default: false },
    });
    const bundle = requireBundleFile(requireOption(options.bundle, '--bundle'));
    const keyPem = readKeyFile(requireOption(options.key, '--key'));
    const dir = requireFreshFolder(
      requireOption(options['data-dir'], '--data-dir'),
      '恢复不会写入已有的数据，请换一个新的文件夹 / this folder already holds a logbook; restore into a new folder',
    );
    const passphrase = await readPassphrase(false);
    try {
      const done = await restore(bundle, keyPem, passphrase, dir);
      if (options.json === true) {
        io.out(
          JSON.stringify({
            ok: true,
            dataDir: dir,
            bookId: done.bookId,
            size: done.size,
            root: done.root,
            keyId: done.keyId,
            readOnly: done.readOnly,
          }),
        );
      } else {
        io.out(`✔ 已恢复记录本 ${done.bookId}（${done.size} 条，完整校验通过）到 ${dir} / book restored and verified`);
        io.out(`  密钥指纹 / key fingerprint: ${done.keyId}`);
        io.out(`  默克尔根 / root: ${done.root}`);
        io.out(`  数据库 / database: ${path.join(dir, DATABASE_FILE)}`);
      }
      return EXIT.ok;
    } catch (error) {
      const refused = error instanceof Refused ? error : new Refused(messageOf(error));
      if (options.json === true) {
        io.out(
          JSON.stringify({
            ok: false,
            error: { message: refused.message },
            ...(refused.report ? { checks: refused.report.checks } : {}),
          }),
        );
      } else {
        printRefusal(io, refused);
      }
      return EXIT.failed;
    }
  },
};
