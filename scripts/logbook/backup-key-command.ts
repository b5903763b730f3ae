/**
 * `logbook backup-key --data-dir DIR --book ID --out key.pem`: the book's current private key
 * as an encrypted PKCS#8 PEM (db/ledger/key-backup.ts), readable by `openssl pkey`. With the
 * book's bundle it restores the book on a new computer (`logbook restore`). The passphrase
 * comes from LOGBOOK_PASSPHRASE or a terminal prompt (never an argument, never echoed); the
 * file is created 0600 and never overwrites anything. Exit 0 written, 1 refused, 2 usage.
 */
import fs from 'node:fs';
import { LedgerError, openLedger } from '../../db/ledger/index';
import { checkPassphrase, exportKeyBackup } from '../../db/ledger/key-backup';
import { plainKeyStore } from '../../host/real-service';
import { DataDirError, EXIT, messageOf, UsageError, type Command } from './command';
import { databaseOf, parseBookToFile } from './data-dir';
import { PASSPHRASE_ENV, readPassphrase } from './passphrase';

const USAGE = `用法 / usage: logbook backup-key --data-dir <文件夹 folder> --book <记录本编号 book id> --out <key.pem> [--json]
  把记录本当前的签名私钥备份为口令加密的 PKCS#8 PEM 文件（openssl 可读），与导出包一起可在新电脑上恢复记录本
  back up the book's current signing key as a passphrase-encrypted PKCS#8 PEM (openssl reads it); with a bundle it restores the book
  口令 / passphrase: 环境变量 ${PASSPHRASE_ENV}，或在终端中输入（不回显），至少 12 个字符
                     from ${PASSPHRASE_ENV} or typed at the terminal (not echoed), at least 12 characters
  退出码 / exit code: 0 已备份 written · 1 未能备份 refused · 2 用法或文件夹有误 usage or folder error`;

/** Creates `file` with `text`, owner-only, failing if anything is already there (no overwrite, no symlink followed). */
export function writeNewPrivateFile(file: string, text: string): void {
  const fd = fs.openSync(file, fs.constants.O_WRONLY | fs.constants.O_CREAT | fs.constants.O_EXCL, 0o600);
  try {
    fs.writeFileSync(fd, text);
    fs.fsyncSync(fd);
    // The mode given to open() is filtered by the umask.
    fs.fchmodSync(fd, 0o600);
  } finally {
    fs.closeSync(fd);
  }
}

export const backupKeyCommand: Command = {
  name: 'backup-key',
  summary: '备份签名私钥（口令加密） / back up the signing key, encrypted',
  usage: USAGE,
  async run(args, io) {
    const { dir, bookId, out, json } = parseBookToFile(args);
    const passphrase = await readPassphrase(true);
    try {
      checkPassphrase(passphrase);
    } catch (error) {
      throw new UsageError(`${messageOf(error)} / the passphrase must have at least 12 characters`);
    }
    const keys = plainKeyStore(dir);
    let ledger;
    try {
      // Read-only and without the full verify: only the key history (genesis, rotations) is needed.
      ledger = openLedger({ path: databaseOf(dir), keyStore: keys, readonly: true, verifyOnOpen: false });
    } catch (error) {
      throw new DataDirError(`无法打开数据文件夹：${messageOf(error)} / cannot open the data folder`);
    }
    let keyId: string;
    try {
      keyId = ledger.getBook(bookId).keyId;
    } finally {
      ledger.close();
    }
    if (keyId === '')
      throw new LedgerError('key-invalid', `无法读取记录本 ${bookId} 的密钥记录，请先运行 logbook status 查看原因。`);
    const pem = exportKeyBackup(keys, keyId, passphrase);
    writeNewPrivateFile(out, pem);
    if (json) {
      io.out(JSON.stringify({ ok: true, file: out, bookId, keyId }));
    } else {
      io.out(
        `✔ 已把记录本 ${bookId} 的签名私钥备份到 ${out}（口令加密，仅本人可读） / key backed up, encrypted, owner-only`,
      );
      io.out(`  密钥指纹 / key fingerprint: ${keyId}`);
      io.out(
        '  请把备份文件和口令分开保管；密钥移交（轮换）后请重新备份 / keep the file and the passphrase apart; back up again after a key rotation',
      );
    }
    return EXIT.ok;
  },
};
