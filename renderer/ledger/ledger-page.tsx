/**
 * 年度台账: every figure of the year (computed in db/rules/year-ledger.ts) with the entries
 * behind it, two charts, an Excel export (built by the service, saved like an attachment)
 * and a clean print of the page.
 */
import { useState } from 'react';
import { Alert, App, Button, Card, Col, Empty, Modal, Row, Select, Space, Spin, Tag, Typography } from 'antd';
import { CheckCircleFilled, ExclamationCircleFilled, FileExcelOutlined, PrinterOutlined } from '@ant-design/icons';
import type { YearLedger } from '../../db/rules';
import { useApi } from '../api-context';
import { errorMessage } from '../api';
import { useBook } from '../app/book-context';
import { navigate } from '../app/routes';
import { useServiceQuery } from '../app/service-query';
import { base64ToBlob, saveBlob } from '../entry/download';
import { RecordDraftButtons } from '../documents';
import { EntryLinks, Figure } from './entry-links';
import { DutyChart, MonthlyChart } from './ledger-charts';
import { AnomaliesList, AttendanceTable, DutiesTable, FiveClearList, MeetingsTable, percent } from './ledger-tables';
import './ledger-print.css';

export function LedgerPage() {
  const api = useApi();
  const { message } = App.useApp();
  const { bookId, readOnly } = useBook();
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState(thisYear);
  const [opened, setOpened] = useState<{ seqs: number[]; title: string } | null>(null);
  const [exporting, setExporting] = useState(false);
  const input = { bookId, year };
  // A seal or correction re-reads the book's queries (useBookChanged): a new entry may settle an obligation.
  const { data: ledger, error, isPending } = useServiceQuery('ledger.report', input);
  const years = Array.from({ length: 10 }, (_, i) => thisYear - i);

  const exportXlsx = async () => {
    setExporting(true);
    try {
      const file = await api['ledger.xlsx'](input);
      saveBlob(base64ToBlob(file.dataBase64, file.mediaType), file.fileName);
      void message.success(`已导出“${file.fileName}”`);
    } catch (e) {
      void message.error(`导出失败：${errorMessage(e)}`);
    } finally {
      setExporting(false);
    }
  };

  return (
    <Card
      data-testid="ledger"
      className="print-sheet ledger-sheet"
      title={
        <span>
          年度台账<span className="print-only-inline">{` · ${ledger?.orgName ?? ''} ${year} 年度`}</span>
        </span>
      }
      extra={
        <Space className="no-print">
          <RecordDraftButtons bookId={bookId} year={year} disabled={readOnly} />
          <Select
            aria-label="选择年度"
            value={year}
            onChange={setYear}
            style={{ width: 120 }}
            options={years.map((y) => ({ value: y, label: `${y} 年` }))}
          />
          <Button
            icon={<FileExcelOutlined />}
            loading={exporting}
            disabled={!ledger}
            onClick={() => void exportXlsx()}
            data-testid="ledger-export"
          >
            导出 Excel
          </Button>
          <Button
            icon={<PrinterOutlined />}
            disabled={!ledger}
            onClick={() => navigate({ page: 'print', choice: { kind: 'ledger', year } })}
            data-testid="ledger-print"
          >
            打印
          </Button>
        </Space>
      }
    >
      {error && <Alert type="error" showIcon title={`台账无法计算：${errorMessage(error)}`} />}
      {isPending && !error && (
        <div style={{ padding: 48, textAlign: 'center' }}>
          <Spin description="正在统计…" />
        </div>
      )}
      {ledger && <LedgerBody ledger={ledger} onOpen={(seqs, title) => setOpened({ seqs, title })} />}
      <Modal
        open={opened !== null}
        title={opened?.title}
        footer={null}
        onCancel={() => setOpened(null)}
        destroyOnHidden
      >
        {opened && ledger && <EntryLinks seqs={opened.seqs} refs={ledger.entries} max={50} />}
      </Modal>
    </Card>
  );
}

