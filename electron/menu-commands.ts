/**
 * Menu items that need the renderer (they open a page or a form) are sent to it as
 * commands on one channel. The list is closed: the preload forwards only these names.
 * Kept free of imports so the sandboxed preload can bundle it.
 */
export const COMMAND_CHANNEL = 'logbook:command';

export const MENU_COMMANDS = [
  'export-bundle',
  'import-bundle',
  'verify-book',
  'show-key-fingerprint',
  'show-help',
] as const;

export type MenuCommand = (typeof MENU_COMMANDS)[number];

export function isMenuCommand(value: unknown): value is MenuCommand {
  return typeof value === 'string' && (MENU_COMMANDS as readonly string[]).includes(value);
}
