/** Colours of a receipt's verdict against a book (db/liaison/receipt-check.ts). */
import type { ReceiptState } from '../../db/contract';

export const VERDICT_COLOR: Record<ReceiptState | 'invalid', string> = {
  consistent: 'green',
  rewritten: 'red',
  shorter: 'red',
  'other-book': 'default',
  invalid: 'red',
};
