/**
 * One description per entry kind, fields in the paper book's order. Labels are the editor
 * forms' own (renderer/editors, renderer/members, renderer/setup), without the form's hints
 * (“（可不填）”, “（多日活动填写）”); where a form asks a question instead of naming the field
 * (“第几次会议（本届）”), the label is the one the editor's review step shows (会议次序).
 * descriptions.test.ts fails when a field of a kind's schema has no place here.
 */
import { MEETING_MODES, MEETING_TYPES } from '../meetings';
import { ACTIVITY_TYPES, EVENT_KINDS, MAJOR_CATEGORIES, WORK_ITEM_TYPES, type WorkItemType } from '../activities';
import { MEMBER_ROLES } from '../members';
import { DUTIES } from '../duties';
import { ORG_FORMS } from '../organisation';
import { PROFILE_NAMES } from '../profile-choice';
import { CHECK_STATES, SCOPE_TYPES, SPOT_CONCLUSIONS } from '../liaison';
import { CONCLUSIONS } from '../receipts';
import type { EntryKind } from './entry-body';
import type { EntryDescription, FieldDescription, PlainField } from './types';

/** The columns of a vote, as the meeting form labels them (同意票 …). */
export const VOTE_LABELS = { for: '同意', against: '反对', abstain: '弃权' } as const;

const GENDERS = { 男: '男', 女: '女' } as const;
const APPROVAL = { docNo: '批复文号', date: '批复日期' } as const;

const attachments: FieldDescription = { path: ['attachments'], label: '附件', show: 'attachments' };
/** 九项职责 the entry shows (an enum list: each code shown by its label). */
const duties: FieldDescription = { path: ['duties'], label: '体现的职责', show: 'enumList', options: DUTIES };

export const MEETING_DESCRIPTION: EntryDescription = {
  title: '会议记录',
  fields: [
    { path: ['type'], label: '会议类型', show: 'enum', options: MEETING_TYPES },
    { path: ['number'], label: '会议次序', show: 'number', prefix: '第', unit: '次' },
    { path: ['title'], label: '会议名称', show: 'text' },
    { path: ['mode'], label: '会议形式', show: 'enum', options: MEETING_MODES },
    { path: ['startAt'], label: '开始时间', show: 'dateTime' },
    { path: ['endAt'], label: '结束时间', show: 'dateTime' },
    { path: ['place'], label: '会议地点', show: 'text' },
    { path: ['chairId'], label: '主持人', show: 'person' },
    { path: ['chairDelegated'], label: '受组长（书记）委托主持', show: 'boolean' },
    { path: ['recorder'], label: '记录人', show: 'text' },
    { path: ['presentIds'], label: '实到', show: 'people' },
    {
      path: ['absent'],
      label: '缺席',
      show: 'list',
      item: '缺席成员',
      namedBy: 'memberId',
      fields: [
        { path: ['memberId'], label: '缺席成员', show: 'person' },
        { path: ['leaveNote'], label: '请假说明', show: 'longText' },
      ],
    },
    {
      path: ['guests'],
      label: '列席',
      show: 'list',
      item: '列席人员',
      fields: [
        { path: ['name'], label: '姓名', show: 'text' },
        { path: ['unit'], label: '单位', show: 'text' },
      ],
    },
    {
      path: ['topics'],
      label: '议题',
      show: 'list',
      item: '议题',
      fields: [
        { path: ['title'], label: '名称', show: 'text' },
        { path: ['discussion'], label: '讨论情况', show: 'longText' },
        { path: ['dissent'], label: '不同意见', show: 'longText' },
      ],
    },
    {
      path: ['decisions'],
      label: '决议与表决',
      show: 'list',
      item: '决议',
      fields: [
        { path: ['text'], label: '内容', show: 'text' },
        { path: ['votes'], label: '表决', show: 'votes' },
      ],
    },
    { path: ['minutes'], label: '会议纪要', show: 'longText' },
    {
      path: ['heldSeparately'],
      label: '单独召开确认',
      show: 'boolean',
      yes: '是，未与理事会或其他会议合并',
      no: '否（未确认单独召开）',
    },
    { path: ['election', 'body'], label: '选举对象', show: 'text' },
    { path: ['election', 'votingExpected'], label: '应到有选举权人数', show: 'number', unit: '人' },
    { path: ['election', 'votingPresent'], label: '实到有选举权人数', show: 'number', unit: '人' },
    { path: ['election', 'ballotsCast'], label: '收回选票', show: 'number', unit: '张' },
    { path: ['election', 'seats'], label: '应选名额', show: 'number', unit: '名' },
    { path: ['election', 'competitive'], label: '选举方式', show: 'boolean', yes: '差额选举', no: '等额选举' },
    { path: ['election', 'byElection'], label: '是否补选', show: 'boolean' },
    {
      path: ['election', 'candidates'],
      label: '候选人得票',
      show: 'list',
      item: '候选人',
      fields: [
        { path: ['name'], label: '姓名', show: 'text' },
        { path: ['memberId'], label: '成员', show: 'person', fixed: true },
        { path: ['votes'], label: '得票', show: 'number', unit: '票' },
      ],
    },
    attachments,
    duties,
  ],
};

