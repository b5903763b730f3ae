/**
 * Receipts this data folder knows from outside the books (migration 0042 `known_receipts`):
 * loaded from liaisons' receipts files. Each row keeps the signed receipt verbatim and is
 * read back through readSignedReceipt, so an edited row is an invalid receipt, never a
 * trusted one. Rows are only ever added.
 */
import crypto from 'node:crypto';
import type Database from 'better-sqlite3';
import { canonicalJson } from '../ledger/canonical';
import { readSignedReceipt, type Receipt, type SignedReceipt } from './receipt';

export interface KnownReceipt {
  id: number;
  signed: SignedReceipt;
  /** Null when the stored row no longer reads as a valid signed receipt (reason given). */
  receipt: Receipt | null;
  problem: string | null;
  signerKeyId: string;
  loadedAt: string;
}

interface Row {
  id: number;
  signed: string;
  signer_key_id: string;
  loaded_at: string;
}

export function receiptDigest(signed: SignedReceipt): string {
  return crypto.createHash('sha256').update(signed.receipt, 'utf8').digest('hex');
}

export class KnownReceipts {
  constructor(private readonly db: Database.Database) {}

  /** Adds a checked receipt; false when this receipt (the same bytes) is already known. */
  add(signed: SignedReceipt, receipt: Receipt, signerKeyId: string, at: string): boolean {
    const info = this.db
      .prepare(
        `INSERT INTO known_receipts (digest, book_id, signed, source, signer_key_id, loaded_at)
         VALUES (?, ?, ?, 'file', ?, ?) ON CONFLICT (digest) DO NOTHING`,
      )
      .run(
        receiptDigest(signed),
        receipt.bookId,
        canonicalJson({ receipt: signed.receipt, signature: signed.signature }),
        signerKeyId,
        at,
      );
    return info.changes === 1;
  }

  /** Every receipt known for `bookId`, oldest first. */
  forBook(bookId: string): KnownReceipt[] {
    const rows = this.db
      .prepare('SELECT id, signed, signer_key_id, loaded_at FROM known_receipts WHERE book_id = ? ORDER BY id')
      .all(bookId) as Row[];
    return rows.map((row) => {
      let signed: SignedReceipt = { receipt: '', signature: '' };
      try {
        const value = JSON.parse(row.signed) as Partial<SignedReceipt>;
        if (typeof value.receipt === 'string' && typeof value.signature === 'string')
          signed = { receipt: value.receipt, signature: value.signature };
      } catch {
        // An unreadable row: reported below as an invalid receipt.
      }
      const read = readSignedReceipt(signed);
      const receipt = read.ok && read.receipt.bookId === bookId ? read.receipt : null;
      return {
        id: row.id,
        signed,
        receipt,
        problem: receipt ? null : read.ok ? '回执属于另一本记录本（已载入的数据被改动过）。' : read.reason,
        signerKeyId: row.signer_key_id,
        loadedAt: row.loaded_at,
      };
    });
  }
}
