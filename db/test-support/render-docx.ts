/**
 * Tests: open .docx files the way an office would, with LibreOffice (`soffice --headless
 * --convert-to pdf`), then read the PDF's text (pdftotext) and draw its pages (pdftoppm) for
 * people to look at. A missing LibreOffice fails the test with what to install: CI installs it.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface RenderedDocx {
  /** pdftotext's text, whitespace collapsed to single spaces. */
  text: string;
  pages: number;
  pngs: string[];
}

function run(cmd: string, args: string[], timeout = 180_000): string {
  const r = spawnSync(cmd, args, { encoding: 'utf8', timeout });
  if (r.error && (r.error as NodeJS.ErrnoException).code === 'ENOENT') {
    throw new Error(
      `找不到 ${cmd}：请安装 Debian 软件包 ${cmd === 'soffice' ? 'libreoffice-writer' : 'poppler-utils'}`,
    );
  }
  if (r.status !== 0) throw new Error(`${cmd} 失败（${String(r.status)}）：${r.stderr || String(r.error)}`);
  return r.stdout;
}

/**
 * Converts every file in one LibreOffice run (its start-up is most of the cost), with a private
 * profile so parallel test files do not share one. PNG pages go to `pngDir/<name>-<page>.png`.
 */
export function renderDocx(files: { name: string; bytes: Buffer }[], pngDir?: string): Map<string, RenderedDocx> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'docx-render-'));
  const profile = path.join(dir, 'lo-profile');
  try {
    const inputs = files.map((f) => {
      const p = path.join(dir, `${f.name}.docx`);
      fs.writeFileSync(p, f.bytes);
      return p;
    });
    const out = path.join(dir, 'pdf');
    run('soffice', [
      `-env:UserInstallation=file://${profile}`,
      '--headless',
      '--norestore',
      '--convert-to',
      'pdf',
      '--outdir',
      out,
      ...inputs,
    ]);
    const result = new Map<string, RenderedDocx>();
    if (pngDir) fs.mkdirSync(pngDir, { recursive: true });
    for (const f of files) {
      const pdfPath = path.join(out, `${f.name}.pdf`);
      if (!fs.existsSync(pdfPath)) throw new Error(`LibreOffice 没有生成 ${f.name}.pdf：该 .docx 无法打开`);
      // -layout: the text as the page shows it, row by row (without it, table columns come out in any order).
      const raw = run('pdftotext', ['-enc', 'UTF-8', '-layout', pdfPath, '-']);
      const text = raw.replace(/\s+/g, ' ');
      const pages = Number(/Pages:\s+(\d+)/.exec(run('pdfinfo', [pdfPath]))?.[1] ?? 0);
      let pngs: string[] = [];
      if (pngDir) {
        for (const old of fs.readdirSync(pngDir).filter((n) => n.startsWith(`${f.name}-`) && n.endsWith('.png')))
          fs.rmSync(path.join(pngDir, old));
        run('pdftoppm', ['-r', '60', '-png', pdfPath, path.join(pngDir, f.name)]);
        fs.writeFileSync(path.join(pngDir, `${f.name}.txt`), raw);
        pngs = fs
          .readdirSync(pngDir)
          .filter((n) => n.startsWith(`${f.name}-`) && n.endsWith('.png'))
          .map((n) => path.join(pngDir, n));
      }
      result.set(f.name, { text, pages, pngs });
    }
    return result;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Whether the needles occur in `text` in this order; otherwise the first one missing (or out of
 * order). Whitespace is ignored on both sides: a line wrapped by the layout is not a change.
 */
export function inOrder(text: string, needles: string[]): { ok: boolean; missing?: string } {
  const flat = (s: string) => s.replace(/\s+/g, '');
  text = flat(text);
  let at = 0;
  for (const raw of needles) {
    const n = flat(raw);
    const i = text.indexOf(n, at);
    if (i < 0) return { ok: false, missing: raw };
    at = i + n.length;
  }
  return { ok: true };
}
