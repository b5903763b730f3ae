/**
 * What the 打印 page prints, as it sits in the hash: `#/print/entry/8`, `#/print/select/3.12.15`,
 * `#/print/year/2025`, `#/print/range/2025-01-01/2025-06-30`, `#/print/ledger/2025` (the yearly
 * ledger), or `#/print` (choose on the page).
 */
export type PrintChoice =
  | { kind: 'seqs'; seqs: number[] }
  | { kind: 'year'; year: number }
  | { kind: 'range'; from: string; to: string }
  | { kind: 'ledger'; year: number };

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function parsePrintChoice(parts: readonly string[]): PrintChoice | undefined {
  const [kind, a, b] = parts;
  if ((kind === 'entry' || kind === 'select') && a) {
    const seqs = a.split('.').map(Number);
    return seqs.length > 0 && seqs.length <= 30 && seqs.every((s) => Number.isInteger(s) && s > 0)
      ? { kind: 'seqs', seqs }
      : undefined;
  }
  if ((kind === 'year' || kind === 'ledger') && a && /^\d{4}$/.test(a)) return { kind, year: Number(a) };
  if (kind === 'range' && a && b && DATE.test(a) && DATE.test(b)) return { kind: 'range', from: a, to: b };
  return undefined;
}

export function printChoiceHash(choice: PrintChoice | undefined): string {
  if (!choice) return '#/print';
  switch (choice.kind) {
    case 'seqs':
      return choice.seqs.length === 1 ? `#/print/entry/${choice.seqs[0]}` : `#/print/select/${choice.seqs.join('.')}`;
    case 'year':
    case 'ledger':
      return `#/print/${choice.kind}/${choice.year}`;
    case 'range':
      return `#/print/range/${choice.from}/${choice.to}`;
  }
}

/** The print request's scope fields (print.pages). */
export function scopeInput(
  choice: PrintChoice,
): { seqs: number[] } | { year: number; ledger?: true } | { from: string; to: string } {
  switch (choice.kind) {
    case 'seqs':
      return { seqs: choice.seqs };
    case 'year':
      return { year: choice.year };
    case 'ledger':
      return { year: choice.year, ledger: true };
    case 'range':
      return { from: choice.from, to: choice.to };
  }
}
