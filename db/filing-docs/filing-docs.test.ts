/**
 * Filing documents from a small book with known facts (Qinghai 党支部): every document is built
 * through the service, opened in LibreOffice, and its text read back: the record's facts in the
 * template's order, ××× where the record has nothing. Pages are drawn into screenshots/docx/.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentFile, DocumentKind, MeetingDraft, Organisation, RecordDraft } from '../contract';
import { member, openHarness, type Harness } from '../service/test/service-harness';
import { inOrder, renderDocx, type RenderedDocx } from '../test-support/render-docx';

const ORG: Organisation = {
  societyName: '青海省某某学会',
  orgName: '青海省某某学会党支部',
  form: 'branch',
  termStart: '2021-06-01',
  termEnd: '2026-05-31',
  supervisingOffice: '青海省科技社团党委',
  contactPerson: '马联系',
  recorder: '韩记录',
  approval: { docNo: '青科社党〔2021〕5号', date: '2021-06-10' },
};
const FIVE = [
  member('马建华', 'secretary', { workUnit: '青海大学', ethnicity: '回族' }),
  member('李红', 'deputy-secretary', { gender: '女', birthDate: '1975-08-12', partyJoinDate: '2001-06-30' }),
  member('王强', 'organisation', { title: '', education: '' }),
  member('赵敏', 'propaganda', { gender: '女', ethnicity: '藏族' }),
  member('陈晨', 'discipline'),
];

let h: Harness;
let bookId = '';
let ids: string[] = [];
const seqs = { meeting: 0, assembly: 0, byElection: 0 };
const built = new Map<string, DocumentFile>();
let pages = new Map<string, RenderedDocx>();
let shuzhi: RecordDraft;
let summary: RecordDraft;

function groupMeeting(): MeetingDraft {
  return {
    type: 'group-meeting',
    number: 3,
    title: '研究年度党建工作计划',
    mode: 'onsite',
    startAt: '2025-03-18T09:30',
    endAt: '2025-03-18T11:45',
    place: '学会第一会议室',
    chairId: ids[0]!,
    recorder: '韩记录',
    presentIds: ids.slice(0, 4),
    absent: [{ memberId: ids[4]!, leaveNote: '出差在外，会前已向书记请假' }],
    // A name with XML's special characters must come out as typed, not break the file.
    guests: [
      { name: '刘联络', unit: '省科技社团党委' },
      { name: '欧阳<明>&"阳"', unit: '' },
    ],
    topics: [
      { title: '学习贯彻全会精神', discussion: '与会委员逐一发言。', dissent: '' },
      {
        title: '审议年度党建工作计划',
        discussion: '委员们对计划草案提出修改意见。',
        dissent: '王强认为科普活动安排过多。',
      },
    ],
    decisions: [
      { text: '通过年度党建工作计划', votes: { for: 3, against: 1, abstain: 0 } },
      { text: '七月开展主题党日活动', votes: { for: 4, against: 0, abstain: 0 } },
    ],
    minutes: '会议由书记主持，研究了年度党建工作计划。',
    heldSeparately: true,
    attachments: [],
  };
}

function assembly(byElection: boolean): MeetingDraft {
  const candidates = byElection
    ? [{ name: '孙新', votes: 4 }]
    : [
        { name: '马建华', memberId: ids[0]!, votes: 5 },
        { name: '李红', memberId: ids[1]!, votes: 5 },
        { name: '王强', memberId: ids[2]!, votes: 4 },
        { name: '赵敏', memberId: ids[3]!, votes: 4 },
        { name: '陈晨', memberId: ids[4]!, votes: 3 },
        { name: '孙新', votes: 1 },
      ];
  return {
    ...groupMeeting(),
    type: 'members-assembly',
    number: byElection ? 2 : 1,
    title: byElection ? '补选支部委员' : '换届选举',
    startAt: byElection ? '2025-09-10T14:00' : '2025-06-20T09:00',
    endAt: byElection ? '2025-09-10T16:00' : '2025-06-20T12:00',
    presentIds: ids,
    absent: [],
    decisions: [],
    // The counts match the attendance (5 party members expected and present): sealing refuses counts the roster cannot support.
    election: {
      body: '支部委员会',
      votingExpected: 5,
      votingPresent: 5,
      ballotsCast: 5,
      seats: byElection ? 1 : 5,
      competitive: !byElection,
      byElection,
      candidates,
    },
  };
}

const docs: { name: string; kind: DocumentKind; seq?: () => number }[] = [
  { name: 'member-forms', kind: 'member-forms' },
  { name: 'party-roster', kind: 'party-roster' },
  { name: 'minutes', kind: 'minutes', seq: () => seqs.meeting },
  { name: 're-election-request', kind: 'election-request', seq: () => seqs.assembly },
  { name: 're-election-candidates', kind: 'election-candidates', seq: () => seqs.assembly },
  { name: 're-election-result', kind: 'election-result', seq: () => seqs.assembly },
  { name: 'by-election-request', kind: 'election-request', seq: () => seqs.byElection },
  { name: 'by-election-candidates', kind: 'election-candidates', seq: () => seqs.byElection },
  { name: 'by-election-result', kind: 'election-result', seq: () => seqs.byElection },
];

beforeAll(async () => {
  h = openHarness('2025-03-18T12:00');
  ({ bookId } = await h.call('books.create', { organisation: ORG, profile: { id: 'qinghai-branch' }, members: FIVE }));
  ids = (await h.call('members.list', { bookId })).map((m) => m.memberId);
  seqs.meeting = (await h.call('meetings.seal', { bookId, meeting: groupMeeting() })).seq;
  h.setNow('2025-03-19T10:00');
  await h.call('entries.correct', {
    bookId,
    seq: seqs.meeting,
    field: '/input/place',
    value: '学会第二会议室',
    reason: '会场临时调整',
    by: '韩记录',
  });
  // A corrected vote that leaves the decision passed: the minutes must print the corrected figures.
  await h.call('entries.correct', {
    bookId,
    seq: seqs.meeting,
    field: '/input/decisions/0/votes',
    value: { for: 3, against: 0, abstain: 1 },
    reason: '计票有误',
    by: '韩记录',
  });
  await h.call('work.seal', {
    bookId,
    item: {
      type: 'filing',
      title: '报送第3次会议纪要',
      date: '2025-03-19',
      meetingSeq: seqs.meeting,
      to: '青海省科技社团党委',
    },
  });
  h.setNow('2025-06-20T13:00');
  seqs.assembly = (await h.call('meetings.seal', { bookId, meeting: assembly(false) })).seq;
  h.setNow('2025-07-01T16:00');
  await h.call('activities.seal', {
    bookId,
    activity: {
      type: 'theme-day',
      title: '庆祝建党节主题党日',
      date: '2025-07-01',
      place: '党员活动室',
      organizer: '学会党支部',
      participantIds: ids,
      content: '重温入党誓词。',
    },
  });
  h.setNow('2025-09-10T17:00');
  seqs.byElection = (await h.call('meetings.seal', { bookId, meeting: assembly(true) })).seq;
  h.setNow('2025-12-20T10:00');
  for (const d of docs) {
    built.set(d.name, await h.call('documents.build', { bookId, kind: d.kind, ...(d.seq ? { seq: d.seq() } : {}) }));
  }
  shuzhi = await h.call('drafts.fromRecords', { bookId, year: 2025, kind: 'shuzhi' });
  summary = await h.call('drafts.fromRecords', { bookId, year: 2025, kind: 'ledger-summary' });
  const { sources: _s, ...draft } = shuzhi;
  built.set('shuzhi-draft', await h.call('documents.fromDraft', { bookId, draft }));
  pages = renderDocx(
    [...built].map(([name, f]) => ({ name, bytes: Buffer.from(f.dataBase64, 'base64') })),
    path.resolve('screenshots/docx/known-book'),
  );
}, 240_000);
afterAll(() => h?.cleanup());

const textOf = (name: string) => pages.get(name)!.text;
const expectOrder = (name: string, needles: string[]) => expect(inOrder(textOf(name), needles)).toEqual({ ok: true });

describe('filing documents from a book with known facts', () => {
  it('every document is a .docx LibreOffice opens, with a file name saying what it is', () => {
    for (const [name, f] of built) {
      expect(f.mediaType).toMatch(/wordprocessingml/);
      expect(f.fileName).toMatch(/\.docx$/);
      expect(f.fileName).not.toMatch(/[\\/:*?"<>|]/);
      // Editable text, not pictures of it: the package holds no media part.
      const bytes = Buffer.from(f.dataBase64, 'base64');
      expect(bytes.includes(Buffer.from('word/document.xml'))).toBe(true);
      expect(bytes.includes(Buffer.from('word/media/'))).toBe(false);
      expect(pages.get(name)!.pages, name).toBeGreaterThan(0);
      expect(pages.get(name)!.pngs.length, name).toBe(pages.get(name)!.pages);
    }
    expect(built.get('minutes')!.fileName).toBe('会议纪要-第3次党建工作小组会议-2025-03-18.docx');
  });

  it('模板2: one 人员备案表 per member, the template rows in order, ××× where the roster has nothing', () => {
    expect(pages.get('member-forms')!.pages).toBe(5);
    expectOrder('member-forms', [
      '学会（协会/研究会）党组织人员备案表',
      '学会（协会/研究会）名称',
      '青海省某某学会',
      '姓名',
      '马建华',
      '出生日期',
      '1970年5月1日',
      '性别',
      '男',
      '民族',
      '回族',
      '籍贯',
      '×××',
      '入党时间',
      '1995年7月1日',
      '参加工作时间',
      '×××',
      '专业技术职务',
      '研究员',
      '熟悉专业有何专长',
      '×××',
      '学历',
      '博士研究生',
      '毕业院校',
      '×××',
      '现任职务',
      '青海大学×××',
      '学会任职',
      '常务理事',
      '党组织拟任职务',
      '书记',
      '工作简历',
      '×××',
      '工作表现',
      '×××',
      '（德能勤绩廉）',
      '（盖章）',
      '呈报单位',
      '年 月 日',
      '省科技社团意见',
      '年 月 日',
      // the second member's page follows
      '学会（协会/研究会）党组织人员备案表',
      '李红',
      '1975年8月12日',
      '女',
      '2001年6月30日',
      '副书记',
    ]);
    // 王强 has no title and no education: the form keeps the template's blanks, it invents nothing.
    expectOrder('member-forms', ['王强', '专业技术职务', '×××', '熟悉专业有何专长', '×××', '学历', '×××']);
  });

  it('模板3: the 党员名册 lists every member who is a 中共党员, in roster order', () => {
    expectOrder('party-roster', [
      '党员名册',
      '青海省某某学会',
      '青海省某某学会党支部',
      '共 5 名',
      '序号',
      '姓名',
      '性别',
      '民族',
      '出生日期',
      '入党时间',
      '1',
      '马建华',
      '男',
      '回族',
      '1970.05.01',
      '1995.07.01',
      '博士研究生',
      '研究员',
      '书记',
      '2',
      '李红',
      '女',
      '1975.08.12',
      '2001.06.30',
      '副书记',
      '3',
      '王强',
      '×××',
      '×××',
      '组织委员',
      '4',
      '赵敏',
      '藏族',
      '5',
      '陈晨',
      '纪检委员',
    ]);
  });

  it('会议纪要: the paper page order, the corrected place with the original, decisions with their votes', () => {
    expectOrder('minutes', [
      '青海省某某学会党支部',
      '第3次党建工作小组会议纪要',
      '会议名称',
      '研究年度党建工作计划',
      '第3次',
      '现场会议',
      '2025年3月18日 09:30—11:45',
      '学会第二会议室',
      '主持人',
      '马建华',
      '记录人',
      '韩记录',
      '应到',
      '5人',
      '实到',
      '4人：马建华、李红、王强、赵敏',
      '缺席人员及原因',
      '陈晨（出差在外，会前已向书记请假）',
      '列席人员',
      '刘联络（省科技社团党委）、欧阳<明>&"阳"',
      '一、会议议题',
      '1. 学习贯彻全会精神',
      '2. 审议年度党建工作计划',
      '二、会议内容',
      '不同意见：无',
      '不同意见：王强认为科普活动安排过多。',
      '三、会议纪要',
      '四、决议及表决结果',
      '1. 通过年度党建工作计划',
      '同意 3 票，反对 0 票，弃权 1 票',
      '2. 七月开展主题党日活动',
      '同意 4 票',
      '规则核对',
      '到会情况',
      '备案情况：已于2025年3月19日报送青海省科技社团党委备案',
      '更正说明',
      '“会议地点”原为“学会第一会议室”，更正为“学会第二会议室”',
      '会场临时调整',
      '原为“同意 3 票，反对 1 票，弃权 0 票”，更正为“同意 3 票，反对 0 票，弃权 1 票”',
      '计票有误',
      '主持人（签字）',
      '记录人（签字）',
    ]);
  });

  it('a corrected vote is printed as corrected, never with the sealed figures', () => {
    const decisions = textOf('minutes').replace(/\s+/g, '').split('四、决议及表决结果')[1]!.split('规则核对')[0]!;
    expect(decisions).toContain('同意3票，反对0票，弃权1票');
    expect(decisions).not.toContain('反对1票');
  });

  it('模板4: the 换届 请示 with the seats, the candidates and the margin the record gives', () => {
    expectOrder('re-election-request', [
      '青海省某某学会文件',
      '××〔××××〕×号',
      '关于青海省某某学会党支部召开党员大会进行换届选举及下届青海省某某学会党支部委员会组成人员候选人预备人选的请示',
      '中国共产党青海省科技社团委员会：',
      '于××××年×月×日选举产生',
      '到2026年5月31日任期届满',
      '拟于2025年6月20日召开',
      '一、党员大会的主要议程',
      '二、',
      '由5人组成',
      '马建华、李红、王强、赵敏、陈晨、孙新等6位同志',
      '差额1名，差额比例20%',
      '×××同志为书记候选人预备人选',
      '三、选举办法',
      '差额不小于应选人数的20%',
      '无记名投票',
      '特此请示。妥否，请批示。',
      '附件：青海省某某学会党支部委员会候选人预备人选备案表',
      '年 月 日',
    ]);
  });

  it('模板5: one 候选人预备人选备案表 per candidate; one outside the roster is all ××× but the name', () => {
    expect(pages.get('re-election-candidates')!.pages).toBe(6);
    expectOrder('re-election-candidates', [
      '候选人预备人选备案表',
      '马建华',
      '1970年5月1日',
      '所在单位职务',
      '青海大学×××',
      '学会担任职务',
      '常务理事',
      '党组织拟任职务',
      '×××',
      '省科技社团党委',
    ]);
    expectOrder('re-election-candidates', ['孙新', '出生日期', '×××', '性别', '×××', '民族', '×××']);
  });

  it("模板6: the result with attendance, each candidate's votes and who was elected", () => {
    expectOrder('re-election-result', [
      '关于青海省某某学会党支部委员会换届选举结果的请示',
      '于2025年6月20日召开党员大会',
      '应到党员5名（其中有选举权党员5名）',
      '实到党员5名（其中有选举权党员5名）',
      '100%（五分之四以上）',
      '差额选举',
      '马建华同志得票5票',
      '孙新同志得票1票',
      '马建华、李红、王强、赵敏、陈晨等5位同志当选',
      '应到会×人，实到会×人',
      '×××同志得×票，当选书记',
      '×××同志任组织委员',
    ]);
  });

  it('模板7 and 模板9: a by-election gives the 补选 请示 and its result', () => {
    expectOrder('by-election-request', [
      '关于青海省某某学会党支部委员会委员补选的请示',
      '因1位',
      '拟于2025年9月10日召开党员大会',
      '由×人组成',
      '委员出现空缺1人',
      '我们提名1位同志为补选委员候选人',
      '等额选举办法',
      '附件：',
    ]);
    expectOrder('by-election-candidates', ['候选人预备人选备案表', '孙新']);
    expectOrder('by-election-result', [
      '关于青海省某某学会党支部委员会委员补选结果的请示',
      '于2025年9月10日召开理事会党员大会',
      '等额选举',
      '选举产生了1位',
      '孙新同志得票4票',
      '孙新同志补选为',
      '对1位新委员进行了分工',
    ]);
  });

  it('a meeting without an election has no election documents, and says why', async () => {
    const noElection = h.call('documents.build', { bookId, kind: 'election-request', seq: seqs.meeting });
    await expect(noElection).rejects.toMatchObject({ code: 'no-election' });
    await expect(noElection).rejects.toThrow(/不是有选举的党员大会/);
    await expect(h.call('documents.build', { bookId, kind: 'minutes', seq: 1 })).rejects.toMatchObject({
      code: 'not-a-meeting',
    });
    await expect(h.call('documents.build', { bookId, kind: 'minutes' })).rejects.toMatchObject({
      code: 'invalid-input',
      field: 'seq',
    });
  });
});

describe('bad requests are refused in Chinese', () => {
  const draft = { type: 'annual-report', title: '述职', year: 2025, work: 'a', problems: 'b', plan: 'c' };
  it.each([
    ['unknown kind', 'documents.build', () => ({ bookId, kind: 'letter' }), 'invalid-input', /文书类别无效/],
    ['unknown entry', 'documents.build', () => ({ bookId, kind: 'minutes', seq: 9999 }), 'not-found', /第 9999 条/],
    [
      'member not serving',
      'documents.build',
      () => ({ bookId, kind: 'member-forms', memberId: 'ghost' }),
      'not-found',
      /现任成员/,
    ],
    [
      'unknown book',
      'documents.build',
      () => ({ bookId: 'abcdef12', kind: 'party-roster' }),
      'book-not-found',
      /记录本|找不到/,
    ],
    [
      'draft of another type',
      'documents.fromDraft',
      () => ({ bookId, draft: { ...draft, type: 'report' } }),
      'invalid-input',
      /述职或年度总结/,
    ],
    [
      'draft too long',
      'documents.fromDraft',
      () => ({ bookId, draft: { ...draft, work: '字'.repeat(20_001) } }),
      'invalid-input',
      /不能超过/,
    ],
    [
      'drafts: unknown kind',
      'drafts.fromRecords',
      () => ({ bookId, year: 2025, kind: 'poem' }),
      'invalid-input',
      /述职报告或台账总结/,
    ],
    [
      'drafts: year 1800',
      'drafts.fromRecords',
      () => ({ bookId, year: 1800, kind: 'shuzhi' }),
      'invalid-input',
      /年度|1921/,
    ],
  ] as const)('%s', async (_name, method, input, code, message) => {
    const error = await h.call(method, input()).then(
      () => null,
      (e: unknown) => e as { code: string; message: string },
    );
    expect(error).toMatchObject({ code });
    expect(error!.message).toMatch(message);
  });
});

describe('drafts from the records (述职, 台账总结)', () => {
  it("the 述职 draft is a work item of the leader with the year's facts and placeholders for the wording", () => {
    expect(shuzhi).toMatchObject({
      type: 'annual-report',
      year: 2025,
      reporterId: ids[0],
      title: '青海省某某学会党支部2025年度述职报告',
    });
    expect(
      inOrder(shuzhi.work, [
        '【请填写：述职人（书记马建华）',
        '（一）会议召开情况',
        '本年度共召开会议 1 次，其中到会人数符合规定的 1 次',
        '2025年3月18日 第3次会议“研究年度党建工作计划”',
        '实到 4/5 人',
        '决议：通过年度党建工作计划（同意 3 票，反对 0 票，弃权 1 票）',
        '召开党员大会 2 次',
        '选举支部委员会，当选：马建华、李红、王强、赵敏、陈晨',
        '（二）会议纪要备案情况',
        '会议纪要已备案 1 次（其中逾期 0 次），尚未备案 0 次',
        '于2025年3月19日报送青海省科技社团党委',
        '（三）活动开展情况',
        '本年度共开展活动 1 次：主题党日 1 次',
        '庆祝建党节主题党日',
        '（四）其他工作',
        '【请填写：工作成效与体会】',
      ]),
    ).toEqual({ ok: true });
    expect(shuzhi.problems).toMatch(/^【请填写：本年度党建工作存在的问题】/);
    expect(shuzhi.problems).toMatch(/述职/); // the ledger still owes the 述职: said as a fact, for reference
    expect(shuzhi.plan).toBe('【请填写：下一年度工作思路】');
    expect(shuzhi.sources).toEqual(expect.arrayContaining([seqs.meeting, seqs.assembly, seqs.byElection]));
  });

  it("the 台账 summary draft is the year's 书面总结 and seals as a work item once people wrote it", async () => {
    expect(summary).toMatchObject({ type: 'annual-summary', title: '青海省某某学会党支部2025年度党建工作台账总结' });
    const { sources: _s, ...draft } = summary;
    const r = await h.call('work.seal', {
      bookId,
      item: { ...draft, date: '2025-12-20', work: draft.work.replace(/【请填写：[^】]*】/g, '已填写。') },
    });
    expect(r.seq).toBeGreaterThan(seqs.byElection);
  });

  it('the draft saved as .docx holds the same facts under the 述职 headings', () => {
    expectOrder('shuzhi-draft', [
      '青海省某某学会党支部2025年度述职报告',
      '述职人：书记 马建华',
      '一、本年度工作情况',
      '（一）会议召开情况',
      '本年度共召开会议 1 次',
      '二、存在问题',
      '【请填写：本年度党建工作存在的问题】',
      '三、下一年度工作思路',
      '【请填写：下一年度工作思路】',
    ]);
  });
});