export const ACTIVITY_DESCRIPTION: EntryDescription = {
  title: '活动记录',
  fields: [
    { path: ['type'], label: '活动类型', show: 'enum', options: ACTIVITY_TYPES },
    { path: ['title'], label: '活动名称', show: 'text' },
    { path: ['date'], label: '活动日期', show: 'date' },
    { path: ['endDate'], label: '结束日期', show: 'date' },
    { path: ['place'], label: '活动地点', show: 'text' },
    { path: ['organizer'], label: '组织者', show: 'text' },
    { path: ['participantIds'], label: '参加成员', show: 'people' },
    { path: ['otherParticipants'], label: '其他参加人员', show: 'longText' },
    { path: ['content'], label: '活动内容', show: 'longText' },
    { path: ['outcome'], label: '活动成效', show: 'longText' },
    attachments,
    duties,
  ],
};

const prose = (key: string, label: string): FieldDescription => ({ path: [key], label, show: 'longText' });

/** Each work type's own fields, between the common 工作类型/标题/日期 and 附件 (renderer/editors/work-item-form-state FIELDS). */
const WORK_FIELDS: Record<WorkItemType, FieldDescription[]> = {
  report: [
    { path: ['to'], label: '报送对象', show: 'text' },
    prose('matter', '请示报告事项'),
    prose('reply', '批复意见'),
  ],
  'annual-report': [
    { path: ['year'], label: '述职年度', show: 'number', unit: '年' },
    { path: ['reporterId'], label: '述职人', show: 'person' },
    prose('work', '本年度工作情况'),
    prose('problems', '存在问题'),
    prose('plan', '下一年度工作计划'),
  ],
  'annual-summary': [
    { path: ['year'], label: '总结年度', show: 'number', unit: '年' },
    prose('work', '本年度党建工作情况'),
    prose('problems', '存在问题'),
    prose('plan', '下一年度工作打算'),
  ],
  ideology: [
    { path: ['event'], label: '会议 / 活动名称', show: 'text' },
    { path: ['eventKind'], label: '事项类别', show: 'enum', options: EVENT_KINDS },
    prose('assessment', '意识形态研判意见'),
    prose('plan', '舆情应对预案'),
  ],
  'major-matter': [
    { path: ['category'], label: '事项类别', show: 'enum', options: MAJOR_CATEGORIES },
    { path: ['amountYuan'], label: '涉及金额', show: 'number', unit: '元' },
    prose('deliberation', '集体研究讨论情况'),
    prose('outcome', '研究结果'),
    { path: ['meetingSeq'], label: '研究该事项的会议', show: 'entryRef' },
  ],
  're-election': [
    { path: ['newTermStart'], label: '新一届任期开始', show: 'date' },
    { path: ['newTermEnd'], label: '新一届任期结束', show: 'date' },
    prose('content', '换届工作情况'),
    { path: ['approvalDocNo'], label: '批复文号', show: 'text' },
  ],
  filing: [
    { path: ['meetingSeq'], label: '备案的会议', show: 'entryRef' },
    { path: ['to'], label: '报送对象', show: 'text' },
    prose('note', '备注'),
  ],
  other: [prose('content', '工作内容')],
};

