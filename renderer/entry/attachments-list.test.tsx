import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { EntryDetail } from '../../db/contract';
import { ApiError } from '../api';
import { EntryPage } from './entry-page';
import { renderInBook, status } from '../test/kit';
import { detail, entryApi, input } from './test-fixtures';

const PDF = { hash: 'e'.repeat(64), name: '会议签到表.pdf', mediaType: 'application/pdf', size: 8 };
const withAttachment: EntryDetail = {
  ...detail,
  original: { ...(detail.original as object), input: { ...input, attachments: [PDF] } },
};

function readText(blob: Blob): Promise<string> {
  // jsdom's Blob has no text(); FileReader it has.
  return new Promise((resolve) => {
    const reader = new FileReader();
    reader.onload = () => resolve(typeof reader.result === 'string' ? reader.result : '');
    reader.readAsText(blob);
  });
}

describe('attachment download', () => {
  let created: ReturnType<typeof vi.fn>;
  let clicked: HTMLAnchorElement[];

  beforeEach(() => {
    // jsdom has no object URLs, and following a blob: link is a navigation it does not implement.
    created = vi.fn(() => 'blob:logbook/1');
    URL.createObjectURL = created as unknown as typeof URL.createObjectURL;
    URL.revokeObjectURL = vi.fn();
    clicked = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this);
    });
  });
  afterEach(() => {
    vi.restoreAllMocks();
    delete (URL as { createObjectURL?: unknown }).createObjectURL;
    delete (URL as { revokeObjectURL?: unknown }).revokeObjectURL;
  });

  it('reads the bytes with attachments.get and saves them under the stored name and type', async () => {
    const user = userEvent.setup();
    const api = entryApi(false, {
      'entries.get': () => withAttachment,
      'attachments.get': () => ({ dataBase64: btoa('%PDF-1.7'), size: 8 }),
    });
    renderInBook(<EntryPage seq={7} />, api);
    await user.click(await screen.findByRole('button', { name: '下载附件 会议签到表.pdf' }));
    await waitFor(() => expect(created).toHaveBeenCalledTimes(1));
    expect(api['attachments.get']).toHaveBeenCalledWith({ bookId: status().bookId, hash: PDF.hash });
    const blob = created.mock.calls[0]?.[0] as Blob;
    expect(blob.type).toBe('application/pdf');
    expect(await readText(blob)).toBe('%PDF-1.7');
    expect(clicked).toHaveLength(1);
    expect(clicked[0]?.download).toBe('会议签到表.pdf');
    expect(clicked[0]?.getAttribute('href')).toBe('blob:logbook/1');
    // The temporary link does not stay in the page.
    expect(document.querySelector('a[download]')).toBeNull();
  });

  it('shows a Chinese error and saves nothing when the attachment cannot be read', async () => {
    const user = userEvent.setup();
    const api = entryApi(false, {
      'entries.get': () => withAttachment,
      'attachments.get': () => {
        throw new ApiError('not-found', '附件不存在：记录本中没有这个文件');
      },
    });
    renderInBook(<EntryPage seq={7} />, api);
    await user.click(await screen.findByRole('button', { name: '下载附件 会议签到表.pdf' }));
    expect(await screen.findByTestId('attachment-error')).toHaveTextContent(
      '附件“会议签到表.pdf”未能打开：附件不存在：记录本中没有这个文件',
    );
    expect(created).not.toHaveBeenCalled();
    expect(clicked).toHaveLength(0);
  });
});
