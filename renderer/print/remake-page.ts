/**
 * 核对纸质页's second half: the print a checked page came from, made again in this browser as it
 * was made then (print.pages at the code's checkpoint size, measured here), and its page N taken
 * out, so the page as the record holds it lies beside the photo. Whether this computer lays it out
 * as the printing one did is told by the re-made page's own code: equal, or not (other fonts or
 * another paper), and the page is shown either way.
 */
import { PAPERS, type PrintCheckView } from '../../db/contract';
import type { Api } from '../api';
import { measureInFrame } from './measure-frame';

export interface RemadePage {
  /** The re-made page N alone (a print document with that one sheet). */
  html: string;
  /** The re-made page's own code, and whether it is the checked code. */
  madeCode: string;
  matches: boolean;
  paper: keyof typeof PAPERS;
  pageCount: number;
}

/** The print document with only the sheet of page `n` (undefined when it has no such page). */
export function pageOnly(html: string, n: number): string | undefined {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const sheets = [...doc.querySelectorAll('.sheet[data-page]')];
  if (!sheets.some((s) => s.getAttribute('data-page') === String(n))) return undefined;
  for (const s of sheets) if (s.getAttribute('data-page') !== String(n)) s.remove();
  return `<!doctype html>\n${doc.documentElement.outerHTML}`;
}

/**
 * Re-makes the print of an accepted page and takes its page: A4 first, then B5 (the code does not
 * name the paper); the first paper whose page N carries the checked code wins, else the A4 page.
 */
export async function remakePage(api: Api, checked: PrintCheckView): Promise<RemadePage> {
  const { reprint, page, bookId, code } = checked;
  if (!reprint || page === undefined || !bookId) throw new Error('该核对码没有页码，无法按页重新排出');
  let first: RemadePage | undefined;
  for (const paper of Object.keys(PAPERS) as (keyof typeof PAPERS)[]) {
    const base = { bookId, ...reprint, paper };
    const measuring = await api['print.pages'](base);
    const view = await api['print.pages']({ ...base, layout: await measureInFrame(measuring.html) });
    const made = view.pages[page - 1];
    const html = made ? pageOnly(view.html, page) : undefined;
    const result: RemadePage = {
      html: html ?? view.html,
      madeCode: made?.code ?? '',
      matches: made?.code === code && html !== undefined,
      paper,
      pageCount: view.pages.length,
    };
    if (result.matches) return result;
    first ??= result;
  }
  return first!;
}