function LedgerBody({ ledger, onOpen }: { ledger: YearLedger; onOpen: (seqs: number[], title: string) => void }) {
  const refs = ledger.entries;
  const m = ledger.meetings;
  const f = ledger.filing;
  const owed = ledger.obligations.filter((i) => !i.ok).length;
  const lr = ledger.reports.leaderReport;
  const valid = m.rows.filter((r) => r.quorate).map((r) => r.seq);
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      {ledger.damaged.length > 0 && (
        <Alert
          type="error"
          showIcon
          data-testid="ledger-damaged"
          title={`第 ${ledger.damaged.join('、')} 条记录未通过校验，没有计入本台账。请运行完整校验。`}
        />
      )}
      <Typography.Text type="secondary">
        {ledger.profileLabel} · 统计至 {ledger.today}（已封存的记录；更正后的记录按更正后的内容计）
      </Typography.Text>
      <Space size={32} wrap align="start">
        <Figure
          testId="ledger-meetings"
          label={`有效${ledger.meetingLabel}`}
          value={`${m.held} / ${m.required} 次`}
          seqs={valid}
          refs={refs}
          tone={m.held >= m.required ? 'good' : 'warn'}
        />
        {m.perHalfYear &&
          m.halves.map((h) => (
            <Figure
              key={h.label}
              testId={`ledger-half-${h.label}`}
              label={h.label}
              value={`${h.held} 次`}
              seqs={h.seqs}
              refs={refs}
              tone={h.status === 'met' ? 'good' : h.status === 'missed' ? 'bad' : 'warn'}
            />
          ))}
        <Figure
          testId="ledger-inquorate"
          label="到会人数不足"
          value={`${m.inquorate.count} 次`}
          seqs={m.inquorate.seqs}
          refs={refs}
          tone={m.inquorate.count ? 'warn' : undefined}
        />
        {f.required && (
          <>
            <Figure
              testId="ledger-filed-on-time"
              label="纪要按时备案"
              value={`${f.onTime.count} 次`}
              seqs={f.onTime.seqs}
              refs={refs}
              tone="good"
            />
            <Figure
              testId="ledger-filed-late"
              label="逾期备案"
              value={`${f.late.count} 次`}
              seqs={f.late.seqs}
              refs={refs}
              tone={f.late.count ? 'warn' : undefined}
            />
            <Figure
              testId="ledger-filing-open"
              label="待备案 / 逾期未备案"
              value={`${f.pending.count} / ${f.overdue.count}`}
              seqs={[...f.pending.seqs, ...f.overdue.seqs]}
              refs={refs}
              tone={f.overdue.count ? 'bad' : undefined}
            />
          </>
        )}
        {lr.wanted && (
          <Figure
            testId="ledger-leader-report"
            label={lr.label}
            value={lr.count ? '已完成' : '未记录'}
            seqs={lr.seqs}
            refs={refs}
            tone={lr.count ? 'good' : 'warn'}
          />
        )}
        {ledger.reports.annualSummary.wanted && (
          <Figure
            testId="ledger-annual-summary"
            label="书面总结"
            value={ledger.reports.annualSummary.count ? '已完成' : '未记录'}
            seqs={ledger.reports.annualSummary.seqs}
            refs={refs}
            tone={ledger.reports.annualSummary.count ? 'good' : 'warn'}
          />
        )}
        <Figure
          testId="ledger-attendance-rate"
          label="全年出勤率"
          value={percent(ledger.attendanceRate)}
          seqs={[]}
          refs={refs}
        />
        <Figure
          testId="ledger-activities"
          label="活动"
          value={`${ledger.activities.total} 次`}
          seqs={ledger.activities.byType.flatMap((t) => t.seqs)}
          refs={refs}
        />
        <Figure
          testId="ledger-duties-covered"
          label="有记录为证的职责"
          value={`${ledger.duties.covered} / 9 项`}
          seqs={[]}
          refs={refs}
          tone={ledger.duties.rating === 'none' ? 'warn' : 'good'}
        />
      </Space>

      <Card
        size="small"
        title={
          <>
            台账事项 <Tag color={owed ? 'orange' : 'green'}>{owed ? `尚欠 ${owed} 项` : '各项均已完成'}</Tag>
          </>
        }
      >
        {ledger.obligations.length === 0 ? (
          <Empty description="这一年没有需要检查的事项" />
        ) : (
          <div role="list">
            {ledger.obligations.map((item) => (
              <div
                role="listitem"
                key={item.code}
                className="ledger-row"
                data-testid={`ledger-item-${item.code}`}
                data-ok={item.ok ? 'true' : 'false'}
              >
                <Space orientation="vertical" size={0} style={{ flex: 1 }}>
                  <Space>
                    {item.ok ? (
                      <CheckCircleFilled style={{ color: '#52c41a' }} aria-label="已完成" />
                    ) : (
                      <ExclamationCircleFilled style={{ color: '#fa8c16' }} aria-label="尚欠" />
                    )}
                    <span>{item.message}</span>
                  </Space>
                  <EntryLinks seqs={item.seqs} refs={refs} empty="" />
                </Space>
                <Tag color={item.ok ? 'green' : 'orange'}>{item.ok ? '已完成' : '尚欠'}</Tag>
              </div>
            ))}
          </div>
        )}
      </Card>

      <Row gutter={[16, 16]} className="ledger-charts">
        <Col xs={24} xl={14}>
          <Card size="small" title="全年会议、活动与出勤率">
            <MonthlyChart ledger={ledger} onOpen={onOpen} />
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <Card size="small" title="九项职责覆盖">
            <DutyChart ledger={ledger} onOpen={onOpen} />
          </Card>
        </Col>
      </Row>

      <Card
        size="small"
        title={`${ledger.meetingLabel}与纪要备案`}
        extra={
          f.required ? (
            <Typography.Text type="secondary">
              形成纪要后 {f.workingDays} 个工作日内报送{f.filedWith}备案
            </Typography.Text>
          ) : null
        }
      >
        <MeetingsTable ledger={ledger} />
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <Card size="small" title="成员出勤">
            <AttendanceTable ledger={ledger} />
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <Card size="small" title="活动（按类型）">
            {ledger.activities.total === 0 ? (
              <Empty description="这一年还没有活动记录" />
            ) : (
              <div role="list">
                {ledger.activities.byType.map((t) => (
                  <div role="listitem" key={t.type} className="ledger-row" data-testid={`ledger-activity-${t.type}`}>
                    <Space orientation="vertical" size={0} style={{ flex: 1 }}>
                      <span>{t.label}</span>
                      <EntryLinks seqs={t.seqs} refs={refs} />
                    </Space>
                    <span>{t.count} 次</span>
                  </div>
                ))}
              </div>
            )}
          </Card>
        </Col>
      </Row>
      <Card
        size="small"
        title="九项职责"
        extra={
          <Tag color={ledger.duties.rating === 'none' ? 'orange' : 'green'} data-testid="ledger-duty-rating">
            {ledger.duties.message}
          </Tag>
        }
      >
        <DutiesTable ledger={ledger} />
      </Card>
      <Card size="small" title="五个清（中国科协）">
        <FiveClearList ledger={ledger} />
      </Card>
      <Card size="small" title="迟录、时钟异常与更正">
        <AnomaliesList ledger={ledger} />
      </Card>
    </Space>
  );
}
