/** A 述职 / 年度总结 draft (typed by people, from the records) as an editable .docx. */
import type { MemberView, RecordDraft } from '../contract';
import { BLANK, blankLine, heading, para, paras, signature, title, type Block } from './docx-parts';

export function draftDocument(draft: Omit<RecordDraft, 'sources'>, orgName: string, roster: MemberView[]): Block[] {
  const reporter = draft.reporterId ? roster.find((m) => m.memberId === draft.reporterId) : undefined;
  const isReport = draft.type === 'annual-report';
  return [
    title(draft.title),
    ...(isReport
      ? [
          para(`述职人：${reporter ? `${reporter.roleLabel} ${reporter.person.name}` : BLANK}`, {
            align: 'center',
            after: 240,
          }),
        ]
      : []),
    heading(isReport ? '一、本年度工作情况' : '一、本年度党建工作情况'),
    ...paras(draft.work, { indent: true }),
    heading('二、存在问题'),
    ...paras(draft.problems, { indent: true }),
    heading(isReport ? '三、下一年度工作思路' : '三、下一年度工作打算'),
    ...paras(draft.plan, { indent: true }),
    blankLine(),
    ...signature(isReport && reporter ? `${orgName}  ${reporter.person.name}` : orgName),
  ];
}
