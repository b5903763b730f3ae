/**
 * 模板4–9 (001, 规范模板) filled from a members' assembly that held an election: the 换届 or
 * 补选 请示 (4 / 7), its 候选人预备人选备案表 (5 / 8) and the 结果的请示 (6 / 9). The wording is
 * the template's, word for word; what the record holds replaces the template's ×, and what it
 * does not (document number, the committee's first plenary session, who is proposed as 书记)
 * stays ×××.
 */
import { ServiceError, chineseDate, type MemberView, type Organisation } from '../contract';
import type { ReadMeeting } from './book-reads';
import { BLANK, BLANK_SHORT, blankLine, heading, letterHead, para, signature, title, type Block } from './docx-parts';
import { candidateForms, type FormPerson } from './member-forms';

type Election = NonNullable<ReadMeeting['input']['election']>;

export interface ElectionContext {
  org: Organisation;
  roster: MemberView[];
  meeting: ReadMeeting;
}

const SUPERIOR = '中国共产党青海省科技社团委员会：';
const DOC_NO = `××〔××××〕${BLANK_SHORT}号`;

export function electionOf(m: ReadMeeting): Election {
  if (m.input.type !== 'members-assembly' || !m.input.election) {
    throw new ServiceError('no-election', `第 ${m.seq} 条不是有选举的党员大会记录，不能生成换届或补选文书`, 'seq');
  }
  return m.input.election;
}

/**
 * 党总支（支部）委员会: the body the assembly elected. “某学会党支部” + “支部委员会” is written
 * as the template writes it, 某学会党支部委员会; a 党委 is its own committee.
 */
export function committeeOf(c: { org: Organisation; meeting: ReadMeeting }): string {
  const body = electionOf(c.meeting).body;
  const org = c.org.orgName;
  if (body.startsWith(org)) return body;
  if (/(党支部|党总支)$/.test(org) && body.endsWith('委员会')) return `${org}委员会`;
  if (org.endsWith('党委') && body.endsWith('委员会')) return org;
  return `${org}${body}`;
}

const percent = (part: number, whole: number) =>
  whole > 0 ? `${Math.round((part / whole) * 1000) / 10}%` : `${BLANK_SHORT}%`;
const body = (text: string): Block => para(text, { indent: true });

/** 模板4 (换届) or 模板7 (补选), chosen by the record. */
export function electionRequest(c: ElectionContext): Block[] {
  const el = electionOf(c.meeting);
  return el.byElection ? byElectionRequest(c, el) : reElectionRequest(c, el);
}

export function electionResult(c: ElectionContext): Block[] {
  const el = electionOf(c.meeting);
  return el.byElection ? byElectionResult(c, el) : reElectionResult(c, el);
}

/** 模板5 or 模板8: one form per candidate; a candidate from the roster brings their details. */
export function electionCandidateForms(c: ElectionContext): Block[] {
  const el = electionOf(c.meeting);
  const people: FormPerson[] = el.candidates.map((cand) => {
    const m = cand.memberId ? c.roster.find((r) => r.memberId === cand.memberId) : undefined;
    return { name: cand.name, ...(m ? { person: m.person } : {}) };
  });
  return candidateForms(committeeOf(c), people);
}

function meetingDay(c: ElectionContext): string {
  return chineseDate(c.meeting.input.startAt.slice(0, 10));
}

function reElectionRequest(c: ElectionContext, el: Election): Block[] {
  const committee = committeeOf(c);
  const names = el.candidates.map((x) => x.name);
  const margin = names.length - el.seats;
  return [
    ...letterHead(c.org.societyName, DOC_NO),
    title(`关于${c.org.orgName}召开党员大会进行换届选举及下届${committee}组成人员候选人预备人选的请示`),
    para(SUPERIOR),
    body(
      `我${committee}于××××年${BLANK_SHORT}月${BLANK_SHORT}日选举产生，到${chineseDate(c.org.termEnd)}任期届满，根据党章和有关规定，经研究，拟于${meetingDay(c)}召开${c.org.orgName}党员大会，进行${committee}换届选举。现将有关事项请示如下：`,
    ),
    heading('一、党员大会的主要议程'),
    body(`1. 听取和审查本届${committee}的工作报告；`),
    body(`2. 选举产生新一届${committee}。`),
    heading(`二、${committee}组成人员名额及候选人名额`),
    body(
      `${committee}由${el.seats}人组成，按照差额不低于20%的要求，我们提出${names.join('、')}等${names.length}位同志为下届${committee}组成人员候选人预备人员（差额${margin}名，差额比例${percent(margin, el.seats)}），其中，${BLANK}同志为书记候选人预备人选，${BLANK}同志为副书记候选人预备人选。`,
    ),
    heading('三、选举办法'),
    body(
      `1. 下届${committee}委员，由${c.org.orgName}党员大会直接采取候选人数多于应选人数的差额选举办法选举产生，差额不小于应选人数的20%。`,
    ),
    body(`2. ${c.org.orgName}书记、副书记均实行等额选举，由下届${committee}第一次全体会议选举产生。`),
    body('以上选举均采用无记名投票方式。'),
    body('特此请示。妥否，请批示。'),
    blankLine(),
    body(`附件：${committee}候选人预备人选备案表`),
    ...signature(committee),
  ];
}

