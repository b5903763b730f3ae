import { afterEach, describe, expect, it, vi } from 'vitest';
import { REVOKE_AFTER_MS, base64ToBlob, saveBlob } from './download';

describe('saveBlob', () => {
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
    delete (URL as { createObjectURL?: unknown }).createObjectURL;
    delete (URL as { revokeObjectURL?: unknown }).revokeObjectURL;
  });

  it('clicks a download link and revokes the object URL afterwards', () => {
    vi.useFakeTimers();
    URL.createObjectURL = vi.fn(() => 'blob:logbook/2');
    const revoke = vi.fn();
    URL.revokeObjectURL = revoke;
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    saveBlob(base64ToBlob(btoa('abc'), 'text/plain'), '纪要.txt');
    expect(click).toHaveBeenCalledTimes(1);
    // Not at once: the browser reads the blob after the click has returned.
    expect(revoke).not.toHaveBeenCalled();
    vi.advanceTimersByTime(REVOKE_AFTER_MS);
    expect(revoke).toHaveBeenCalledWith('blob:logbook/2');
  });

  it('decodes base64 to the exact bytes with the given type', async () => {
    const blob = base64ToBlob(btoa(String.fromCharCode(0, 255, 128, 10)), 'application/octet-stream');
    expect(blob.type).toBe('application/octet-stream');
    // jsdom's Blob has no arrayBuffer(); FileReader it has.
    const bytes = await new Promise<Uint8Array>((resolve) => {
      const reader = new FileReader();
      reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
      reader.readAsArrayBuffer(blob);
    });
    expect([...bytes]).toEqual([0, 255, 128, 10]);
  });
});
