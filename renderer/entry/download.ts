/**
 * Hands stored bytes to the browser as a file: base64 (as the service sends attachments)
 * → Blob with the stored media type → object URL → `<a download>` click. The same path works
 * in Electron and in a browser tab, and needs no file-system access from the renderer.
 */

/** Object URLs are revoked this long after the click: the browser reads the blob after the click returns. */
export const REVOKE_AFTER_MS = 10_000;

export function base64ToBlob(dataBase64: string, mediaType: string): Blob {
  const binary = atob(dataBase64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return new Blob([bytes], { type: mediaType });
}

/** Offers `blob` as a download named `fileName`; the object URL is revoked afterwards. */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  link.style.display = 'none';
  document.body.appendChild(link);
  try {
    link.click();
  } finally {
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
  }
}
