/**
 * A sealed entry, read-only. There is deliberately no edit control: the only action is
 * 更正 (for meetings also 更正出席情况), which seals a new entry; corrections appear beside
 * the original, never instead of it.
 */
import { useMemo, useState } from 'react';
import { Alert, App, Button, Card, Collapse, Descriptions, Result, Space, Spin, Tag, Typography } from 'antd';
import { ArrowLeftOutlined, FormOutlined, TeamOutlined } from '@ant-design/icons';
import { PrintEntryButton } from '../print/print-entry-button';
import {
  beijingTime,
  chineseDate,
  describeEntry,
  getAt,
  inputPathOf,
  isLedgerKind,
  readEntryBody,
  type EntryDescription,
  type EntryDetail,
} from '../../db/contract';
import { errorText, useServiceQuery } from '../app/service-query';
import { useBook } from '../app/book-context';
import { flagColor } from '../app/labels';
import { navigate } from '../app/routes';
import { EntryContextProvider, FieldValue, groupCorrections, rosterNames } from './entry-context';
import { MeetingBody } from './meeting-body';
import { RecordView } from './record-view';
import { CorrectionDialog } from './correction-dialog';
import { AttendanceDialog } from './attendance-dialog';
import { MeetingDocuments } from '../documents';

const mono = { fontFamily: 'ui-monospace, Consolas, monospace', wordBreak: 'break-all' as const };
/** A meeting's attendance is corrected with its own dialog (实到 and 缺席 together). */
const MEETING_ATTENDANCE = [['presentIds'], ['absent']] as const;

/** 技术信息: what a liaison or a verifier needs, folded away from the record itself. */
function TechnicalInfo({ detail, description }: { detail: EntryDetail; description: EntryDescription | undefined }) {
  const { summary } = detail;
  const technical =
    description?.fields.filter(
      (f) => f.technical && getAt(detail.original, [...inputPathOf(summary.kind), ...f.path]) !== undefined,
    ) ?? [];
  return (
    <Collapse
      style={{ marginTop: 24 }}
      data-testid="technical-info"
      items={[
        {
          key: 'technical',
          label: '技术信息',
          children: (
            <Descriptions
              size="small"
              column={1}
              bordered
              items={[
                { key: 'kind', label: '类别代码', children: <span style={mono}>{summary.kind}</span> },
                {
                  key: 'rec',
                  label: '封存时间（UTC，系统时钟）',
                  children: <span style={mono}>{summary.recordedAt}</span>,
                },
                { key: 'author', label: '签名密钥', children: <span style={mono}>{detail.author}</span> },
                {
                  key: 'hash',
                  label: '本条哈希',
                  children: (
                    <Typography.Text copyable style={mono}>
                      {detail.hash}
                    </Typography.Text>
                  ),
                },
                { key: 'prev', label: '上一条哈希', children: <span style={mono}>{detail.prev}</span> },
                ...technical.map((f) => ({
                  key: f.path.join('.'),
                  label: f.label,
                  children: (
                    <span style={mono}>
                      <FieldValue path={[...f.path]} />
                    </span>
                  ),
                })),
              ]}
            />
          ),
        },
      ]}
    />
  );
}

