/** The yearly ledger's short form (ledger.year): what the year owes, from the one computation in ledger-service. */
import type { YearView } from '../contract';
import { yearLedger } from './ledger-service';
import type { ServiceContext } from './service-context';

export function yearView(ctx: ServiceContext, bookId: string, year: number): YearView {
  const ledger = yearLedger(ctx, bookId, year);
  const items = ledger.obligations.map((i) => ({ code: i.code, ok: i.ok, message: i.message }));
  if (ledger.damaged.length > 0) {
    // A figure built on an entry that failed its proof would look sound; say what is missing.
    const d = ledger.damaged;
    items.unshift({
      code: 'entries-damaged',
      ok: false,
      message: `第 ${d.slice(0, 5).join('、')}${d.length > 5 ? ' 等' : ''} 条记录未通过校验，没有计入本台账`,
    });
  }
  return { year: ledger.year, meetingsHeld: ledger.meetings.held, meetingsRequired: ledger.meetings.required, items };
}
