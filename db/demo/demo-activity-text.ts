/**
 * Activities (主题党日, 学习, 党课, 志愿服务, 调研 …) and work items (请示报告, 述职, 年度书面
 * 总结, 意识形态研判, “三重一大”) in the words of the record book, one template per kind.
 */
import type { ActivityType } from '../contract';
import type { DemoRandom } from './demo-random';

export interface ActivityText {
  title: string;
  place: string;
  organizer: string;
  content: string;
  outcome: string;
  otherParticipants: string;
  /** Days it lasts beyond the first (research trips). */
  extraDays: number;
}

type Template = (random: DemoRandom, year: number, leader: string) => ActivityText;

const GROUP = '党建工作小组';

export const ACTIVITIES: Record<ActivityType, Template[]> = {
  'theme-day': [
    (r, y) => ({
      title: `庆祝建党${y - 1921}周年“七一”主题党日`,
      place: r.pick(['学会第一会议室', '中国共产党历史展览馆']),
      organizer: GROUP,
      content: '重温入党誓词，集体学习党章和《中国共产党纪律处分条例》，交流学习体会。',
      outcome: '党员受到深刻的党性教育，增强了政治意识。',
      otherParticipants: '学会秘书处党员职工',
      extraDays: 0,
    }),
    (r) => ({
      title: '赴红色教育基地主题党日',
      place: r.pick(['香山革命纪念馆', '北京焦庄户地道战遗址纪念馆', '李大钊烈士陵园']),
      organizer: GROUP,
      content: '参观革命旧址，聆听讲解，缅怀革命先烈，开展“不忘初心”交流研讨。',
      outcome: '形成学习心得体会若干篇。',
      otherParticipants: '学会青年科技工作者代表',
      extraDays: 0,
    }),
  ],
  study: [
    (r, y) => ({
      title: `${y}年第${r.int(1, 4)}季度集中理论学习`,
      place: '学会第一会议室',
      organizer: GROUP,
      content: '集体学习习近平总书记关于科技创新的重要论述，围绕加快建设科技强国开展研讨。',
      outcome: '成员结合学会工作作交流发言，形成学习记录。',
      otherParticipants: '',
      extraDays: 0,
    }),
    () => ({
      title: '《中国共产党重大事项请示报告条例》专题学习',
      place: '学会秘书处会议室',
      organizer: '学会秘书处',
      content: '逐条学习条例内容，结合学会实际梳理需请示报告的重大事项清单。',
      outcome: '形成学会重大事项请示报告清单。',
      otherParticipants: '秘书处工作人员',
      extraDays: 0,
    }),
  ],
  'party-lecture': [
    (_r, _y, leader) => ({
      title: `组长${leader}讲专题党课`,
      place: '北京科技会堂报告厅',
      organizer: GROUP,
      content: '以“弘扬科学家精神，勇担科技自立自强使命”为题讲授专题党课，讲述老一辈科学家的爱国奋斗事迹。',
      outcome: '听课党员和会员代表约六十人。',
      otherParticipants: '学会会员代表、青年科技工作者',
      extraDays: 0,
    }),
  ],
  volunteer: [
    (r) => ({
      title: '全国科普日科技志愿服务',
      place: r.pick(['朝阳区某社区', '海淀区某小学', '西城区某街道文化中心']),
      organizer: '学会科技志愿服务队',
      content: '党员专家开展科普讲座，现场解答居民健康和科技问题，发放科普资料。',
      outcome: `服务群众约${r.int(8, 30) * 10}人次。`,
      otherParticipants: '学会青年会员志愿者',
      extraDays: 0,
    }),
    (r) => ({
      title: '科技志愿服务进乡村',
      place: r.pick(['密云区某村', '延庆区某镇', '怀柔区某农业合作社']),
      organizer: '学会科技志愿服务队',
      content: '组织专家赴基层开展技术咨询和培训，帮助解决生产中的实际问题。',
      outcome: `开展培训${r.int(2, 5)}场，提出技术建议若干条。`,
      otherParticipants: '专业委员会专家',
      extraDays: 0,
    }),
  ],
  research: [
    (r) => ({
      title: '会员单位党建与业务融合调研',
      place: r.pick(['某某研究院', '北京某某大学', '某某集团有限公司']),
      organizer: GROUP,
      content: '走访会员单位，座谈了解党建工作与学术、科普、智库工作融合情况，听取意见建议。',
      outcome: '形成调研报告一份，提交理事会参考。',
      otherParticipants: '会员单位党组织负责人',
      extraDays: r.int(0, 1),
    }),
  ],
  other: [
    () => ({
      title: '党史知识竞赛',
      place: '学会学术交流中心',
      organizer: '学会秘书处',
      content: '组织党员和会员参加党史知识竞赛，以赛促学。',
      outcome: '参赛二十余人，评出优秀奖五名。',
      otherParticipants: '学会会员',
      extraDays: 0,
    }),
  ],
};