function workDescription(type: WorkItemType): EntryDescription {
  return {
    title: WORK_ITEM_TYPES[type],
    fields: [
      { path: ['type'], label: '工作类型', show: 'enum', options: WORK_ITEM_TYPES },
      { path: ['title'], label: '标题', show: 'text' },
      { path: ['date'], label: '日期', show: 'date' },
      ...WORK_FIELDS[type],
      attachments,
      duties,
    ],
  };
}

export const WORK_DESCRIPTIONS: Record<WorkItemType, EntryDescription> = {
  report: workDescription('report'),
  'annual-report': workDescription('annual-report'),
  'annual-summary': workDescription('annual-summary'),
  ideology: workDescription('ideology'),
  'major-matter': workDescription('major-matter'),
  're-election': workDescription('re-election'),
  filing: workDescription('filing'),
  other: workDescription('other'),
};

/** A field of a nested object shown as one value (text, date, yes/no …). */
type OneValue = PlainField['show'] | 'boolean';
function nested(parent: string, key: string, label: string, show: OneValue): FieldDescription {
  const path = [parent, key];
  return show === 'boolean' ? { path, label, show } : { path, label, show };
}
const person = (key: string, label: string, show: OneValue = 'text') => nested('person', key, label, show);

/** The member's 备案表 (001 template 2) in the order of the join form. */
const MEMBER_JOIN: EntryDescription = {
  title: '成员加入',
  fields: [
    person('name', '姓名'),
    { path: ['person', 'gender'], label: '性别', show: 'enum', options: GENDERS },
    person('ethnicity', '民族'),
    person('birthDate', '出生日期', 'date'),
    person('isCpcMember', '是否中共党员', 'boolean'),
    person('partyJoinDate', '入党时间', 'date'),
    person('title', '职称'),
    person('education', '学历'),
    person('workUnit', '工作单位'),
    person('societyPosts', '在学会任职'),
    person('underDiscipline', '处于党纪或政务处分期', 'boolean'),
    { path: ['role'], label: '职务', show: 'enum', options: MEMBER_ROLES },
    { path: ['joinedOn'], label: '加入日期', show: 'date' },
    { path: ['approval'], label: '批复', show: 'approval', parts: APPROVAL },
    { path: ['note'], label: '备注', show: 'text' },
    { path: ['memberId'], label: '成员编号', show: 'code', technical: true },
  ],
};

const org = (key: string, label: string, show: OneValue = 'text') => nested('organisation', key, label, show);

/** The organisation step of the set-up wizard (also the 变更组织信息 form). */
const ORGANISATION_FIELDS: FieldDescription[] = [
  org('societyName', '学会名称'),
  org('orgName', '党组织名称'),
  { path: ['organisation', 'form'], label: '组织形式', show: 'enum', options: ORG_FORMS },
  org('termStart', '任期开始', 'date'),
  org('termEnd', '任期结束', 'date'),
  org('supervisingOffice', '主管党组织'),
  org('contactPerson', '党建联系人'),
  org('recorder', '记录人'),
  {
    path: ['organisation', 'approval'],
    label: '成立批复',
    show: 'approval',
    parts: { docNo: '成立批复文号', date: '成立批复日期' },
  },
  org('note', '备注', 'longText'),
];

const PROFILE_FIELDS: FieldDescription[] = [
  { path: ['profile', 'id'], label: '规则方案', show: 'enum', options: PROFILE_NAMES },
  { path: ['profile', 'overrides'], label: '自定义参数', show: 'ruleParams' },
];

const CHANGE_REASON: FieldDescription = { path: ['reason'], label: '变更原因', show: 'text' };

