/**
 * 导出数据包 / 导入数据包 from the application menu: the command is remembered until the
 * bundle card (Settings) is shown and takes it, so a command sent while another page is open
 * still opens its dialog once Settings appears.
 */
export type BundleCommand = 'export-bundle' | 'import-bundle';

export const BUNDLE_COMMAND_EVENT = 'logbook:bundle-command';
let pending: BundleCommand | null = null;

export function requestBundleCommand(command: BundleCommand): void {
  pending = command;
  window.dispatchEvent(new Event(BUNDLE_COMMAND_EVENT));
}

/** The command waiting to be handled, once. */
export function takeBundleCommand(): BundleCommand | null {
  const command = pending;
  pending = null;
  return command;
}
