/**
 * Deterministic, realistic record-book bodies for the benchmark: meeting-minutes-like
 * Chinese text from a seeded PRNG over common phrases, 0.5–4 KB of canonical JSON each.
 */

export { seededRandom } from '../db/test-support/seeded-random';

const PHRASES = (
  '会议传达学习了上级党委的有关文件精神，与会同志结合学会工作实际进行了认真讨论。' +
  '大家一致认为，要切实加强党建工作与业务工作的深度融合，推动学会高质量发展。' +
  '会议听取了秘书处关于本年度学术交流活动安排的汇报，对相关工作提出了意见和建议。' +
  '组长强调，要坚持把政治建设摆在首位，严格落实意识形态工作责任制。' +
  '会议研究了换届筹备工作方案，明确了时间节点和责任分工。' +
  '与会人员围绕科技工作者思想动态、学术道德建设和青年人才培养等议题深入交流。' +
  '会议决定开展主题党日活动，组织党员到科普教育基地参观学习并开展志愿服务。' +
  '针对大型国际学术会议，会议研判了可能出现的意识形态风险，制定了舆情应对预案。' +
  '经表决，会议同意将年度重大支出事项提交理事会审议，同意票全数通过。' +
  '会议要求各位成员认真履行职责，按时参加组织生活，及时报告重大事项。' +
  '会议对上半年党建工作进行了总结，梳理了存在的问题和不足，提出了下半年的工作计划。' +
  '会议讨论了推优评估材料的准备工作，要求做到准确、规范、完整、原始。'
).split(/(?<=[。，、])/);

const NAMES = [
  '张伟',
  '王芳',
  '李娜',
  '刘洋',
  '陈静',
  '杨帆',
  '赵磊',
  '黄敏',
  '周杰',
  '吴霞',
  '徐明',
  '孙丽',
  '马超',
  '朱琳',
  '胡军',
];
const PLACES = ['学会第一会议室', '秘书处会议室', '科技会堂三层小会议室', '线上视频会议'];
const TOPICS = [
  '学习贯彻上级文件精神',
  '年度学术交流计划',
  '换届筹备',
  '意识形态工作研判',
  '主题党日活动安排',
  '推优评估材料',
  '重大支出事项',
];

function pick<T>(random: () => number, list: readonly T[]): T {
  return list[Math.floor(random() * list.length)]!;
}

export function meetingBody(random: () => number, n: number): Record<string, unknown> {
  const targetBytes = 500 + Math.floor(random() * 3500);
  const members = NAMES.slice(0, 5 + Math.floor(random() * 6));
  const absent = random() < 0.3 ? [{ name: pick(random, members), reason: '因公出差，已书面请假' }] : [];
  const present = members.filter((m) => !absent.some((a) => a.name === m));
  const topics = Array.from({ length: 1 + Math.floor(random() * 3) }, () => ({
    title: pick(random, TOPICS),
    decision: pick(random, PHRASES),
    votes: { agree: present.length, against: 0, abstain: 0 },
  }));
  const body: Record<string, unknown> = {
    title: `党建工作小组第${n}次会议`,
    mode: random() < 0.9 ? '现场' : '通讯形式',
    startedAt: `2025-${String(1 + (n % 12)).padStart(2, '0')}-${String(1 + (n % 28)).padStart(2, '0')}T14:30`,
    place: pick(random, PLACES),
    chair: members[0],
    recorder: members[1],
    expected: members,
    present,
    absent,
    topics,
    minutes: '',
  };
  // About 3 bytes per character; stop once the canonical body reaches its target size.
  let minutes = '';
  const fixed = Buffer.byteLength(JSON.stringify(body));
  while (fixed + minutes.length * 3 < targetBytes) minutes += pick(random, PHRASES);
  body.minutes = minutes;
  return body;
}
