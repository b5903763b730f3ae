/**
 * Fictional people for the demo book: members of the group (the 备案表 fields of 001
 * templates 2/5/8), the secretariat staff and the 列席 guests. Names never repeat within one
 * book, so a guest is never mistaken for a member (the service refuses a member as 列席).
 */
import type { PersonDetails } from '../contract';
import { addDays, isoDate } from './demo-dates';
import type { DemoRandom } from './demo-random';

const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾肖田董潘袁蔡蒋余于杜叶程魏苏吕丁任卢姚沈钟姜崔谭陆范汪廖石金韦贾夏付方邹熊白孟秦邱侯江尹薛闫段雷龙黎史陶贺毛郝顾龚邵万覃武钱戴严莫孔向常汤康易乔赖文'.split(
    '',
  );
const GIVEN_MALE = [
  '建国',
  '志强',
  '伟',
  '军',
  '磊',
  '明',
  '勇',
  '涛',
  '斌',
  '超',
  '海峰',
  '国华',
  '振宇',
  '立新',
  '宏伟',
  '文博',
  '子健',
  '浩然',
  '德胜',
  '永刚',
  '晓东',
  '建华',
  '卫东',
  '少华',
  '春生',
  '云鹏',
  '继承',
  '学军',
];
const GIVEN_FEMALE = [
  '红',
  '敏',
  '静',
  '丽',
  '芳',
  '秀英',
  '桂兰',
  '晓燕',
  '慧',
  '雪梅',
  '玉兰',
  '海燕',
  '丽娟',
  '淑珍',
  '文静',
  '欣怡',
  '佳琪',
  '雅琴',
  '春华',
  '晓红',
  '美玲',
  '凤英',
  '婧',
  '璐',
];
const ETHNICITIES = ['汉族', '汉族', '汉族', '汉族', '汉族', '汉族', '汉族', '回族', '满族', '蒙古族', '朝鲜族'];
const TITLES = ['研究员', '教授', '正高级工程师', '高级工程师', '副研究员', '副教授', '主任医师'];
const EDUCATIONS = ['博士研究生', '博士研究生', '硕士研究生', '大学本科'];
const UNITS = ['北京某某大学', '某某研究院', '北京某某医院', '某某集团有限公司', '某某科学研究所', '北京某某工业大学'];

export class People {
  private readonly used = new Set<string>();
  constructor(private readonly random: DemoRandom) {}

  /** A name not yet used in this book. */
  name(gender: '男' | '女'): string {
    for (let tries = 0; ; tries++) {
      const given = this.random.pick(gender === '男' ? GIVEN_MALE : GIVEN_FEMALE);
      // Past a few collisions, a middle character keeps long books (hundreds of members) unique.
      const middle = tries > 20 ? this.random.pick(['子', '文', '思', '嘉', '明', '永', '世', '宇']) : '';
      const name = this.random.pick(SURNAMES) + middle + given;
      if (name.length <= 4 && !this.used.has(name)) {
        this.used.add(name);
        return name;
      }
    }
  }

  /** A CPC member of 38–57 joining the group on `joinedOn`; `post` is their office in the society. */
  member(joinedOn: string, post: string): PersonDetails {
    const gender = this.random.chance(0.35) ? '女' : '男';
    const year = Number(joinedOn.slice(0, 4)) - this.random.int(38, 57);
    const birthDate = isoDate(year, this.random.int(1, 12), this.random.int(1, 28));
    // Most scientists joined the party at university or early in their career.
    const partyJoinDate = addDays(birthDate, 365 * this.random.int(19, 30) + this.random.int(0, 300));
    return {
      name: this.name(gender),
      gender,
      ethnicity: this.random.pick(ETHNICITIES),
      birthDate,
      isCpcMember: true,
      partyJoinDate,
      title: this.random.pick(TITLES),
      education: this.random.pick(EDUCATIONS),
      societyPosts: post,
      workUnit: this.random.pick(UNITS),
      underDiscipline: false,
    };
  }

  /** Someone in the secretariat or the supervising office (recorder, contact, guests). */
  staff(): string {
    return this.name(this.random.chance(0.5) ? '女' : '男');
  }
}
