/**
 * The one service contract: every user-visible action, its input schema and its output type.
 * IPC (electron/), the browser host (host/), in-process callers (`callService`: tests, the
 * `logbook` command's demo and restore) and the renderer's forms all use it.
 */
import { z } from 'zod';
import { bookId, count, dateString, line, memberId, prose, seqNumber, yearNumber } from './common';
import type { ContractMap, MethodSpec } from './contract-types';
import { activityInput, workItemInput } from './activities';
import { meetingInput, type MeetingEvaluation, type RuleFlag } from './meetings';
import { entryCheckInput, meetingCheckInput, type EntryCheck } from './checks';
import { memberJoin, memberLeave, memberRoleChange, type MemberView } from './members';
import { organisation } from './organisation';
import { profileChoice } from './profile-choice';
import { documentKind, recordDraft, recordDraftKind, type DocumentFile, type RecordDraft } from './documents';
import type {
  BookStatus,
  BookSummary,
  CalendarView,
  EntryDetail,
  EntryPage,
  MeetingSealResult,
  OrgView,
  SealResult,
  SearchPage,
  SecurityView,
  VerifyView,
  YearView,
} from './views';
import type { ProfileCatalog, ProfileDescription } from './views';
import type { AttachmentRef } from './common';
import type { DutySuggestion, Reminder, YearLedger } from '../rules';
import { DUTY_KINDS } from './duties';
import {
  fingerprintInput,
  uploadToken,
  type BundleAlarmView,
  type BundleImportView,
  type BundleInspectView,
} from './bundles';
import { checkCodeInput, printInput, type PrintCheckView, type PrintView } from './print';
import {
  liaisonIdentity,
  spotDrawInput,
  spotSealInput,
  workspaceQuery,
  type LiaisonView,
  type ReceiptFile,
  type SpotCheckSummary,
  type SpotDrawView,
  type SpotSealResult,
  type WorkspaceOverview,
} from './liaison';
import {
  alarmIdInput,
  receiptsExportFileInput,
  receiptsFileText,
  receiptText,
  rectificationInput,
  type EvidenceFileView,
  type EvidenceView,
  type ReceiptRow,
  type ReceiptsFileView,
  type ReceiptsLoadView,
} from './receipts';

const out = <T>() => z.custom<T>(() => true);
const correctionField = z.string().regex(/^(\/[^/]{1,100}){1,8}$/, { message: '字段路径无效' });
const correctionValue = z.json().refine((v) => JSON.stringify(v).length <= 100_000, { message: '更正内容过长' });
function method<I extends z.ZodType, O extends z.ZodType>(
  summary: string,
  mutates: boolean,
  input: I,
  output: O,
): MethodSpec<I, O> {
  return { summary, mutates, input, output };
}
const book = { bookId };
/**
 * A client's id for one sealing request (the renderer sends the draft's id): the same id again
 * returns the entry already sealed instead of sealing it twice.
 */
export const requestId = z
  .string()
  .regex(/^[A-Za-z0-9_-]{8,100}$/, { message: '请求编号无效' })
  .optional();
const sealing = { requestId };

