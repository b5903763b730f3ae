/** A file the service built (receipt, receipts file, evidence package) offered as a download. */
import { base64ToBlob, saveBlob } from '../entry/download';

export function saveServiceFile(file: { fileName: string; mediaType: string; dataBase64: string }): void {
  saveBlob(base64ToBlob(file.dataBase64, file.mediaType), file.fileName);
}
