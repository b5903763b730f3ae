/** Reads a chosen file as UTF-8 text, refusing one larger than `max` bytes before reading it. */
import { ApiError } from '../api';

export async function readTextFile(file: File, max: number, tooLarge: string): Promise<string> {
  if (file.size > max) throw new ApiError('too-large', tooLarge);
  return await file.text();
}
