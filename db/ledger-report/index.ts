export { ledgerWorkbook, ledgerFileName, excelDate, seqList, XLSX_MEDIA_TYPE } from './ledger-xlsx';
