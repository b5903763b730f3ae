import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import type { RecordDraft } from '../../db/contract';
import { getDraft, listDrafts, saveDraft } from '../drafts';
import { BOOK, fakeApi, renderWithApi } from '../test/kit';
import type { WorkItemForm } from '../editors/work-item-form-state';
import { DraftDocxButton, MeetingDocuments, MemberDocuments, RecordDraftButtons, docxDraftOf } from './index';

const FILE = {
  fileName: '党员名册-示例.docx',
  mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  dataBase64: btoa('PK'),
  size: 2,
};
let click: ReturnType<typeof vi.spyOn>;

beforeEach(() => {
  URL.createObjectURL = vi.fn(() => 'blob:logbook/doc');
  URL.revokeObjectURL = vi.fn();
  click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
});
afterEach(() => {
  vi.restoreAllMocks();
  window.location.hash = '';
});

describe('document buttons', () => {
  it('the members page buttons build the document and hand the file over', async () => {
    const api = fakeApi({ 'documents.build': () => FILE });
    renderWithApi(<MemberDocuments bookId={BOOK} />, api);
    fireEvent.click(screen.getByTestId('export-party-roster'));
    await waitFor(() => expect(click).toHaveBeenCalledTimes(1));
    expect(api['documents.build']).toHaveBeenCalledWith({ bookId: BOOK, kind: 'party-roster' });
    expect(await screen.findByText(/已生成“党员名册-示例.docx”/)).toBeInTheDocument();
  });

  it('a failure is said in Chinese and nothing is downloaded', async () => {
    const api = fakeApi();
    api['documents.build'].mockRejectedValue({ code: 'no-organisation', message: '记录本还没有登记组织信息' });
    renderWithApi(<MemberDocuments bookId={BOOK} />, api);
    fireEvent.click(screen.getByTestId('export-member-forms'));
    expect(await screen.findByText('没有生成文书：记录本还没有登记组织信息')).toBeInTheDocument();
    expect(click).not.toHaveBeenCalled();
  });

  it("a meeting offers its minutes; a members' assembly with an election also the 换届 or 补选 documents", async () => {
    const api = fakeApi({ 'documents.build': () => FILE });
    const { unmount } = renderWithApi(
      <MeetingDocuments bookId={BOOK} seq={7} current={{ input: { type: 'group-meeting' } }} />,
      api,
    );
    expect(screen.getByTestId('export-minutes')).toHaveTextContent('导出会议纪要 (.docx)');
    expect(screen.queryByTestId('export-election-request')).toBeNull();
    unmount();
    renderWithApi(
      <MeetingDocuments
        bookId={BOOK}
        seq={9}
        current={{ input: { type: 'members-assembly', election: { byElection: true } } }}
      />,
      api,
    );
    expect(screen.getByTestId('export-election-request')).toHaveTextContent('导出补选请示');
    expect(screen.getByTestId('export-election-result')).toHaveTextContent('导出补选结果报告');
    fireEvent.click(screen.getByTestId('export-election-candidates'));
    await waitFor(() =>
      expect(api['documents.build']).toHaveBeenCalledWith({ bookId: BOOK, kind: 'election-candidates', seq: 9 }),
    );
  });
});

describe('drafts from the records', () => {
  const DRAFT: RecordDraft = {
    type: 'annual-report',
    title: '示例党建工作小组2025年度述职报告',
    year: 2025,
    reporterId: 'm1',
    work: '（一）会议召开情况\n本年度共召开会议 2 次。\n【请填写：工作成效与体会】',
    problems: '【请填写：本年度党建工作存在的问题】',
    plan: '【请填写：下一年度工作思路】',
    sources: [3, 5],
  };

  it('起草述职报告 saves a work-item draft with the facts and opens it in the editor', async () => {
    const api = fakeApi({ 'drafts.fromRecords': () => DRAFT });
    const bookId = 'book-draft-from-records';
    renderWithApi(<RecordDraftButtons bookId={bookId} year={2025} />, api);
    fireEvent.click(screen.getByTestId('draft-shuzhi'));
    await waitFor(() => expect(window.location.hash).toMatch(/^#\/draft\/work\//));
    expect(api['drafts.fromRecords']).toHaveBeenCalledWith({ bookId, year: 2025, kind: 'shuzhi' });
    const id = window.location.hash.split('/').at(-1)!;
    const saved = await getDraft<WorkItemForm>(id);
    expect(saved).toMatchObject({ bookId, kind: 'work', title: DRAFT.title });
    expect(saved!.data).toMatchObject({
      type: 'annual-report',
      year: '2025',
      reporterId: 'm1',
      work: DRAFT.work,
      plan: DRAFT.plan,
    });
    expect(saved!.data.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(await screen.findByText('已根据 2 条记录起草，请补写【请填写】处的内容')).toBeInTheDocument();
  });

  it('a failed draft says why and saves nothing', async () => {
    const api = fakeApi();
    api['drafts.fromRecords'].mockRejectedValue({ code: 'no-organisation', message: '记录本还没有登记组织信息' });
    const bookId = 'book-draft-fails';
    renderWithApi(<RecordDraftButtons bookId={bookId} year={2025} />, api);
    fireEvent.click(screen.getByTestId('draft-ledger-summary'));
    expect(await screen.findByText('没有生成草稿：记录本还没有登记组织信息')).toBeInTheDocument();
    expect(await listDrafts(bookId)).toEqual([]);
  });

  it('a 述职 draft can be saved as .docx with what people wrote; other drafts show no button', async () => {
    const form = {
      type: 'annual-report',
      title: '述职',
      year: '2025',
      reporterId: 'm1',
      work: '已写',
      problems: '问题',
      plan: '计划',
    };
    const record = await saveDraft({ id: 'd-docx', bookId: BOOK, kind: 'work', title: '述职', data: form });
    expect(docxDraftOf({ ...record, kind: 'meeting' })).toBeNull();
    expect(docxDraftOf({ ...record, data: { ...form, type: 'report' } })).toBeNull();
    const api = fakeApi({ 'documents.fromDraft': () => ({ ...FILE, fileName: '述职.docx' }) });
    renderWithApi(<DraftDocxButton bookId={BOOK} draft={record} />, api);
    fireEvent.click(screen.getByTestId('draft-docx-d-docx'));
    await waitFor(() => expect(click).toHaveBeenCalledTimes(1));
    expect(api['documents.fromDraft']).toHaveBeenCalledWith({
      bookId: BOOK,
      draft: {
        type: 'annual-report',
        title: '述职',
        year: 2025,
        reporterId: 'm1',
        work: '已写',
        problems: '问题',
        plan: '计划',
      },
    });
  });
});
