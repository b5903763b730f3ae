/**
 * What a 党建工作小组会 talks about, in the words a recorder writes: topics framed by the nine
 * duties of the Beijing rules (000 chapter 3), speakers' points, the odd dissent (不同意见，
 * 有言必录), decisions, and minutes (会议纪要) laid out as the paper form is.
 */
import { chineseDate } from './demo-dates';
import type { DemoRandom } from './demo-random';

export interface TopicTemplate {
  title: (year: number) => string;
  points: string[];
  decision: (year: number) => string;
  /** Who may raise an objection, and what they said: only some topics draw one. */
  dissent?: string;
}

const SESSIONS = ['二十届三中全会', '二十届四中全会', '全国科技大会', '中央科技工作会议', '全国两会'];

export const TOPICS: TopicTemplate[] = [
  {
    title: (y) => `学习贯彻${SESSIONS[y % SESSIONS.length]}精神`,
    points: [
      '要把学习成果转化为推动学会高质量发展的实际行动',
      '建议结合学术交流活动开展专题学习，避免学用脱节',
      '要在会员中做好宣传解读，引导科技工作者听党话、跟党走',
      '学习要有计划、有记录、有成效，纳入年度党建工作台账',
    ],
    decision: (y) => `制定${y}年度理论学习计划，每季度至少组织一次集中学习`,
  },
  {
    title: (y) => `审议${y}年度党建工作计划`,
    points: [
      '计划要体现市科协年度重点任务，把党建工作与学术、科普、智库工作统筹谋划',
      '建议明确每项工作的责任人和时间节点',
      '要把主题党日、志愿服务等活动提前排入全年日程',
      '年度计划应提交理事会研究并报党建委备案',
    ],
    decision: (y) => `原则通过《${y}年度党建工作计划》，根据讨论意见修改后提交理事会`,
  },
  {
    title: () => '学术年会意识形态风险研判及舆情应对预案',
    points: [
      '年会邀请境外专家作报告，须提前审核报告内容',
      '要落实会议宣传材料“三审三校”，严把政治关',
      '明确舆情应对的牵头人和报告流程，发现问题第一时间报告党建委',
      '分会场和线上直播同样要纳入管理',
    ],
    decision: () => '同意学术年会意识形态风险研判意见及舆情应对预案，由秘书处抓好落实',
  },
  {
    title: () => '研究年度大额经费支出事项（“三重一大”）',
    points: [
      '支出事项须经党建工作小组前置研究后再提交理事会决策',
      '建议进一步细化预算，列明采购方式',
      '要接受监事会监督，相关材料存档备查',
    ],
    decision: () => '同意将学术交流中心设备更新经费事项提交理事会审议',
    dissent: '认为预算中部分设备可暂缓采购，建议分两年实施',
  },
  {
    title: () => '研究接受社会捐赠事项',
    points: [
      '要审核捐赠方资质，确保捐赠合法合规',
      '捐赠资金须专款专用，定期公开使用情况',
      '应签订书面捐赠协议，附带条件的捐赠要审慎',
    ],
    decision: () => '同意接受某某科技有限公司定向捐赠，用于青年科技人才奖励',
    dissent: '提出捐赠方与学会评奖存在利益关联的可能，建议由监事会出具意见后再办理',
  },
  {
    title: () => '研究科技志愿服务队工作安排',
    points: [
      '志愿服务队由组长牵头，党员专家带头参加',
      '结合全国科普日开展进社区、进校园活动',
      '要做好志愿服务时长登记',
    ],
    decision: () => '组建学会科技志愿服务队，全年开展志愿服务活动不少于两次',
  },
  {
    title: () => '研究理事会换届筹备工作',
    points: [
      '党建工作小组要全程参与换届人选的考察把关',
      '候选人须政治合格、学术过硬、作风正派',
      '换届方案按程序报党建委审核',
    ],
    decision: () => '成立换届筹备工作组，换届方案报党建委审核后提交理事会',
  },
  {
    title: () => '研究推优评估申报材料',
    points: [
      '材料要做到准确、规范、完整、原始',
      '要对照九项职责逐项梳理工作成效',
      '建议补充志愿服务和意识形态工作的原始记录',
    ],
    decision: () => '同意申报优秀党建工作小组，由秘书处汇总材料',
  },
  {
    title: () => '研究专业委员会设置调整',
    points: [
      '专业委员会负责人人选要听取党建工作小组意见',
      '建议撤并长期不开展活动的专业委员会',
      '要加强对个人会员和青年人才的联系服务',
    ],
    decision: () => '同意新设人工智能应用专业委员会，撤销两个长期未开展活动的专业委员会',
  },
  {
    title: () => '做好团结联系非党专家工作',
    points: [
      '要定期走访非党专家，听取意见建议',
      '邀请非党专家参加学会重要活动和学术决策',
      '发挥统一战线作用，凝聚科技工作者',
    ],
    decision: () => '建立党建工作小组成员联系非党专家制度，每人联系两至三名专家',
  },
  {
    title: () => '加强科学道德和学风建设',
    points: [
      '要弘扬科学家精神，营造风清气正的学术环境',
      '学会期刊要严格执行学术不端检测',
      '建议举办科研诚信专题报告会',
    ],
    decision: () => '开展科学道德和学风建设宣讲活动，将科研诚信要求写入学术会议征文通知',
  },
  {
    title: () => '研究向党建委请示报告事项',
    points: [
      '重大事项要事前请示、事后报告',
      '请示报告要一事一报，内容准确',
      '按照《中国共产党重大事项请示报告条例》要求办理',
    ],
    decision: () => '就举办国际学术交流会议事项向党建委请示',
  },
];

