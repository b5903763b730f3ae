import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { buildMenuTemplate } from './menu';
import type { MenuActions } from './menu';
import type { MenuCommand } from './menu-commands';

function actions() {
  const a = {
    send: vi.fn<(command: MenuCommand) => void>(),
    print: vi.fn<() => void>(),
    savePdf: vi.fn<() => void>(),
    openDataFolder: vi.fn<() => void>(),
    about: vi.fn<() => void>(),
  };
  return a satisfies MenuActions;
}

function items(menu: MenuItemConstructorOptions | undefined): MenuItemConstructorOptions[] {
  return (menu?.submenu as MenuItemConstructorOptions[] | undefined) ?? [];
}

function find(template: MenuItemConstructorOptions[], label: string): MenuItemConstructorOptions {
  const found = template.flatMap(items).find((item) => item.label === label);
  if (!found) throw new Error(`no menu item ${label}`);
  return found;
}

function click(item: MenuItemConstructorOptions): void {
  (item.click as (() => void) | undefined)?.();
}

describe('buildMenuTemplate', () => {
  it('has the four Chinese menus', () => {
    const template = buildMenuTemplate(actions(), { isDev: false, platform: 'win32' });
    expect(template.map((m) => m.label)).toEqual(['文件(&F)', '编辑(&E)', '视图(&V)', '帮助(&H)']);
  });

  it('wires 打印, 导出为 PDF, 导出/导入数据包 and 退出', () => {
    const a = actions();
    const template = buildMenuTemplate(a, { isDev: false, platform: 'linux' });
    click(find(template, '打印…'));
    expect(a.print).toHaveBeenCalledOnce();
    click(find(template, '导出为 PDF…'));
    expect(a.savePdf).toHaveBeenCalledOnce();
    click(find(template, '导出数据包…'));
    click(find(template, '导入数据包…'));
    expect(a.send.mock.calls).toEqual([['export-bundle'], ['import-bundle']]);
    expect(find(template, '退出').role).toBe('quit');
    click(find(template, '打开数据文件夹'));
    expect(a.openDataFolder).toHaveBeenCalledOnce();
    click(find(template, '关于党建工作小组工作记录本'));
    expect(a.about).toHaveBeenCalledOnce();
  });

  it('labels every edit role in Chinese', () => {
    const edit = items(buildMenuTemplate(actions(), { isDev: false, platform: 'win32' })[1]);
    for (const item of edit.filter((i) => i.type !== 'separator')) expect(item.label).toMatch(/[\u4e00-\u9fff]/);
    expect(edit.map((i) => i.role).filter(Boolean)).toEqual(['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll']);
  });

  it('shows reload and devtools only in development', () => {
    const roles = (isDev: boolean) =>
      buildMenuTemplate(actions(), { isDev, platform: 'win32' })
        .flatMap(items)
        .map((i) => i.role);
    expect(roles(false)).not.toContain('toggleDevTools');
    expect(roles(false)).not.toContain('reload');
    expect(roles(true)).toContain('toggleDevTools');
  });
});
