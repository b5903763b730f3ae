/** ledger.xlsx (the yearly ledger as an Excel file, delivered like an attachment) and duties.suggest. */
import { ledgerFileName, ledgerWorkbook, XLSX_MEDIA_TYPE } from '../ledger-report';
import { suggestDuties, type DutySuggestion, type DutySuggestionInput } from '../rules';
import { yearLedger } from './ledger-service';
import type { ServiceContext } from './service-context';

export async function ledgerXlsx(ctx: ServiceContext, bookId: string, year: number) {
  const ledger = yearLedger(ctx, bookId, year);
  const bytes = await ledgerWorkbook(ledger);
  return {
    fileName: ledgerFileName(ledger),
    mediaType: XLSX_MEDIA_TYPE,
    dataBase64: bytes.toString('base64'),
    size: bytes.length,
  };
}

export function suggestEntryDuties(input: {
  kind: DutySuggestionInput['kind'];
  type?: string | undefined;
  text: string;
}): DutySuggestion[] {
  return suggestDuties({
    kind: input.kind,
    text: input.text,
    ...(input.type !== undefined ? { type: input.type } : {}),
  });
}