/** 抽查记录: the liaison's sealed spot check; its record page is the printed report. */
export const SPOT_CHECK_DESCRIPTION: EntryDescription = {
  title: '抽查记录',
  fields: [
    { path: ['orgName'], label: '被查组织', show: 'text' },
    { path: ['size'], label: '被查记录本条数', show: 'number', unit: ' 条' },
    { path: ['sample', 'scope'], label: '抽样范围', show: 'text' },
    { path: ['sample', 'populationSize'], label: '抽样总体', show: 'number', unit: ' 条' },
    { path: ['sample', 'count'], label: '抽查数量', show: 'number', unit: ' 条' },
    // Seqs of the checked book (not of this one): numbers joined with 、.
    { path: ['sample', 'seqs'], label: '抽中的记录序号', show: 'enumList', options: {} },
    {
      path: ['findings'],
      label: '逐条检查',
      show: 'list',
      item: '抽查记录',
      fields: [
        { path: ['seq'], label: '记录序号', show: 'number', prefix: '第 ', unit: ' 条' },
        { path: ['accurate'], label: '准确', show: 'enum', options: CHECK_STATES },
        { path: ['standard'], label: '规范', show: 'enum', options: CHECK_STATES },
        { path: ['complete'], label: '完整', show: 'enum', options: CHECK_STATES },
        { path: ['original'], label: '原始', show: 'enum', options: CHECK_STATES },
        { path: ['note'], label: '检查意见', show: 'longText' },
      ],
    },
    { path: ['conclusion'], label: '抽查结论', show: 'enum', options: SPOT_CONCLUSIONS },
    { path: ['rectify', 'what'], label: '整改事项', show: 'longText' },
    { path: ['rectify', 'by'], label: '整改期限', show: 'date' },
    { path: ['notes'], label: '其他说明', show: 'longText' },
    { path: ['bookId'], label: '被查记录本编号', show: 'code', technical: true },
    { path: ['keyId'], label: '被查记录本密钥指纹', show: 'code', technical: true },
    { path: ['root'], label: '被查记录本树根', show: 'code', technical: true },
    { path: ['sample', 'method'], label: '抽样方法', show: 'code', technical: true },
    { path: ['sample', 'seed'], label: '抽样种子', show: 'code', technical: true },
    { path: ['sample', 'select', 'type'], label: '抽样方式', show: 'enum', options: SCOPE_TYPES, technical: true },
    { path: ['sample', 'select', 'kind'], label: '抽样类别', show: 'code', technical: true },
    { path: ['sample', 'select', 'year'], label: '抽样年份', show: 'number', unit: ' 年', technical: true },
  ],
};