export function EntryPage({ seq }: { seq: number }) {
  const { message } = App.useApp();
  const { bookId, readOnly, refresh } = useBook();
  const [correcting, setCorrecting] = useState<'field' | 'attendance' | null>(null);
  const entry = useServiceQuery('entries.get', { bookId, seq });
  // Not the previous entry's page while another loads (the placeholder keeps it for other reads).
  const detail = entry.isPlaceholderData ? null : (entry.data ?? null);
  const error = detail ? null : errorText(entry.error);
  // Names from the roster of the entry's day.
  const day = detail?.summary.date;
  const roster = useServiceQuery('members.list', { bookId, on: day }, { enabled: day !== undefined });
  const org = useServiceQuery('org.get', { bookId });
  const members = useMemo(() => roster.data ?? [], [roster.data]);
  const recorder = org.data?.organisation?.recorder;

  const kind = detail?.summary.kind ?? '';
  const read = useMemo(() => (detail ? readEntryBody(kind, detail.original) : null), [detail, kind]);
  const context = useMemo(() => {
    const base = inputPathOf(kind);
    return {
      kind,
      original: detail?.original ?? null,
      base,
      description: detail ? describeEntry(kind, getAt(detail.original, base)) : undefined,
      corrections: groupCorrections(detail?.corrections ?? []),
      nameOf: rosterNames(new Map(members.map((m) => [m.memberId, m.person.name]))),
    };
  }, [detail, members, kind]);

  if (error) {
    return (
      <Result
        status="warning"
        title="无法打开这条记录"
        subTitle={error}
        extra={<Button onClick={() => navigate({ page: 'timeline' })}>返回记录本</Button>}
      />
    );
  }
  if (!detail)
    return (
      <div style={{ padding: 48, textAlign: 'center' }}>
        <Spin />
      </div>
    );

  const { summary } = detail;
  // Only what the recorder typed (`/input/...`) can be corrected; rule results are recomputed,
  // and ledger entries (启用, 密钥更换, 更正) are never corrected.
  const correctable = !readOnly && !isLedgerKind(kind) && context.description !== undefined && read?.ok === true;
  const meeting = read?.ok && read.body.kind === 'meeting' ? read.body : null;

  const onCorrected = (correctionSeq: number) => {
    setCorrecting(null);
    message.success(`更正已封存为第 ${correctionSeq} 条记录`);
    void refresh();
  };
  // The roster of the meeting's day (a corrected start time moves it); else the entry's date.
  const startAt = getAt(detail.current, ['input', 'startAt']);
  const meetingDate =
    typeof startAt === 'string' && /^\d{4}-\d{2}-\d{2}/.test(startAt) ? startAt.slice(0, 10) : summary.date;

  return (
    <Card
      data-testid="entry-view"
      title={
        <Space wrap>
          <Button
            type="text"
            icon={<ArrowLeftOutlined />}
            aria-label="返回记录本"
            onClick={() => navigate({ page: 'timeline' })}
          />
          <span>第 {summary.seq} 条</span>
          <Tag>{summary.kindLabel}</Tag>
          <span>{summary.title}</span>
          {summary.correctedBy.length > 0 && <Tag color="blue">已更正</Tag>}
          <PrintEntryButton seq={summary.seq} />
        </Space>
      }
      extra={
        correctable && (
          <Space>
            <Button icon={<FormOutlined />} onClick={() => setCorrecting('field')} data-testid="correction-button">
              更正
            </Button>
            {kind === 'meeting' && (
              <Button
                icon={<TeamOutlined />}
                onClick={() => setCorrecting('attendance')}
                data-testid="attendance-button"
              >
                更正出席情况
              </Button>
            )}
          </Space>
        )
      }
    >
      <Typography.Paragraph type="secondary">
        日期：{chineseDate(summary.date)}
        {'\u3000'}
        {'\u3000'}封存时间：{beijingTime(summary.recordedAt)}（北京时间）
        {summary.targetSeq !== undefined && (
          <>
            {'\u3000'}
            {'\u3000'}更正对象：
            <Typography.Link onClick={() => navigate({ page: 'entry', seq: summary.targetSeq as number })}>
              第 {summary.targetSeq} 条
            </Typography.Link>
          </>
        )}
      </Typography.Paragraph>
      {meeting && <MeetingDocuments bookId={bookId} seq={summary.seq} current={detail.current} />}
      {(summary.flags.length > 0 || detail.ledgerFlags.length > 0) && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="entry-flags"
          title="规则检查提示"
          description={
            <Space wrap>
              {summary.flags.map((f) => (
                <Tag key={f.code} color={flagColor(f.code)}>
                  {f.message}
                </Tag>
              ))}
              {detail.ledgerFlags.map((f) => (
                <Tag key={f} color="orange">
                  {f === 'clock-behind' ? '封存时系统时钟早于上一条记录' : f}
                </Tag>
              ))}
            </Space>
          }
        />
      )}
      {detail.corrections.length > 0 && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={`本记录有 ${detail.corrections.length} 处更正，原内容保留并划线显示，更正内容列在旁边。`}
        />
      )}
      {read && !read.ok && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="entry-problem"
          title="这条记录的内容与本版本的记录格式不完全相符，以下按原样显示，不能更正。"
          description={read.problem}
        />
      )}
      <EntryContextProvider value={context}>
        {meeting ? (
          <MeetingBody
            meeting={meeting.input}
            evaluation={meeting.computed}
            currentEvaluation={detail.currentEvaluation}
            filed={detail.summary.filed}
          />
        ) : (
          <RecordView />
        )}
        <TechnicalInfo detail={detail} description={context.description} />
      </EntryContextProvider>
      {correcting === 'field' && (
        <CorrectionDialog
          open
          bookId={bookId}
          seq={summary.seq}
          kind={kind}
          base={context.base}
          original={detail.original}
          current={detail.current}
          members={members}
          exclude={kind === 'meeting' ? MEETING_ATTENDANCE : undefined}
          defaultBy={recorder}
          onClose={() => setCorrecting(null)}
          onCorrected={onCorrected}
        />
      )}
      {correcting === 'attendance' && (
        <AttendanceDialog
          bookId={bookId}
          seq={summary.seq}
          current={detail.current}
          date={meetingDate}
          fallbackNames={new Map(members.map((m) => [m.memberId, m.person.name]))}
          defaultBy={recorder}
          onClose={() => setCorrecting(null)}
          onCorrected={onCorrected}
        />
      )}
    </Card>
  );
}
