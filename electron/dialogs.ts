/**
 * Open and save dialogs, as contract-like methods the renderer calls through the same
 * IPC adapter (`desktop.openFile`, `desktop.saveFile`).
 *
 * The renderer never names a path: it says what it wants (a bundle, an attachment, the
 * holiday schedule) and gets the chosen file's bytes, or hands bytes over and the person
 * picks where they go. So a compromised page cannot read or overwrite arbitrary files:
 * every file it touches was chosen by the person in a native dialog.
 * In the browser host the renderer uses <input type=file> and downloads instead.
 */
import { readFile, rename, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { BrowserWindow, Dialog, FileFilter } from 'electron';
import { z } from 'zod';
import { ServiceError } from '../db/contract/contract-types';
import type { ContractMap, ServiceOf } from '../db/contract/contract-types';

const MB = 1024 * 1024;

const OPEN_PURPOSES = {
  bundle: { title: '选择记录本数据包', maxBytes: 300 * MB, filters: [{ name: '记录本数据包', extensions: ['zip'] }] },
  attachment: {
    title: '选择附件',
    maxBytes: 50 * MB,
    filters: [
      {
        name: '图片、PDF 与文档',
        extensions: ['jpg', 'jpeg', 'png', 'gif', 'webp', 'pdf', 'ofd', 'doc', 'docx', 'xls', 'xlsx', 'txt'],
      },
      { name: '所有文件', extensions: ['*'] },
    ],
  },
  calendar: {
    title: '选择节假日安排文件',
    maxBytes: 1 * MB,
    filters: [{ name: '节假日安排', extensions: ['json', 'txt', 'ics'] }],
  },
} as const satisfies Record<string, { title: string; maxBytes: number; filters: FileFilter[] }>;

const SAVE_PURPOSES = {
  bundle: { title: '保存记录本数据包', filters: [{ name: '记录本数据包', extensions: ['zip'] }] },
  pdf: { title: '保存为 PDF', filters: [{ name: 'PDF 文件', extensions: ['pdf'] }] },
  export: { title: '导出文件', filters: [{ name: '所有文件', extensions: ['*'] }] },
} as const satisfies Record<string, { title: string; filters: FileFilter[] }>;

/** A bare file name: no folders, no characters Windows refuses, no control characters. */
export const fileName = z
  .string()
  .min(1, { message: '文件名不能为空' })
  .max(200, { message: '文件名不能超过 200 个字' })
  // eslint-disable-next-line no-control-regex
  .refine((s) => !/[\\/:*?"<>|\u0000-\u001f]/.test(s) && s !== '.' && s !== '..', {
    message: '文件名不能包含 \\ / : * ? " < > | 等字符',
  });

const base64 = z
  .string()
  .max(400 * MB, { message: '文件过大' })
  .regex(/^[A-Za-z0-9+/]*={0,2}$/, { message: '文件内容编码无效' });

export interface OpenedFile {
  fileName: string;
  size: number;
  dataBase64: string;
}

export interface SavedFile {
  fileName: string;
  path: string;
}

const bookIdInput = z.string().regex(/^[0-9a-f-]{8,64}$/i, { message: '记录本编号无效' });

export const dialogContract = {
  'desktop.pickBundle': {
    summary: '选择要导入的数据包（交给服务暂存）',
    mutates: false,
    input: z.object({}),
    output: z.custom<{ upload: string; fileName: string; size: number } | null>(() => true),
  },
  'desktop.exportBundle': {
    summary: '选择位置并导出数据包',
    mutates: false,
    input: z.object({ bookId: bookIdInput }),
    output: z.custom<{ fileName: string; bytes: number; size: number } | null>(() => true),
  },
  'desktop.openFile': {
    summary: '选择并读取一个文件',
    mutates: false,
    input: z.object({ purpose: z.enum(['bundle', 'attachment', 'calendar']) }),
    output: z.custom<OpenedFile | null>(() => true),
  },
  'desktop.saveFile': {
    summary: '选择位置并保存文件',
    mutates: false,
    input: z.object({ purpose: z.enum(['bundle', 'pdf', 'export']), suggestedName: fileName, dataBase64: base64 }),
    output: z.custom<SavedFile | null>(() => true),
  },
} satisfies ContractMap;

export interface FileOps {
  readFile(file: string): Promise<Buffer>;
  size(file: string): Promise<number>;
  /** Writes atomically (temporary file, then rename). */
  writeFile(file: string, data: Buffer): Promise<void>;
}

export const nodeFileOps: FileOps = {
  readFile: (file) => readFile(file),
  size: async (file) => (await stat(file)).size,
  writeFile: async (file, data) => {
    const partial = `${file}.partial`;
    await writeFile(partial, data);
    await rename(partial, file);
  },
};

/** What the bundle dialogs hand to the service: the chosen path never goes back to the page. */
export interface BundleFileDeps {
  /** Streams the chosen bundle into the data folder's incoming/; returns the upload token. */
  stage(file: string): Promise<string>;
  /** Writes the book's bundle to the chosen path (temporary name, renamed when complete). */
  export(bookId: string, file: string): Promise<{ bytes: number; size: number }>;
}

export interface DialogDeps {
  dialog: Pick<Dialog, 'showOpenDialog' | 'showSaveDialog'>;
  getWindow: () => BrowserWindow | null;
  files?: FileOps;
  bundles?: BundleFileDeps;
}

export function createDialogService(deps: DialogDeps): ServiceOf<typeof dialogContract> {
  const files = deps.files ?? nodeFileOps;
  const bundles = (): BundleFileDeps => {
    if (!deps.bundles) throw new ServiceError('unsupported', '此窗口不能导入或导出数据包。');
    return deps.bundles;
  };
  return {
    'desktop.pickBundle': async () => {
      const spec = {
        title: '选择记录本数据包',
        filters: [{ name: '记录本数据包', extensions: ['zip'] }],
        properties: ['openFile' as const],
      };
      const win = deps.getWindow();
      const choice = win ? await deps.dialog.showOpenDialog(win, spec) : await deps.dialog.showOpenDialog(spec);
      const chosen = choice.filePaths[0];
      if (choice.canceled || chosen === undefined) return null;
      const size = await files.size(chosen);
      const upload = await bundles().stage(chosen);
      return { upload, fileName: path.basename(chosen), size };
    },
    'desktop.exportBundle': async ({ bookId }) => {
      const service = bundles();
      const options = {
        title: SAVE_PURPOSES.bundle.title,
        defaultPath: `记录本数据包-${bookId.slice(0, 8)}.zip`,
        filters: [...SAVE_PURPOSES.bundle.filters],
      };
      const win = deps.getWindow();
      const choice = win ? await deps.dialog.showSaveDialog(win, options) : await deps.dialog.showSaveDialog(options);
      if (choice.canceled || !choice.filePath) return null;
      const done = await service.export(bookId, choice.filePath);
      return { fileName: path.basename(choice.filePath), bytes: done.bytes, size: done.size };
    },
    'desktop.openFile': async ({ purpose }) => {
      const spec = OPEN_PURPOSES[purpose];
      const options = { title: spec.title, filters: [...spec.filters], properties: ['openFile' as const] };
      const win = deps.getWindow();
      const choice = win ? await deps.dialog.showOpenDialog(win, options) : await deps.dialog.showOpenDialog(options);
      const chosen = choice.filePaths[0];
      if (choice.canceled || chosen === undefined) return null;
      const size = await files.size(chosen);
      if (size > spec.maxBytes) {
        throw new ServiceError(
          'file-too-large',
          `所选文件过大（上限 ${Math.round(spec.maxBytes / MB)} MB），请选择其他文件。`,
        );
      }
      const data = await files.readFile(chosen);
      return { fileName: path.basename(chosen), size: data.length, dataBase64: data.toString('base64') };
    },
    'desktop.saveFile': async ({ purpose, suggestedName, dataBase64 }) => {
      const spec = SAVE_PURPOSES[purpose];
      return saveWithDialog(deps, files, spec, suggestedName, Buffer.from(dataBase64, 'base64'));
    },
  };
}

/** Shows a save dialog and writes `data` where the person chose; null when cancelled. */
export async function saveWithDialog(
  deps: DialogDeps,
  files: FileOps,
  spec: { title: string; filters: readonly FileFilter[] },
  suggestedName: string,
  data: Buffer,
): Promise<SavedFile | null> {
  const options = { title: spec.title, defaultPath: suggestedName, filters: [...spec.filters] };
  const win = deps.getWindow();
  const choice = win ? await deps.dialog.showSaveDialog(win, options) : await deps.dialog.showSaveDialog(options);
  if (choice.canceled || !choice.filePath) return null;
  try {
    await files.writeFile(choice.filePath, data);
  } catch {
    throw new ServiceError('save-failed', '文件没有保存成功：请检查所选位置是否可写、磁盘空间是否足够，然后重试。');
  }
  return { fileName: path.basename(choice.filePath), path: choice.filePath };
}

export const SAVE_PDF_SPEC = SAVE_PURPOSES.pdf;