export const ENTRY_DESCRIPTIONS: Record<Exclude<EntryKind, 'work'>, EntryDescription> = {
  meeting: MEETING_DESCRIPTION,
  activity: ACTIVITY_DESCRIPTION,
  'member.join': MEMBER_JOIN,
  'member.leave': {
    title: '成员离任',
    fields: [
      { path: ['memberId'], label: '成员', show: 'person', fixed: true },
      { path: ['leftOn'], label: '离任日期', show: 'date' },
      { path: ['reason'], label: '原因', show: 'text' },
      { path: ['approval'], label: '批复', show: 'approval', parts: APPROVAL },
    ],
  },
  'member.role': {
    title: '职务变更',
    fields: [
      { path: ['memberId'], label: '成员', show: 'person', fixed: true },
      { path: ['role'], label: '新职务', show: 'enum', options: MEMBER_ROLES },
      { path: ['changedOn'], label: '变更日期', show: 'date' },
      { path: ['reason'], label: '原因', show: 'text' },
      { path: ['approval'], label: '批复', show: 'approval', parts: APPROVAL },
    ],
  },
  'org.setup': { title: '组织设立', fields: [...ORGANISATION_FIELDS, ...PROFILE_FIELDS] },
  'org.update': { title: '组织信息变更', fields: [...ORGANISATION_FIELDS, CHANGE_REASON] },
  'profile.change': { title: '规则方案变更', fields: [...PROFILE_FIELDS, CHANGE_REASON] },
  'ledger.genesis': {
    title: '记录本启用',
    fields: [
      { path: ['name'], label: '记录本名称', show: 'text' },
      { path: ['societyName'], label: '学会名称', show: 'text' },
      { path: ['keyId'], label: '签名密钥指纹', show: 'code' },
      { path: ['publicKey'], label: '公钥', show: 'code', technical: true },
    ],
  },
  'ledger.key-rotation': {
    title: '密钥更换',
    fields: [
      { path: ['reason'], label: '更换原因', show: 'text' },
      { path: ['previousKeyId'], label: '原密钥指纹', show: 'code' },
      { path: ['keyId'], label: '新密钥指纹', show: 'code' },
      { path: ['publicKey'], label: '新公钥', show: 'code', technical: true },
      { path: ['signatures', 'previous'], label: '原密钥签名', show: 'code', technical: true },
      { path: ['signatures', 'next'], label: '新密钥签名', show: 'code', technical: true },
    ],
  },
  'ledger.correction': {
    title: '更正',
    fields: [
      { path: ['target'], label: '更正对象', show: 'entryRef' },
      // One field (`field`, `value`) or several together (`changes`), by the corrected entry's labels.
      { path: ['field'], label: '更正字段', show: 'correctedField' },
      { path: ['value'], label: '更正为', show: 'correctedValue' },
      { path: ['changes'], label: '更正内容', show: 'correctionChanges' },
      { path: ['reason'], label: '更正理由', show: 'text' },
      { path: ['by'], label: '更正人', show: 'text' },
      { path: ['targetHash'], label: '原记录哈希', show: 'code', technical: true },
    ],
  },
  // The liaison's own book (issue 10).
  'liaison.setup': {
    title: '联络员信息',
    fields: [
      { path: ['name'], label: '联络员姓名', show: 'text' },
      { path: ['office'], label: '所在单位', show: 'text' },
    ],
  },
  'spot-check': SPOT_CHECK_DESCRIPTION,
  // The liaison's signed receipt as received (issue 10): nothing of it is corrected.
  'receipt.received': {
    title: '收到抽查回执',
    fields: [
      { path: ['liaison', 'name'], label: '联络员', show: 'text', fixed: true },
      { path: ['liaison', 'office'], label: '联络员单位', show: 'text', fixed: true },
      { path: ['checkedOn'], label: '抽查日期', show: 'date', fixed: true },
      { path: ['size'], label: '抽查范围', show: 'number', prefix: '前 ', unit: ' 条记录', fixed: true },
      { path: ['sampled'], label: '抽查的记录', show: 'text', fixed: true },
      { path: ['conclusion'], label: '抽查结论', show: 'enum', options: CONCLUSIONS, fixed: true },
      { path: ['rectify', 'what'], label: '整改事项', show: 'longText', fixed: true },
      { path: ['rectify', 'by'], label: '整改期限', show: 'date', fixed: true },
      { path: ['liaison', 'keyId'], label: '联络员密钥指纹', show: 'code', technical: true, fixed: true },
      { path: ['checkedAt'], label: '抽查时间（UTC）', show: 'code', technical: true, fixed: true },
      { path: ['signed', 'receipt'], label: '回执原文', show: 'code', technical: true, fixed: true },
      { path: ['signed', 'signature'], label: '回执签名', show: 'code', technical: true, fixed: true },
    ],
  },
  rectification: {
    title: '整改情况',
    fields: [
      { path: ['receiptSeq'], label: '对应的抽查回执', show: 'entryRef', fixed: true },
      { path: ['date'], label: '整改日期', show: 'date' },
      { path: ['done'], label: '整改情况', show: 'longText' },
      { path: ['by'], label: '填写人', show: 'text' },
    ],
  },
};

/**
 * The description of an entry of `kind`; for work items, of its type (read from the input).
 * Undefined for a kind the book does not know (a newer app's entry): the view then says so.
 */
export function describeEntry(kind: string, input?: unknown): EntryDescription | undefined {
  if (kind === 'work') {
    const type = typeof input === 'object' && input !== null ? (input as { type?: unknown }).type : undefined;
    return typeof type === 'string' && Object.hasOwn(WORK_DESCRIPTIONS, type)
      ? WORK_DESCRIPTIONS[type as WorkItemType]
      : WORK_DESCRIPTIONS.other;
  }
  return Object.hasOwn(ENTRY_DESCRIPTIONS, kind) ? ENTRY_DESCRIPTIONS[kind as Exclude<EntryKind, 'work'>] : undefined;
}
