/**
 * For tests without a browser: a layout of a measuring document as if every block were
 * 100 px high, every table row 20 px, every prose block 10 lines of 20 px. Enough to cut pages.
 */
import type { FlowMeasure } from '../contract';
import { flowItems, topLevel } from './flow';

export function fakeLayout(measureHtml: string): FlowMeasure[] {
  const body = /<body>([\s\S]*)<\/body>/.exec(measureHtml)?.[1] ?? '';
  return topLevel(body).map((flow) => {
    const id = /data-flow="([^"]*)"/.exec(flow)?.[1] ?? '';
    const inner = flow.replace(/^<div[^>]*>/, '').replace(/<\/div>$/, '');
    return {
      id,
      items: flowItems(inner).map((item) => {
        if (item.kind === 'table')
          return { h: 30 + 20 * item.rows.length, head: 20, rows: item.rows.map(() => 20), cols: [] };
        if (item.kind === 'text')
          return { h: 200, lines: Array.from({ length: 10 }, (_, i): [number, number] => [i, i * 20]) };
        return { h: 100 };
      }),
    };
  });
}
