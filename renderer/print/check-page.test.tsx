/** 核对纸质页 with the real service in this process: a checked page's print made again, its page laid beside. */
import { describe, expect, it, vi } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
/* eslint-disable no-restricted-imports */
import { fakeLayout } from '../../db/print/test-layout';
/* eslint-enable no-restricted-imports */
import type { FlowMeasure, PrintView } from '../../db/contract';
import { realBook } from '../test/real-service';
import { renderWithApi } from '../test/kit';
import { CheckPage } from './check-page';
import { pageOnly } from './remake-page';

/** jsdom lays nothing out: every block as tall as `tall` times the made-up layout (1: as when printed). */
const layoutOf = vi.hoisted(() => ({ tall: 1 }));
vi.mock('./measure-frame', async () => {
  const { fakeLayout: fake } = await import('../../db/print/test-layout');
  const stretch = (m: FlowMeasure[]): FlowMeasure[] =>
    m.map((f) => ({ ...f, items: f.items.map((i) => ({ ...i, h: i.h * layoutOf.tall })) }));
  return {
    measureInFrame: vi.fn((html: string) => Promise.resolve(stretch(fake(html)))),
    overflowIn: vi.fn(() => []),
  };
});

async function printedSelection() {
  const book = await realBook('2025-03-18T14:00');
  const input = { bookId: book.bookId, seqs: [1, 2, 3], paper: 'A4' as const };
  const measuring = (await book.api['print.pages'](input)) as PrintView;
  const view = (await book.api['print.pages']({ ...input, layout: fakeLayout(measuring.html) })) as PrintView;
  return { book, view };
}

describe('核对纸质页 (real service)', () => {
  it('makes the print of a typed code again at its checkpoint, shows that page alone and says it matches', async () => {
    layoutOf.tall = 1;
    const { book, view } = await printedSelection();
    expect(view.pages.length).toBeGreaterThanOrEqual(3);
    const page = view.pages[1]!;
    const user = userEvent.setup();
    renderWithApi(<CheckPage />, book.api);
    await user.type(screen.getByRole('searchbox', { name: '核对码' }), `${page.code}{Enter}`);
    expect(await screen.findByTestId('check-result')).toHaveTextContent('与封存记录一致');
    const note = await screen.findByTestId('check-remade');
    expect(note).toHaveTextContent(`该页与记录中的第 ${page.page} 页一致`);
    const shown = screen.getByTitle('封存记录中的这一页').getAttribute('srcdoc') ?? '';
    expect(shown).toContain(`data-page="${page.page}"`);
    expect(shown).toContain(`核对码 ${page.code}`);
    expect(shown.match(/<div class="sheet /g)).toHaveLength(1);
    expect(book.api['print.pages']).toHaveBeenLastCalledWith(
      expect.objectContaining({ bookId: book.bookId, seqs: [1, 2, 3], paper: 'A4', atSize: view.checkpoint.size }),
    );
  });

  it('says plainly when this computer lays the print out otherwise, and still shows its page', async () => {
    const { book, view } = await printedSelection();
    const page = view.pages[0]!;
    layoutOf.tall = 3;
    const user = userEvent.setup();
    renderWithApi(<CheckPage />, book.api);
    await user.type(screen.getByRole('searchbox', { name: '核对码' }), `${page.code}{Enter}`);
    const note = await screen.findByTestId('check-remade');
    expect(note).toHaveTextContent('与打印时的分页不同');
    expect(note).toHaveTextContent('字体或纸张与打印时不同');
    await waitFor(() =>
      expect(screen.getByTitle('封存记录中的这一页').getAttribute('srcdoc')).toContain('data-page="1"'),
    );
    // Both papers were tried before saying so.
    expect(book.api['print.pages']).toHaveBeenCalledWith(
      expect.objectContaining({ paper: 'B5', atSize: view.checkpoint.size }),
    );
    layoutOf.tall = 1;
  });

  it('takes one sheet out of a print, or none when the print has no such page', () => {
    const html =
      '<html><body><div class="sheet right" data-page="1">一</div><div class="sheet left" data-page="2">二</div></body></html>';
    const one = pageOnly(html, 2)!;
    expect(one).toContain('二');
    expect(one).not.toContain('一');
    expect(pageOnly(html, 3)).toBeUndefined();
  });
});
