/**
 * 模板2 学会（协会/研究会）党组织人员备案表, 模板5/8 候选人预备人选备案表 and 模板3 党员名册
 * (001, 规范模板), filled from the roster. Each row and label is the template's, in its order;
 * what the roster does not hold (籍贯, 参加工作时间, 专长, 毕业院校, 工作简历, 工作表现) stays ×××.
 */
import { chineseDate, type MemberView, type PersonDetails } from '../contract';
import {
  BLANK,
  SIZE,
  TEXT_WIDTH,
  formTable,
  orBlank,
  pageBreak,
  para,
  title,
  type Block,
  type FormRow,
} from './docx-parts';

/** A person as the forms need them: a roster member, or a candidate known only by name. */
export interface FormPerson {
  name: string;
  person?: PersonDetails;
  /** 党组织拟任职务 */
  intendedPost?: string;
}

/** The form's six columns: labels in the first and fourth are the long ones (专业技术职务, 熟悉专业有何专长). */
const FORM_GRID = [1900, 1600, 800, 2100, 800, TEXT_WIDTH - 7200];
const ROW = 520;

const label = (text: string, span = 1) => ({ text, span, label: true });
const value = (text: string, span = 1) => ({ text, span });

function partyJoin(p?: PersonDetails): string {
  if (!p) return BLANK;
  if (!p.isCpcMember) return '非中共党员';
  return p.partyJoinDate ? chineseDate(p.partyJoinDate) : BLANK;
}

/** A roster's compact date: 1970.05.01. */
const dotted = (date: string) => date.replaceAll('-', '.');

/** 现任职务 / 所在单位职务: the roster holds the unit, not the post held there. */
function currentPost(p?: PersonDetails): string {
  return p?.workUnit ? `${p.workUnit}${BLANK}` : BLANK;
}

function personRows(f: FormPerson, postLabel: string, societyLabel: string): FormRow[] {
  const p = f.person;
  return [
    {
      cells: [label('姓名'), value(f.name, 2), label('出生日期'), value(p ? chineseDate(p.birthDate) : BLANK, 2)],
      height: ROW,
    },
    {
      cells: [
        label('性别'),
        value(orBlank(p?.gender)),
        label('民族'),
        value(orBlank(p?.ethnicity)),
        label('籍贯'),
        value(BLANK),
      ],
      height: ROW,
    },
    { cells: [label('入党时间'), value(partyJoin(p), 2), label('参加工作时间'), value(BLANK, 2)], height: ROW },
    {
      cells: [label('专业技术职务'), value(orBlank(p?.title), 2), label('熟悉专业有何专长'), value(BLANK, 2)],
      height: ROW,
    },
    { cells: [label('学历'), value(orBlank(p?.education), 2), label('毕业院校'), value(BLANK, 2)], height: ROW },
    { cells: [label(postLabel), value(currentPost(p), 5)], height: ROW },
    { cells: [label(societyLabel), value(orBlank(p?.societyPosts), 5)], height: ROW },
    { cells: [label('党组织拟任职务'), value(orBlank(f.intendedPost), 5)], height: ROW },
    { cells: [label('工作简历'), value(BLANK, 5)], height: 2100, top: true },
    { cells: [label('工作表现\n（德能勤绩廉）'), value(BLANK, 5)], height: 1700, top: true },
  ];
}

const stampRow = (who: string): FormRow => ({
  cells: [label(who), { text: '（盖章）\n年    月    日', span: 5, align: 'right' }],
  height: 1100,
});

/** 模板2, one page per member. */
export function memberFilingForms(societyName: string, people: FormPerson[]): Block[] {
  return people.flatMap((f, i) => [
    ...(i > 0 ? [pageBreak()] : []),
    title('学会（协会/研究会）党组织人员备案表', SIZE.formTitle),
    formTable(
      [
        { cells: [label('学会（协会/研究会）名称', 2), value(societyName, 4)], height: ROW },
        ...personRows(f, '现任职务', '学会任职'),
        stampRow('呈报单位'),
        stampRow('省科技社团意见'),
      ],
      { widths: FORM_GRID },
    ),
  ]);
}

/** 模板5 (换届) and 模板8 (补选): the same form, one page per candidate. */
export function candidateForms(committee: string, people: FormPerson[]): Block[] {
  return people.flatMap((f, i) => [
    ...(i > 0 ? [pageBreak()] : []),
    title(`${committee}候选人预备人选备案表`, committee.length > 10 ? SIZE.body : SIZE.formTitle),
    formTable(
      [...personRows(f, '所在单位职务', '学会担任职务'), stampRow('呈报单位'), stampRow('省科技社团党委意见')],
      { widths: FORM_GRID },
    ),
  ]);
}

/** 模板3 党员名册: the organisation's members who are 中共党员, one row each. */
export function partyRoster(societyName: string, orgName: string, members: MemberView[]): Block[] {
  const widths = [600, 900, 600, 700, 1300, 1300, 1100, 1250, TEXT_WIDTH - 7750];
  const header = ['序号', '姓名', '性别', '民族', '出生日期', '入党时间', '学历', '专业技术职务', '党组织职务'];
  const rows: FormRow[] = [
    { cells: header.map((h) => label(h)), height: 620 },
    ...members.map((m, i) => ({
      cells: [
        value(String(i + 1)),
        value(m.person.name),
        value(m.person.gender),
        value(orBlank(m.person.ethnicity)),
        value(dotted(m.person.birthDate)),
        value(m.person.partyJoinDate ? dotted(m.person.partyJoinDate) : BLANK),
        value(orBlank(m.person.education)),
        value(orBlank(m.person.title)),
        value(m.roleLabel),
      ].map((c) => ({ ...c, align: 'center' as const })),
      height: 560,
    })),
  ];
  return [
    title('党员名册', SIZE.formTitle),
    para(`学会（协会/研究会）名称：${societyName}`, { size: SIZE.form, font: '宋体' }),
    para(`党组织名称：${orgName}          共 ${members.length} 名`, { size: SIZE.form, font: '宋体', after: 160 }),
    formTable(rows, { widths, repeatHeader: true, size: SIZE.roster }),
    para('填报人：          联系电话：          填报日期：    年    月    日', {
      size: SIZE.form,
      font: '宋体',
      before: 240,
    }),
  ];
}
