/**
 * Turns zod issues into one Chinese sentence that names the field, e.g.
 * `会议地点：不能超过 200 个字`. Used by every adapter (IPC, the browser host, `callService`) and by forms.
 */
import type { z } from 'zod';

const LABELS: Record<string, string> = {
  bookId: '记录本',
  name: '名称',
  societyName: '学会名称',
  orgName: '党组织名称',
  form: '组织形式',
  termStart: '任期开始',
  termEnd: '任期结束',
  supervisingOffice: '主管党组织',
  contactPerson: '党建联系人',
  recorder: '记录人',
  approval: '批复',
  docNo: '批复文号',
  date: '日期',
  note: '备注',
  profile: '规则方案',
  person: '成员信息',
  gender: '性别',
  ethnicity: '民族',
  birthDate: '出生日期',
  isCpcMember: '是否中共党员',
  partyJoinDate: '入党时间',
  title: '标题',
  education: '学历',
  societyPosts: '学会职务',
  workUnit: '工作单位',
  underDiscipline: '是否处于处分期',
  role: '职务',
  joinedOn: '加入日期',
  leftOn: '离任日期',
  reason: '原因',
  changedOn: '变更日期',
  memberId: '成员',
  members: '成员',
  type: '类型',
  number: '会议次序',
  mode: '会议形式',
  startAt: '开始时间',
  endAt: '结束时间',
  place: '地点',
  chairId: '主持人',
  chairDelegated: '受委托主持',
  presentIds: '实到成员',
  absent: '缺席成员',
  leaveNote: '请假说明',
  guests: '列席人员',
  unit: '单位',
  topics: '议题',
  discussion: '讨论情况',
  dissent: '不同意见',
  decisions: '决议',
  text: '决议内容',
  votes: '表决',
  for: '同意票',
  against: '反对票',
  abstain: '弃权票',
  minutes: '会议纪要',
  heldSeparately: '单独召开确认',
  election: '选举',
  body: '选举对象',
  votingExpected: '应到有选举权人数',
  votingPresent: '实到有选举权人数',
  ballotsCast: '收回选票',
  seats: '应选名额',
  competitive: '差额选举',
  byElection: '补选',
  candidates: '候选人',
  attachments: '附件',
  hash: '附件哈希',
  mediaType: '文件类型',
  size: '文件大小',
  endDate: '结束日期',
  organizer: '组织者',
  participantIds: '参加成员',
  otherParticipants: '其他参加人员',
  content: '内容',
  outcome: '成效',
  to: '报送对象',
  matter: '请示事项',
  reply: '批复意见',
  year: '年度',
  reporterId: '述职人',
  work: '工作情况',
  problems: '存在问题',
  plan: '下一步计划',
  event: '活动/会议名称',
  eventKind: '事项类别',
  assessment: '研判意见',
  category: '事项类别',
  amountYuan: '金额（元）',
  deliberation: '研究讨论情况',
  meetingSeq: '对应会议',
  newTermStart: '新一届任期开始',
  newTermEnd: '新一届任期结束',
  approvalDocNo: '批复文号',
  filedOn: '备案日期',
  seq: '记录序号',
  field: '更正字段',
  value: '更正内容',
  by: '更正人',
  offset: '起始位置',
  limit: '数量',
  kinds: '记录类别',
  query: '搜索内容',
  flag: '标记',
  meeting: '会议',
  activity: '活动',
  item: '工作',
  organisation: '组织信息',
  dataBase64: '文件内容',
  fileName: '文件名',
  memberIds: '成员',
};

export function labelFor(path: readonly PropertyKey[]): string {
  const parts: string[] = [];
  for (const key of path) {
    if (typeof key === 'number') parts.push(`第 ${key + 1} 项`);
    else parts.push(LABELS[String(key)] ?? String(key));
  }
  return parts.join(' › ');
}

function messageFor(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return '必须填写';
      return `类型不正确（应为${TYPE_NAMES[issue.expected] ?? issue.expected}）`;
    case 'too_big':
      if (issue.origin === 'string') return `不能超过 ${issue.maximum} 个字`;
      if (issue.origin === 'array') return `不能超过 ${issue.maximum} 项`;
      return `不能大于 ${issue.maximum}`;
    case 'too_small':
      if (issue.origin === 'string') return Number(issue.minimum) <= 1 ? '不能为空' : `至少 ${issue.minimum} 个字`;
      if (issue.origin === 'array') return `至少需要 ${issue.minimum} 项`;
      return `不能小于 ${issue.minimum}`;
    case 'invalid_value':
      return issue.message && !issue.message.startsWith('Invalid') ? issue.message : '取值无效';
    case 'unrecognized_keys':
      return `含有未知字段：${issue.keys.join('、')}`;
    default:
      return issue.message && !/^Invalid|^Expected/.test(issue.message) ? issue.message : '格式不正确';
  }
}

const TYPE_NAMES: Record<string, string> = {
  string: '文字',
  number: '数字',
  boolean: '是/否',
  array: '列表',
  object: '对象',
  int: '整数',
};

export interface FieldProblem {
  field: string;
  label: string;
  message: string;
}

export function describeIssues(error: z.ZodError): FieldProblem[] {
  return error.issues.map((issue) => {
    // Messages the schemas set themselves are Chinese; zod's own defaults are English.
    const message = issue.message && /[\u4e00-\u9fff]/.test(issue.message) ? issue.message : messageFor(issue);
    return { field: issue.path.join('.'), label: labelFor(issue.path), message };
  });
}

/** One sentence for an error banner: the first problem, and how many more. */
export function describeZodError(error: z.ZodError): { message: string; field?: string } {
  const problems = describeIssues(error);
  const first = problems[0];
  if (!first) return { message: '输入有误' };
  const head = first.label ? `${first.label}：${first.message}` : first.message;
  const more = problems.length > 1 ? `（另有 ${problems.length - 1} 处问题）` : '';
  return { message: `${head}${more}`, field: first.field };
}