export const REPORT_MATTERS = [
  {
    title: '关于举办国际学术交流会议的请示',
    matter: '学会拟举办国际学术研讨会，邀请境外专家参会，现将会议方案、境外人员名单及意识形态风险防控措施报请审核。',
    reply: '原则同意，请落实意识形态工作责任制。',
  },
  {
    title: '关于理事会换届工作的请示',
    matter: '学会理事会任期将满，拟启动换届工作，现将换届方案及理事长、秘书长人选考察情况报告如下，请审核。',
    reply: '同意按程序开展换届筹备工作。',
  },
  {
    title: '关于接受大额社会捐赠的报告',
    matter: '学会拟接受企业定向捐赠，已经党建工作小组研究，现将捐赠协议和资金使用方案报告党建委。',
    reply: '',
  },
];

export const MAJOR_MATTERS = [
  {
    title: '学术交流中心设备更新经费',
    category: 'large-expense' as const,
    deliberation: '党建工作小组前置研究了设备更新预算，听取秘书处关于采购方式的说明。',
    outcome: '同意提交理事会审议，采购按学会财务制度公开进行。',
  },
  {
    title: '接受企业定向捐赠',
    category: 'large-donation' as const,
    deliberation: '审核了捐赠方资质和捐赠协议条款，确认不附带影响学会独立性的条件。',
    outcome: '同意接受捐赠，专款用于青年科技人才奖励，接受监事会监督。',
  },
];

export const IDEOLOGY_EVENTS = [
  { event: '学会学术年会', eventKind: 'major-conference' as const },
  { event: '国际学术研讨会', eventKind: 'international-exchange' as const },
];

export const OTHER_WORK = [
  { title: '党建工作台账整理', content: '对照“五个清”要求整理党建工作台账，补齐会议签到表等原始材料。' },
  {
    title: '联系走访非党专家',
    content: '党建工作小组成员分别走访联系的非党专家，听取对学会工作的意见建议，形成走访记录。',
  },
  { title: '推优评估材料报送', content: '按照党建委通知要求，整理九项职责履职材料，报送推优评估申报表。' },
];

export function annualWork(
  year: number,
  meetings: number,
  activities: number,
): { work: string; problems: string; plan: string } {
  return {
    work: `${year}年，党建工作小组召开小组会议${meetings}次，开展主题党日、集中学习、专题党课、科技志愿服务和调研等活动${activities}次；前置研究学会重大事项，落实意识形态工作责任制，按时报送会议纪要备案。`,
    problems: '理论学习的深度和系统性还不够；党建与业务融合的载体还不多；个别会议纪要未能在规定时限内报送备案。',
    plan: `${year + 1}年，将进一步健全学习制度，丰富志愿服务载体，严格执行会议纪要3个工作日内备案的要求，推动学会党建工作提质增效。`,
  };
}
