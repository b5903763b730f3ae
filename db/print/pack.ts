/**
 * Cutting a print's flows into pages from the printing browser's measurements: each flow
 * (cover, contents, an entry, the ledger) starts a page; blocks stay whole, a heading stays
 * with what follows it, tables break between rows with the header repeated, prose breaks
 * between lines with at least two lines on each side. Pure: the same measurements give the
 * same pages, so every page's number and code is known before anything is printed.
 */
import { ServiceError, type FlowMeasure, type ItemMeasure } from '../contract';
import type { FlowItem } from './flow';

export type Part =
  | { item: number; kind: 'whole' }
  | { item: number; kind: 'rows'; from: number; to: number }
  | { item: number; kind: 'text'; from: number; to?: number };

export interface Sheet {
  flow: number;
  parts: Part[];
}

/** What a measured text part may be off by (line box against glyph box), in px. */
const TEXT_SLACK = 6;
const MIN_LINES = 2;

/** More pages than any print of a book can have: the measurements are not a browser's. */
export const MAX_SHEETS = 20_000;

function tooMany(): never {
  throw new ServiceError(
    'invalid-input',
    `排版测量会得出超过 ${MAX_SHEETS} 页，不是浏览器的测量结果，请重新预览`,
    'layout',
  );
}

function mismatch(): never {
  throw new ServiceError('invalid-input', '排版测量与打印内容不符（记录可能刚刚更新），请重新预览后再打印', 'layout');
}

/** Checks that the measurements are of these flows, item by item. */
export function checkMeasures(flows: readonly FlowItem[][], measures: readonly FlowMeasure[]): void {
  if (measures.length !== flows.length) mismatch();
  flows.forEach((items, f) => {
    const m = measures[f]!;
    if (m.items.length !== items.length) mismatch();
    items.forEach((item, i) => {
      const mi = m.items[i]!;
      if (item.kind === 'table' && mi.rows?.length !== item.rows.length) mismatch();
      if (item.kind === 'text' && mi.lines === undefined) mismatch();
    });
  });
}

const sum = (xs: readonly number[], from = 0, to = xs.length) => xs.slice(from, to).reduce((a, b) => a + b, 0);

function tableExtra(m: ItemMeasure): number {
  return Math.max(0, m.h - (m.head ?? 0) - sum(m.rows ?? []));
}

/** Lines of a prose block in offset order, the first at offset 0. */
function linesOf(m: ItemMeasure): [number, number][] {
  const lines = (m.lines ?? []).filter((l, i, all) => i === 0 || l[0] > all[i - 1]![0]);
  return lines.length > 0 && lines[0]![0] !== 0 ? [[0, lines[0]![1]], ...lines.slice(1)] : lines;
}

/** Height of lines [s, e) of a prose block laid out on their own (e = lines.length: to its end). */
function textHeight(m: ItemMeasure, lines: readonly [number, number][], s: number, e: number): number {
  const lead = lines[0]![1];
  const top = lines[s]![1] - lead;
  return e >= lines.length ? m.h - top : lines[e]![1] - top + TEXT_SLACK;
}

/** The least of an item that must share a page with a heading before it. */
function leastOf(item: FlowItem | undefined, m: ItemMeasure | undefined): number {
  if (!item || !m) return 0;
  if (item.kind === 'table' && item.rows.length > 0) return (m.head ?? 0) + tableExtra(m) + (m.rows?.[0] ?? 0);
  if (item.kind === 'text') {
    const lines = linesOf(m);
    if (lines.length >= MIN_LINES * 2) return textHeight(m, lines, 0, MIN_LINES);
  }
  return m.h;
}

/** The pages of `flows`, each at most `height` px of content. */
export function pack(flows: readonly FlowItem[][], measures: readonly FlowMeasure[], height: number): Sheet[] {
  checkMeasures(flows, measures);
  const sheets: Sheet[] = [];
  flows.forEach((items, f) => {
    const ms = measures[f]!.items;
    let sheet: Sheet = { flow: f, parts: [] };
    let used = 0;
    const next = () => {
      if (sheets.length >= MAX_SHEETS) tooMany();
      sheets.push(sheet);
      sheet = { flow: f, parts: [] };
      used = 0;
    };
    const room = () => height - used;
    const fresh = () => sheet.parts.length === 0;
    items.forEach((item, i) => {
      const m = ms[i]!;
      const lines = item.kind === 'text' ? linesOf(m) : [];
      if (item.kind === 'table' && item.rows.length > 0) {
        const rows = m.rows!;
        const base = (m.head ?? 0) + tableExtra(m);
        let r = 0;
        while (r < rows.length) {
          if (!fresh() && base + rows[r]! > room()) next();
          let k = r;
          let h = base;
          while (k < rows.length && h + rows[k]! <= room()) h += rows[k++]!;
          if (k === r) h += rows[k++]!; // a row taller than a page: on a page of its own
          sheet.parts.push({ item: i, kind: 'rows', from: r, to: k });
          used += h;
          r = k;
          if (r < rows.length) next();
        }
        return;
      }
      if (item.kind === 'text' && lines.length >= MIN_LINES * 2 && m.h > room()) {
        let s = 0;
        for (;;) {
          const rest = textHeight(m, lines, s, lines.length);
          if (rest <= room()) {
            sheet.parts.push({ item: i, kind: 'text', from: lines[s]![0] });
            used += rest;
            return;
          }
          let e = s;
          while (e + 1 <= lines.length - MIN_LINES && textHeight(m, lines, s, e + 1) <= room()) e++;
          if (e - s < MIN_LINES) {
            if (!fresh()) {
              next();
              continue;
            }
            e = Math.min(lines.length - 1, s + MIN_LINES);
            if (e <= s) {
              // The last line alone does not fit a fresh page (a measurement no browser gives):
              // it goes on this page, whose overflow the preview and the CLI then report.
              sheet.parts.push({ item: i, kind: 'text', from: lines[s]![0] });
              used += rest;
              return;
            }
          }
          sheet.parts.push({ item: i, kind: 'text', from: lines[s]![0], to: lines[e]![0] });
          next();
          s = e;
        }
      }
      const keep = item.kind === 'block' && item.keep ? leastOf(items[i + 1], ms[i + 1]) : 0;
      if (!fresh() && m.h + keep > room()) next();
      sheet.parts.push({ item: i, kind: 'whole' });
      used += m.h;
    });
    if (!fresh()) {
      if (sheets.length >= MAX_SHEETS) tooMany();
      sheets.push(sheet);
    }
  });
  return sheets;
}
