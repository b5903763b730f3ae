/** A small YearLedger for the renderer's tests (the real one is computed and tested in db/). */
import type { YearLedger } from '../../db/rules';
import { DUTIES, DUTY_IDS, DUTY_SCOPES } from '../../db/contract';

export function sampleLedger(year: number, over: Partial<YearLedger> = {}): YearLedger {
  const row = (
    seq: number,
    date: string,
    present: number,
    quorate: boolean,
    status: 'on-time' | 'late' | 'pending',
    daysLate = 0,
  ) => ({
    seq,
    date,
    number: seq,
    title: '党建工作小组会议',
    expected: 5,
    present,
    quorate,
    corrected: false,
    heldSeparately: true,
    filing: {
      status,
      deadline: date,
      filedDate: status === 'pending' ? null : date,
      filedSeq: status === 'pending' ? null : seq + 100,
      daysLate,
      message: '',
    },
  });
  return {
    year,
    today: `${year}-12-11`,
    orgName: '中国示例学会党建工作小组',
    profileLabel: '北京·党建工作小组',
    meetingLabel: '党建工作小组会',
    obligations: [
      {
        code: 'meetings-count',
        ok: true,
        status: 'met',
        message: `${year}年已召开有效的党建工作小组会2次，达到每年至少2次的要求。`,
        seqs: [10, 20],
      },
      { code: 'late-filings', ok: false, status: 'warning', message: '1次会议纪要逾期备案', seqs: [20] },
    ],
    meetings: {
      required: 2,
      held: 2,
      total: 3,
      inquorate: { count: 1, seqs: [30] },
      perHalfYear: false,
      halves: [
        { label: '上半年', held: 1, seqs: [10], status: 'met' },
        { label: '下半年', held: 1, seqs: [20], status: 'met' },
      ],
      rows: [
        row(10, `${year}-03-18`, 5, true, 'on-time'),
        row(20, `${year}-09-30`, 4, true, 'late', 7),
        row(30, `${year}-11-04`, 3, false, 'pending'),
      ],
    },
    filing: {
      required: true,
      workingDays: 3,
      filedWith: '党建委办公室',
      onTime: { count: 1, seqs: [10] },
      late: { count: 1, seqs: [20] },
      pending: { count: 1, seqs: [30] },
      overdue: { count: 0, seqs: [] },
      unknown: { count: 0, seqs: [] },
    },
    reports: {
      leaderReport: { wanted: true, label: '组长述职', count: 1, seqs: [40] },
      annualSummary: { wanted: false, label: '党建工作书面总结', count: 0, seqs: [] },
    },
    activities: { total: 1, byType: [{ type: 'volunteer', label: '志愿服务', count: 1, seqs: [50] }] },
    attendance: [
      { memberId: 'm1', name: '张三', expected: 3, present: 3, rate: 1, presentSeqs: [10, 20, 30], absentSeqs: [] },
      { memberId: 'm2', name: '李四', expected: 3, present: 1, rate: 1 / 3, presentSeqs: [10], absentSeqs: [20, 30] },
    ],
    attendanceRate: 0.8,
    months: Array.from({ length: 12 }, (_, i) => ({
      month: i + 1,
      meetings: 0,
      quorateMeetings: 0,
      activities: 0,
      attendanceRate: null,
      meetingSeqs: [],
      activitySeqs: [],
    })),
    lateRecordings: [{ seq: 50, message: '事项发生4天后才记录' }],
    clockAnomalies: [],
    corrections: [{ seq: 60, targetSeq: 20, date: `${year}-10-10`, reason: '实到人数记错' }],
    duties: {
      rows: DUTY_IDS.map((duty) => ({
        duty,
        label: DUTIES[duty],
        scope: DUTY_SCOPES[duty],
        seqs: duty === 'volunteer' ? [50] : [],
        suggestedSeqs: duty === 'integration' ? [10] : [],
      })),
      covered: 1,
      excellentAt: 5,
      benchmarkAt: 9,
      rating: 'none',
      message: '已有 1 项职责有记录为证；评为“优秀党建工作小组”需 5 项，还差 4 项。',
    },
    fiveClear: [
      {
        code: 'party-members',
        label: '党员队伍情况清',
        status: 'facts',
        facts: ['年末在任成员 5 人，其中中共党员 5 人。'],
        seqs: [],
      },
    ],
    damaged: [],
    entries: {
      10: { seq: 10, kind: 'meeting', kindLabel: '会议', title: '第1次党建工作小组会议', date: `${year}-03-18` },
      20: { seq: 20, kind: 'meeting', kindLabel: '会议', title: '第2次党建工作小组会议', date: `${year}-09-30` },
      50: { seq: 50, kind: 'activity', kindLabel: '活动', title: '科普进社区', date: `${year}-09-06` },
    },
    ...over,
  };
}