export const contract = {
  'books.list': method('列出本机的记录本', false, z.object({}), out<BookSummary[]>()),
  'books.create': method(
    '新建记录本（组织、规则方案、成员）',
    true,
    z.object({
      ...sealing,
      organisation,
      profile: profileChoice,
      members: z.array(memberJoin).max(500).default([]),
    }),
    out<BookStatus>(),
  ),
  'books.status': method('记录本状态与完整性', false, z.object(book), out<BookStatus>()),
  'books.verify': method('完整校验记录本', false, z.object(book), out<VerifyView>()),

  'org.get': method('组织信息与规则方案', false, z.object({ ...book, on: dateString.optional() }), out<OrgView>()),
  'org.update': method(
    '变更组织信息',
    true,
    z.object({ ...book, ...sealing, organisation, reason: line(500) }),
    out<SealResult>(),
  ),
  'profile.change': method(
    '变更规则方案',
    true,
    z.object({ ...book, ...sealing, profile: profileChoice, reason: line(500) }),
    out<SealResult>(),
  ),

  'members.list': method('成员名册', false, z.object({ ...book, on: dateString.optional() }), out<MemberView[]>()),
  'members.join': method(
    '成员加入',
    true,
    z.object({ ...book, ...sealing, ...memberJoin.shape }),
    out<SealResult & { memberId: string }>(),
  ),
  'members.leave': method('成员离任', true, z.object({ ...book, ...sealing, ...memberLeave.shape }), out<SealResult>()),
  'members.changeRole': method(
    '成员职务变更',
    true,
    z.object({ ...book, ...sealing, ...memberRoleChange.shape }),
    out<SealResult>(),
  ),

  'entries.check': method(
    '封存前的全部检查（不封存）',
    false,
    z.object({ ...book, entry: entryCheckInput }),
    out<EntryCheck>(),
  ),
  'meetings.evaluate': method(
    '会议规则检查（不封存）',
    false,
    z.object({ ...book, meeting: meetingCheckInput }),
    out<MeetingEvaluation>(),
  ),
  'meetings.seal': method(
    '封存会议记录',
    true,
    z.object({ ...book, ...sealing, meeting: meetingInput }),
    out<MeetingSealResult>(),
  ),
  'activities.seal': method(
    '封存活动记录',
    true,
    z.object({ ...book, ...sealing, activity: activityInput }),
    out<SealResult>(),
  ),
  'work.seal': method('封存工作记录', true, z.object({ ...book, ...sealing, item: workItemInput }), out<SealResult>()),

  'entries.list': method(
    '记录列表',
    false,
    z.object({
      ...book,
      kinds: z.array(line(50)).max(20).optional(),
      year: yearNumber.optional(),
      memberId: memberId.optional(),
      flag: line(50).optional(),
      offset: count.default(0),
      limit: z.number().int().min(1).max(500).default(100),
    }),
    out<EntryPage>(),
  ),
  'search.query': method(
    '搜索记录',
    false,
    z.object({
      ...book,
      query: line(100),
      kinds: z.array(line(50)).max(20).optional(),
      year: yearNumber.optional(),
      memberId: memberId.optional(),
      flag: line(50).optional(),
      offset: count.default(0),
      limit: z.number().int().min(1).max(200).default(20),
    }),
    out<SearchPage>(),
  ),
  'entries.get': method(
    '查看记录（原文、更正与现行内容）',
    false,
    z.object({ ...book, seq: seqNumber }),
    out<EntryDetail>(),
  ),
  'entries.correct': method(
    '更正已封存记录的字段',
    true,
    z
      .object({
        ...book,
        ...sealing,
        seq: seqNumber,
        field: correctionField.optional(),
        /** Any JSON: a text, a number, a yes/no, or a whole list (e.g. who was present). */
        value: correctionValue.optional(),
        /** Several fields corrected together, e.g. 实到 and 缺席 when one person was recorded wrongly. */
        changes: z
          .array(z.object({ field: correctionField, value: correctionValue }))
          .min(1)
          .max(50)
          .optional(),
        reason: line(500),
        by: line(50),
      })
      .refine((c) => (c.changes === undefined) !== (c.field === undefined), {
        message: '请给出要更正的字段',
        path: ['field'],
      })
      .refine((c) => c.field === undefined || c.value !== undefined, { message: '请填写更正内容', path: ['value'] }),
    out<SealResult>(),
  ),

  'attachments.put': method(
    '保存附件',
    true,
    z.object({
      ...book,
      fileName: line(200),
      mediaType: z
        .string()
        .regex(/^[a-z]+\/[a-z0-9.+-]+$/i, { message: '文件类型无效' })
        .max(100),
      dataBase64: z
        .string()
        .max(70 * 1024 * 1024, { message: '单个附件不能超过 50 MB' })
        .regex(/^[A-Za-z0-9+/]*={0,2}$/, { message: '文件内容编码无效' }),
    }),
    out<AttachmentRef>(),
  ),
  'attachments.get': method(
    '读取附件',
    false,
    z.object({ ...book, hash: z.string().regex(/^[0-9a-f]{64}$/) }),
    out<{ dataBase64: string; size: number }>(),
  ),

  'calendar.status': method('节假日数据覆盖年份', false, z.object({}), out<CalendarView>()),
  'calendar.import': method('导入某年的法定节假日安排', true, z.object({ text: prose(200_000) }), out<CalendarView>()),

  'ledger.year': method('年度台账', false, z.object({ ...book, year: yearNumber }), out<YearView>()),
  'ledger.report': method(
    '年度台账（全部数字及其依据）',
    false,
    z.object({ ...book, year: yearNumber }),
    out<YearLedger>(),
  ),
  'ledger.xlsx': method(
    '导出年度台账（Excel）',
    false,
    z.object({ ...book, year: yearNumber }),
    out<{ fileName: string; mediaType: string; dataBase64: string; size: number }>(),
  ),
  'reminders.list': method('提醒事项', false, z.object(book), out<{ today: string; items: Reminder[] }>()),
  'duties.suggest': method(
    '建议体现的职责',
    false,
    z.object({
      kind: z.enum(DUTY_KINDS, { message: '记录类型无效' }),
      type: line(50).optional(),
      text: prose(100_000),
    }),
    out<DutySuggestion[]>(),
  ),

  'app.security': method('密钥与数据保护', false, z.object({}), out<SecurityView>()),

  // The newcomer's demo book (示例记录本): its own database in <data>/demo, never a real record.
  'demo.open': method('打开示例记录本（第一次打开时生成）', true, z.object({}), out<BookSummary>()),
  'demo.remove': method('删除示例记录本', true, z.object({}), out<{ removed: boolean }>()),
  'documents.build': method(
    '生成备案文书（.docx）',
    false,
    z.object({
      ...book,
      kind: documentKind,
      seq: seqNumber.optional(),
      memberId: memberId.optional(),
      on: dateString.optional(),
    }),
    out<DocumentFile>(),
  ),
  'documents.fromDraft': method(
    '把述职或年度总结草稿保存为 .docx',
    false,
    z.object({ ...book, draft: recordDraft }),
    out<DocumentFile>(),
  ),
  'drafts.fromRecords': method(
    '根据记录起草述职报告或台账总结',
    false,
    z.object({ ...book, year: yearNumber, kind: recordDraftKind }),
    out<RecordDraft>(),
  ),
  'bundles.inspect': method(
    '查看上传的数据包（未核验）',
    false,
    z.object({ upload: uploadToken }),
    out<BundleInspectView>(),
  ),
  'bundles.import': method(
    '核验并导入数据包',
    true,
    z.object({ ...sealing, upload: uploadToken, fingerprint: fingerprintInput.optional() }),
    out<BundleImportView>(),
  ),
  'bundles.alarms': method(
    '数据包警报（回滚、分叉、密钥）',
    false,
    z.object({ bookId: bookId.optional() }),
    out<BundleAlarmView[]>(),
  ),
  'books.handover': method(
    '移交给新的记录人或新电脑（密钥轮换，新旧密钥共同签名）',
    true,
    z.object({ ...book, reason: line(500) }),
    out<BookStatus>(),
  ),
  'bundles.discard': method('丢弃上传的数据包', true, z.object({ upload: uploadToken }), out<{ discarded: boolean }>()),
  'print.pages': method('打印记录本页面', false, printInput, out<PrintView>()),
  'print.checkCode': method('核对纸质页', false, checkCodeInput, out<PrintCheckView>()),
  'profiles.list': method('规则方案及其规则（向导、设置与自定义规则）', false, z.object({}), out<ProfileCatalog>()),
  'members.check': method(
    '成员信息检查（不封存）',
    false,
    z.object({
      person: z.object({
        name: z.string().max(50).optional(),
        isCpcMember: z.boolean().optional(),
        partyJoinDate: z.string().max(10).optional(),
      }),
    }),
    out<{ warnings: RuleFlag[] }>(),
  ),
  'profiles.describe': method(
    '说明一个规则方案（含自定义参数）',
    false,
    z.object({ profile: profileChoice }),
    out<ProfileDescription>(),
  ),
  // The liaison's own book, workspace overview and spot checks (issue 10; db/contract/liaison.ts).
  'liaison.setup': method(
    '设立联络员身份（姓名、单位、签名密钥）',
    true,
    z.object({ ...sealing, liaison: liaisonIdentity }),
    out<LiaisonView>(),
  ),
  'liaison.get': method('联络员身份', false, z.object({}), out<LiaisonView | null>()),
  'workspace.overview': method('工作台：导入的记录本一览', false, workspaceQuery, out<WorkspaceOverview>()),
  'spotChecks.draw': method('抽查：随机抽取记录（不封存）', false, spotDrawInput, out<SpotDrawView>()),
  'spotChecks.seal': method(
    '封存抽查记录（记入联络员记录本）',
    true,
    spotSealInput.extend(sealing),
    out<SpotSealResult>(),
  ),
  'spotChecks.list': method('抽查记录一览', false, z.object({ bookId: bookId.optional() }), out<SpotCheckSummary[]>()),
  'receipts.export': method('导出已签名的抽查回执', false, z.object({ liaisonSeq: seqNumber }), out<ReceiptFile>()),
  'receipts.import': method(
    '导入抽查回执（收到抽查回执）',
    true,
    z.object({ ...book, ...sealing, text: receiptText }),
    out<SealResult & { verdict: string }>(),
  ),
  'rectifications.seal': method(
    '封存整改情况',
    true,
    z.object({ ...book, ...sealing, rectification: rectificationInput }),
    out<SealResult>(),
  ),
  'receipts.list': method('记录本的抽查回执及其核对结果', false, z.object(book), out<ReceiptRow[]>()),
  'receipts.exportFile': method(
    '导出本联络员签发的回执汇总文件',
    false,
    receiptsExportFileInput,
    out<ReceiptsFileView>(),
  ),
  'receipts.loadFile': method(
    '载入回执汇总文件并核对已导入的记录本',
    true,
    z.object({ text: receiptsFileText }),
    out<ReceiptsLoadView>(),
  ),
  'evidence.get': method('警报的证据（两份检查点与分歧的记录）', false, alarmIdInput, out<EvidenceView>()),
  'evidence.export': method('导出警报的证据包（.zip）', false, alarmIdInput, out<EvidenceFileView>()),
} satisfies ContractMap;

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export { ServiceError } from './contract-types';
export type { ClientOf, ServiceOf, Result, ErrorData } from './contract-types';
export { describeZodError, describeIssues, labelFor } from './messages';
export * from './common';
export * from './organisation';
export * from './members';
export * from './meetings';
export * from './activities';
export * from './duties';
export * from './profile-choice';
export * from './search';
export * from './documents';
export * from './bundles';
export type * from './views';
export * from './entry-descriptions';
export * from './checks';
export * from './print';
export * from './liaison';
export * from './json-pointer';
export * from './receipts';
