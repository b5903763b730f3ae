/**
 * The Chinese application menu (文件 / 编辑 / 视图 / 帮助). Built as a plain template from
 * injected actions so a test can check labels and wiring without Electron.
 * Developer items (reload, devtools) appear only in development builds.
 */
import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from './menu-commands';

export interface MenuActions {
  /** Forwards a command to the renderer (it opens the matching page or form). */
  send(command: MenuCommand): void;
  print(): void;
  savePdf(): void;
  openDataFolder(): void;
  about(): void;
}

export interface MenuOptions {
  isDev: boolean;
  platform: string;
}

export function buildMenuTemplate(actions: MenuActions, options: MenuOptions): MenuItemConstructorOptions[] {
  const mac = options.platform === 'darwin';
  const file: MenuItemConstructorOptions = {
    label: '文件(&F)',
    submenu: [
      { label: '导出数据包…', accelerator: 'CmdOrCtrl+E', click: () => actions.send('export-bundle') },
      { label: '导入数据包…', accelerator: 'CmdOrCtrl+O', click: () => actions.send('import-bundle') },
      { type: 'separator' },
      { label: '打印…', accelerator: 'CmdOrCtrl+P', click: () => actions.print() },
      { label: '导出为 PDF…', accelerator: 'CmdOrCtrl+Shift+P', click: () => actions.savePdf() },
      { type: 'separator' },
      { label: '打开数据文件夹', click: () => actions.openDataFolder() },
      { type: 'separator' },
      { label: '退出', role: 'quit', accelerator: mac ? 'Cmd+Q' : 'Ctrl+Q' },
    ],
  };
  const edit: MenuItemConstructorOptions = {
    label: '编辑(&E)',
    submenu: [
      { label: '撤销', role: 'undo' },
      { label: '重做', role: 'redo' },
      { type: 'separator' },
      { label: '剪切', role: 'cut' },
      { label: '复制', role: 'copy' },
      { label: '粘贴', role: 'paste' },
      { label: '全选', role: 'selectAll' },
    ],
  };
  const viewItems: MenuItemConstructorOptions[] = [
    { label: '实际大小', role: 'resetZoom' },
    { label: '放大', role: 'zoomIn' },
    { label: '缩小', role: 'zoomOut' },
    { type: 'separator' },
    { label: '全屏', role: 'togglefullscreen' },
  ];
  if (options.isDev) {
    viewItems.push(
      { type: 'separator' },
      { label: '重新加载', role: 'reload' },
      { label: '开发者工具', role: 'toggleDevTools' },
    );
  }
  const view: MenuItemConstructorOptions = { label: '视图(&V)', submenu: viewItems };
  const help: MenuItemConstructorOptions = {
    label: '帮助(&H)',
    submenu: [
      { label: '使用说明', accelerator: 'F1', click: () => actions.send('show-help') },
      { label: '完整性校验…', click: () => actions.send('verify-book') },
      { label: '密钥指纹与备案…', click: () => actions.send('show-key-fingerprint') },
      { type: 'separator' },
      { label: '关于党建工作小组工作记录本', click: () => actions.about() },
    ],
  };
  return [file, edit, view, help];
}