const SPEAKING = ['指出', '表示', '认为', '提出', '强调', '建议'];

/** 讨论情况: two or three members speaking to the topic's points. */
export function discussionOf(random: DemoRandom, topic: TopicTemplate, speakers: string[]): string {
  const who = random.sample(speakers, Math.min(speakers.length, random.int(2, 3)));
  const points = random.sample(topic.points, who.length);
  return (
    who.map((name, i) => `${name}${random.pick(SPEAKING)}，${points[i] ?? topic.points[0]}。`).join('') +
    '与会成员一致赞同。'
  );
}

export interface MinutesFacts {
  number: number;
  orgName: string;
  startAt: string;
  endAt: string;
  place?: string;
  correspondence: boolean;
  chair: string;
  chairDelegated: boolean;
  /** False: held together with the board's meeting (recorded as it happened). */
  heldSeparately?: boolean;
  recorder: string;
  present: string[];
  absent: { name: string; note: string }[];
  guests: { name: string; unit?: string }[];
  topics: string[];
  decisions: { text: string; votes: { for: number; against: number; abstain: number } }[];
  quorate: boolean;
}

/** 会议纪要, as typed from the signed paper minutes. */
export function minutesOf(f: MinutesFacts): string {
  const time = `${chineseDate(f.startAt.slice(0, 10))} ${f.startAt.slice(11)}—${f.endAt.slice(11)}`;
  const lines = [
    `${f.orgName}第${f.number}次会议纪要`,
    `时间：${time}`,
    `地点：${f.correspondence ? '通讯形式' : (f.place ?? '')}${f.heldSeparately === false ? '（与学会理事会会议合并召开）' : ''}`,
    `主持人：${f.chair}${f.chairDelegated ? '（受组长委托）' : ''}`,
    `应到${f.present.length + f.absent.length}人，实到${f.present.length}人：${f.present.join('、')}`,
  ];
  if (f.absent.length > 0) lines.push(`请假：${f.absent.map((a) => `${a.name}（${a.note}）`).join('；')}`);
  if (f.guests.length > 0)
    lines.push(`列席：${f.guests.map((g) => (g.unit ? `${g.name}（${g.unit}）` : g.name)).join('、')}`);
  lines.push(`记录人：${f.recorder}`, '');
  lines.push(
    `会议围绕${f.topics.map((t) => `“${t}”`).join('、')}${f.topics.length > 1 ? '等议题' : '议题'}进行了研究讨论。`,
  );
  if (!f.quorate) {
    lines.push(
      '因出席人数未超过应到会人数的三分之二，会议不符合规定人数，所议事项仅作讨论，不作决定，待下次会议重新审议。',
    );
  } else if (f.decisions.length > 0) {
    lines.push('会议议定事项如下：');
    const numerals = ['一', '二', '三', '四', '五', '六'];
    f.decisions.forEach((d, i) => {
      const { for: yes, against, abstain } = d.votes;
      lines.push(`${numerals[i] ?? String(i + 1)}、${d.text}。（同意${yes}票，反对${against}票，弃权${abstain}票）`);
    });
  }
  lines.push('', '会议要求各位成员按照分工抓好落实，纪要提交理事会，并按规定报党建委办公室备案。');
  return lines.join('\n');
}

export const LEAVE_NOTES = [
  '出差在外，会前已向组长提交书面请假说明',
  '因病住院，已向组长请假',
  '参加国家重点实验室评审，会前已向组长请假',
  '出国参加学术会议，已提前请假',
  '因学校教学任务冲突，已向组长提交请假说明',
  '家中有急事，会前电话并书面向组长请假',
];

export const PLACES = ['学会第一会议室', '学会秘书处会议室', '北京科技会堂三层第二会议室', '学会学术交流中心小会议室'];
