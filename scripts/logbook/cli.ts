/**
 * The `logbook` command line: one table of commands, each in its own file in this folder
 * (status, demo; export, verify, inspect, import, restore and print join the table the same
 * way). Exit codes: 0 done, 1 the work failed (e.g. a book does not verify), 2 usage or
 * data-folder errors. Errors are one message, Chinese first, never a stack trace.
 */
import { backupKeyCommand } from './backup-key-command';
import { DataDirError, EXIT, messageOf, processIo, UsageError, type CliIo, type Command } from './command';
import { demoCommand } from './demo-command';
import { exportCommand } from './export-command';
import { importCommand } from './import-command';
import { inspectCommand } from './inspect-command';
import { printCommand } from './print-command';
import { restoreCommand } from './restore-command';
import { statusCommand } from './status-command';
import { verifyCommand } from './verify-command';

export const COMMANDS: Record<string, Command> = {
  [statusCommand.name]: statusCommand,
  [demoCommand.name]: demoCommand,
  [exportCommand.name]: exportCommand,
  [verifyCommand.name]: verifyCommand,
  [inspectCommand.name]: inspectCommand,
  [importCommand.name]: importCommand,
  [backupKeyCommand.name]: backupKeyCommand,
  [restoreCommand.name]: restoreCommand,
  [printCommand.name]: printCommand,
};

export function usage(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((n) => n.length));
  return [
    '党建工作小组工作记录本 · 命令行 / party-building record book, command line',
    '',
    '用法 / usage: logbook <命令 command> [选项 options]',
    '',
    '命令 / commands:',
    ...Object.values(COMMANDS).map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    '每个命令的选项 / options of a command: logbook <命令> --help',
  ].join('\n');
}

export async function main(argv: string[], io: CliIo = processIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.out(usage());
    return EXIT.usage;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.err(`未知命令：${name} / unknown command: ${name}\n\n${usage()}`);
    return EXIT.usage;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(command.usage);
    return EXIT.usage;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`${error.message}\n\n${command.usage}`);
      return EXIT.usage;
    }
    if (error instanceof DataDirError) {
      io.err(error.message);
      return EXIT.usage;
    }
    io.err(`logbook ${command.name} 未能完成：${messageOf(error)} / logbook ${command.name} failed`);
    return EXIT.failed;
  }
}
