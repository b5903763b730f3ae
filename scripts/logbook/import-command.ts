/**
 * `logbook import --data-dir DIR <bundle> [--accept-fingerprint FP] [--json]`: the liaison's
 * import (db/bundle/liaison-import.ts through the service, as the app does it): the bundle is
 * verified in full; a first import needs the key fingerprint compared with the paper 备案;
 * a later one must extend what was imported before, or it is a rollback / fork / key alarm
 * kept as evidence. The folder is created if it does not exist (the liaison's own store).
 * Exit 0 imported, extended or unchanged; 1 refused, alarm, or fingerprint needed; 2 usage.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { BundleImportView } from '../../db/contract/index';
import { secureDataFolder } from '../../db/data-folder';
import { callService } from '../../db/service/index';
import { openRealService } from '../../host/real-service';
import { DataDirError, EXIT, messageOf, parseOptions, requireOption, type CliIo, type Command } from './command';
import { bundleArgument, requireBundleFile } from './verify-command';

const USAGE = `用法 / usage: logbook import --data-dir <文件夹 folder> <导出包 bundle.zip> [--accept-fingerprint <SHA256:指纹>] [--json]
  核验数据包并导入本机（党建联络员的记录本库），导入的记录本只读
  verify a bundle and import it into this store (the liaison's); imported books are read-only
  --accept-fingerprint  首次导入时必填：与纸质备案核对过的密钥指纹（建账或当前密钥）
                        needed the first time: the key fingerprint checked against the paper record
  以后的导入必须是上次导入的延续，否则报回滚、分叉或密钥警报，数据包作为证据保存，不会合并
  later imports must extend the last one; otherwise a rollback, fork or key alarm is raised and the bundle kept as evidence
  退出码 / exit code: 0 已导入或无变化 imported or unchanged · 1 拒绝、警报或需确认指纹 refused, alarm or fingerprint needed · 2 用法有误 usage error`;

function printHuman(io: CliIo, view: BundleImportView): void {
  const mark =
    view.outcome === 'imported' || view.outcome === 'extended' || view.outcome === 'unchanged'
      ? '✔'
      : view.outcome === 'alarm'
        ? '⚠'
        : '✘';
  io.out(`${mark} ${view.message}`);
  if (view.bookId) io.out(`  记录本编号 / book id: ${view.bookId}`);
  if (view.outcome === 'needs-fingerprint') {
    io.out(`  建账密钥指纹 / genesis key fingerprint: ${view.genesisKeyId ?? ''}`);
    io.out(`  当前密钥指纹 / current key fingerprint: ${view.currentKeyId ?? ''}`);
    io.out(
      '  与纸质备案核对后重新运行，加上 --accept-fingerprint <指纹> / compare with the paper record, then run again with --accept-fingerprint',
    );
  }
  for (const check of view.failedChecks) io.out(`  ✘ ${check}`);
  for (const alarm of view.alarms) {
    io.out(`  ${alarm.kindLabel}：${alarm.message}`);
    io.out(
      `    本机固定 / pinned:   ${alarm.pinned.size} 条 root ${alarm.pinned.root} ${alarm.pinned.time} ${alarm.pinned.keyId}`,
    );
    if (alarm.found)
      io.out(
        `    数据包 / in bundle: ${alarm.found.size} 条 root ${alarm.found.root} ${alarm.found.time} ${alarm.found.keyId}`,
      );
    if (alarm.evidenceFile) io.out(`    证据副本 / evidence copy: evidence/${alarm.evidenceFile}`);
  }
}

export const importCommand: Command = {
  name: 'import',
  summary: '核验并导入数据包（联络员） / verify and import a bundle (liaison)',
  usage: USAGE,
  async run(args, io) {
    const { file, rest } = bundleArgument(args, ['--data-dir', '--accept-fingerprint']);
    const options = parseOptions(rest, {
      'data-dir': { type: 'string' },
      'accept-fingerprint': { type: 'string' },
      json: { type: 'boolean', default: false },
    });
    const dir = path.resolve(requireOption(options['data-dir'], '--data-dir'));
    requireBundleFile(file);
    if (fs.existsSync(dir) && !fs.statSync(dir).isDirectory())
      throw new DataDirError(`不是文件夹：${dir} / not a folder`);
    let service;
    try {
      fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
      secureDataFolder(dir);
      service = openRealService({ dataDir: dir });
    } catch (error) {
      throw new DataDirError(`无法打开数据文件夹：${messageOf(error)} / cannot open the data folder`);
    }
    try {
      const upload = await service.stageBundle(file);
      let view: BundleImportView;
      try {
        view = await callService(service, 'bundles.import', {
          upload,
          ...(options['accept-fingerprint'] !== undefined ? { fingerprint: options['accept-fingerprint'] } : {}),
        });
      } finally {
        await callService(service, 'bundles.discard', { upload });
      }
      if (options.json === true) io.out(JSON.stringify(view));
      else printHuman(io, view);
      return view.outcome === 'imported' || view.outcome === 'extended' || view.outcome === 'unchanged'
        ? EXIT.ok
        : EXIT.failed;
    } finally {
      service.close();
    }
  },
};
