/**
 * `documents.build`, `documents.fromDraft` and `drafts.fromRecords`: which document, from which
 * reads, under which file name. Everything is read through the service (see book-reads.ts).
 */
import {
  DOCUMENT_KINDS,
  DOCX_MEDIA_TYPE,
  MEETING_DOCUMENT_KINDS,
  ServiceError,
  type DocumentFile,
  type DocumentKind,
  type RecordDraft,
} from '../contract';
import { readMeeting, readOrg, readRoster, type BookReads } from './book-reads';
import { packDocument, type Block } from './docx-parts';
import { draftDocument } from './draft-doc';
import { electionCandidateForms, electionOf, electionRequest, electionResult } from './election-docs';
import { memberFilingForms, partyRoster } from './member-forms';
import { meetingTypeLabel, minutesDocument } from './minutes-doc';

export interface BuildRequest {
  bookId: string;
  kind: DocumentKind;
  seq?: number | undefined;
  memberId?: string | undefined;
  on?: string | undefined;
}

/** A file name any system accepts: no path separators or reserved characters. */
export function safeFileName(name: string): string {
  return `${name.replace(/[\\/:*?"<>|\s]+/g, '_').slice(0, 150)}.docx`;
}

async function toFile(name: string, docTitle: string, blocks: Block[]): Promise<DocumentFile> {
  const bytes = await packDocument(docTitle, blocks);
  return {
    fileName: safeFileName(name),
    mediaType: DOCX_MEDIA_TYPE,
    dataBase64: bytes.toString('base64'),
    size: bytes.length,
  };
}

export async function buildDocument(reads: BookReads, r: BuildRequest): Promise<DocumentFile> {
  const { organisation: org } = await readOrg(reads, r.bookId);
  const label = DOCUMENT_KINDS[r.kind];
  if (MEETING_DOCUMENT_KINDS.includes(r.kind)) {
    if (r.seq === undefined) throw new ServiceError('invalid-input', `生成“${label}”需要指明是哪一条会议记录`, 'seq');
    const meeting = await readMeeting(reads, r.bookId, r.seq);
    const roster = await readRoster(reads, r.bookId, meeting.input.startAt.slice(0, 10));
    const day = meeting.input.startAt.slice(0, 10);
    if (r.kind === 'minutes') {
      const name = `会议纪要-第${meeting.input.number}次${meetingTypeLabel(meeting)}-${day}`;
      return toFile(name, name, minutesDocument(org.orgName, roster, meeting));
    }
    const ctx = { org, roster, meeting };
    const by = electionOf(meeting).byElection ? '补选' : '换届';
    const blocks =
      r.kind === 'election-request'
        ? electionRequest(ctx)
        : r.kind === 'election-candidates'
          ? electionCandidateForms(ctx)
          : electionResult(ctx);
    const name =
      r.kind === 'election-request'
        ? `${by}请示`
        : r.kind === 'election-result'
          ? `${by}结果的请示`
          : `${by}候选人预备人选备案表`;
    return toFile(`${name}-${org.orgName}-${day}`, name, blocks);
  }
  const roster = (await readRoster(reads, r.bookId, r.on)).filter((m) => m.active);
  if (r.kind === 'member-forms') {
    const chosen = r.memberId ? roster.filter((m) => m.memberId === r.memberId) : roster;
    if (chosen.length === 0) {
      throw new ServiceError(
        'not-found',
        r.memberId ? '该成员不在现任成员名册中' : '成员名册中没有现任成员，无法生成人员备案表',
        'memberId',
      );
    }
    const people = chosen.map((m) => ({ name: m.person.name, person: m.person, intendedPost: m.roleLabel }));
    const who = chosen.length === 1 ? chosen[0]!.person.name : org.orgName;
    return toFile(`党组织人员备案表-${who}`, label, memberFilingForms(org.societyName, people));
  }
  const party = roster.filter((m) => m.person.isCpcMember);
  if (party.length === 0) throw new ServiceError('not-found', '成员名册中没有中共党员，无法生成党员名册');
  return toFile(`党员名册-${org.orgName}`, label, partyRoster(org.societyName, org.orgName, party));
}

export async function buildDraftDocument(
  reads: BookReads,
  bookId: string,
  draft: Omit<RecordDraft, 'sources'>,
): Promise<DocumentFile> {
  const { organisation: org } = await readOrg(reads, bookId);
  const roster = await readRoster(reads, bookId, `${draft.year}-12-31`);
  return toFile(draft.title, draft.title, draftDocument(draft, org.orgName, roster));
}