function attendance(c: ElectionContext, el: Election): string {
  const e = c.meeting.evaluation;
  return `应到党员${e.expected.length}名（其中有选举权党员${el.votingExpected}名），实到党员${c.meeting.input.presentIds.length}名（其中有选举权党员${el.votingPresent}名），实到会有选举权党员占应到会有选举权党员${percent(el.votingPresent, el.votingExpected)}（五分之四以上）`;
}

function votesText(el: Election): string {
  return el.candidates.map((x) => `${x.name}同志得票${x.votes}票`).join('，');
}

function elected(c: ElectionContext): string[] {
  return c.meeting.evaluation.election?.elected ?? [];
}

function reElectionResult(c: ElectionContext, el: Election): Block[] {
  const committee = committeeOf(c);
  const won = elected(c);
  return [
    ...letterHead(c.org.societyName, DOC_NO),
    title(`关于${committee}换届选举结果的请示`),
    para(SUPERIOR),
    body(`${c.org.orgName}于${meetingDay(c)}召开党员大会，${attendance(c, el)}。`),
    body(
      `大会采取无记名投票和${el.competitive ? '差额' : '等额'}选举的办法，选举产生了新一届${committee}。经选举，${votesText(el)}。根据得票情况，${won.join('、') || BLANK}等${won.length}位同志当选为新一届${committee}委员。`,
    ),
    body(
      `同日，新一届${committee}召开第一次全体会议，应到会${BLANK_SHORT}人，实到会${BLANK_SHORT}人。采取无记名投票和等额选举的办法选举产生了新一届${committee}书记、副书记。`,
    ),
    body(
      `经选举，${BLANK}同志得${BLANK_SHORT}票，当选书记；${BLANK}同志得${BLANK_SHORT}票，当选副书记。会上，还对其他委员进行了分工，经协商，${BLANK}同志任组织委员，${BLANK}同志任宣传委员，${BLANK}同志任纪检委员。`,
    ),
    body('选举产生的委员名单请予以备案，选举产生的书记和副书记请予以批准。'),
    body('特此请示。妥否，请批示。'),
    ...signature(committee),
  ];
}

function byElectionRequest(c: ElectionContext, el: Election): Block[] {
  const committee = committeeOf(c);
  return [
    ...letterHead(c.org.societyName, DOC_NO),
    title(`关于${committee}委员补选的请示`),
    para(SUPERIOR),
    body(
      `我${committee}于××××年${BLANK_SHORT}月${BLANK_SHORT}日选举产生，因${el.seats}位${committee}委员工作变动，不能继续履行委员职责。根据党章规定，经研究，拟于${meetingDay(c)}召开党员大会，补选${committee}委员。现将有关事项请示如下：`,
    ),
    heading('一、党员大会的主要议程'),
    body(`1. ${committee}委员变更说明；`),
    body(`2. 补选${committee}委员。`),
    heading(`二、拟补选的${committee}委员候选人名额`),
    body(
      `${committee}由${BLANK_SHORT}人组成，因工作变动，委员出现空缺${el.seats}人。按照《中国共产党基层组织选举工作条例》的规定，经研究，我们提名${el.candidates.length}位同志为补选委员候选人。`,
    ),
    heading('三、选举办法'),
    body(
      `本次补选${committee}委员，按照参加理事会党员大会有选举权的党员必须超过理事会有选举权的党员人数80%的要求，由${c.org.orgName}理事会党员大会直接采取候选人等额选举办法选举产生。`,
    ),
    body('以上选举均采用无记名投票方式。'),
    body('特此请示。妥否，请批示。'),
    blankLine(),
    body(`附件：${committee}候选人预备人选备案表`),
    ...signature(c.org.orgName),
  ];
}

function byElectionResult(c: ElectionContext, el: Election): Block[] {
  const committee = committeeOf(c);
  const won = elected(c);
  return [
    ...letterHead(c.org.societyName, DOC_NO),
    title(`关于${committee}委员补选结果的请示`),
    para(SUPERIOR),
    body(`${c.org.orgName}于${meetingDay(c)}召开理事会党员大会，${attendance(c, el)}。`),
    body(
      `大会采取无记名投票和${el.competitive ? '差额' : '等额'}选举的办法，选举产生了${won.length}位${committee}委员。经选举，${votesText(el)}，根据选举办法，${won.join('、') || BLANK}同志补选为${committee}委员。`,
    ),
    body(
      `同日，经过补选后的${committee}委员召开第一次全体会议，应到会${BLANK_SHORT}人，实到会${BLANK_SHORT}人。会上，对${won.length}位新委员进行了分工，${BLANK}同志任${BLANK_SHORT}，……。`,
    ),
    body('选举产生的委员名单请予以备案。'),
    body('特此请示。妥否，请批示。'),
    ...signature(c.org.orgName),
  ];
}
