/**
 * A sealed entry, read-only. There is deliberately no edit control: the only action is
 * 更正 (for meetings also 更正出席情况), which seals a new entry; corrections appear beside
 * the original, never instead of it.
 */
import { useCallback, useMemo, useState } from 'react';
import { Alert, App, Button, Card, Collapse, Descriptions, Result, Space, Spin, Tag, Typography } from 'antd';
import { ArrowLeftOutlined, FormOutlined, TeamOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useApi } from '../api-context';
import { useAsync } from '../app/use-async';
import { useBook } from '../app/book-context';
import { flagColor, kindFamily } from '../app/labels';
import { navigate } from '../app/routes';
import { EntryContextProvider, groupCorrections } from './entry-context';
import { MeetingBody } from './meeting-body';
import { GenericBody } from './generic-body';
import { CorrectionBody } from './correction-body';
import { CorrectionDialog } from './correction-dialog';
import { AttendanceDialog } from './attendance-dialog';
import { getAt, inputBase, leafFields } from './fields';

const mono = { fontFamily: 'ui-monospace, Consolas, monospace', wordBreak: 'break-all' as const };

export function EntryPage({ seq }: { seq: number }) {
  const api = useApi();
  const { message } = App.useApp();
  const { bookId, readOnly, refresh } = useBook();
  const [correcting, setCorrecting] = useState<'field' | 'attendance' | null>(null);
  const entry = useAsync(useCallback(() => api['entries.get']({ bookId, seq }), [api, bookId, seq]));
  const roster = useAsync(useCallback(() => api['members.list']({ bookId }), [api, bookId]));
  const org = useAsync(useCallback(() => api['org.get']({ bookId }), [api, bookId]));
  const detail = entry.data ?? null;
  const error = detail ? null : entry.error;
  const members = useMemo(() => roster.data ?? [], [roster.data]);
  const recorder = org.data?.organisation?.recorder;

  const family = detail ? kindFamily(detail.summary.kind) : 'other';
  const context = useMemo(() => ({
    original: detail?.original ?? null,
    corrections: groupCorrections(detail?.corrections ?? []),
    names: new Map(members.map((m) => [m.memberId, m.person.name])),
    family,
  }), [detail, members, family]);

  if (error) {
    return <Result status="warning" title="无法打开这条记录" subTitle={error}
      extra={<Button onClick={() => navigate({ page: 'timeline' })}>返回记录本</Button>} />;
  }
  if (!detail) return <div style={{ padding: 48, textAlign: 'center' }}><Spin /></div>;

  const { summary } = detail;
  // Only what the recorder typed (`/input/...`) can be corrected; rule results are recomputed.
  const correctable = !readOnly && family !== 'correction' && inputBase(detail.original).length > 0
    && leafFields(detail.original).length > 0;

  const onCorrected = (correctionSeq: number) => {
    setCorrecting(null);
    message.success(`更正已封存为第 ${correctionSeq} 条记录`);
    entry.reload();
    void refresh();
  };
  // The roster of the meeting's day (a corrected start time moves it); else the entry's date.
  const startAt = getAt(detail.current, ['input', 'startAt']);
  const meetingDate = typeof startAt === 'string' && /^\d{4}-\d{2}-\d{2}/.test(startAt) ? startAt.slice(0, 10) : summary.date;

  return (
    <Card
      data-testid="entry-view"
      title={<Space wrap>
        <Button type="text" icon={<ArrowLeftOutlined />} aria-label="返回记录本" onClick={() => navigate({ page: 'timeline' })} />
        <span>第 {summary.seq} 条</span><Tag>{summary.kindLabel}</Tag><span>{summary.title}</span>
        {summary.correctedBy.length > 0 && <Tag color="blue">已更正</Tag>}
      </Space>}
      extra={correctable && (
        <Space>
          <Button icon={<FormOutlined />} onClick={() => setCorrecting('field')} data-testid="correction-button">更正</Button>
          {family === 'meeting' && (
            <Button icon={<TeamOutlined />} onClick={() => setCorrecting('attendance')} data-testid="attendance-button">更正出席情况</Button>
          )}
        </Space>
      )}
    >
      <Typography.Paragraph type="secondary">
        日期：{summary.date}{'\u3000'}{'\u3000'}封存时间：{dayjs(summary.recordedAt).format('YYYY-MM-DD HH:mm:ss')}
        {summary.targetSeq !== undefined && <>{'\u3000'}{'\u3000'}更正对象：<Typography.Link onClick={() => navigate({ page: 'entry', seq: summary.targetSeq as number })}>第 {summary.targetSeq} 条</Typography.Link></>}
      </Typography.Paragraph>
      {(summary.flags.length > 0 || detail.ledgerFlags.length > 0) && (
        <Alert type="warning" showIcon style={{ marginBottom: 16 }} data-testid="entry-flags" title="规则检查提示"
          description={<Space wrap>
            {summary.flags.map((f) => <Tag key={f.code} color={flagColor(f.code)}>{f.message}</Tag>)}
            {detail.ledgerFlags.map((f) => <Tag key={f} color="orange">{f === 'clock-behind' ? '封存时系统时钟早于上一条记录' : f}</Tag>)}
          </Space>} />
      )}
      {detail.corrections.length > 0 && (
        <Alert type="info" showIcon style={{ marginBottom: 16 }}
          title={`本记录有 ${detail.corrections.length} 处更正，原内容保留并划线显示，更正内容列在旁边。`} />
      )}
      <EntryContextProvider value={context}>
        {family === 'meeting' && <MeetingBody currentEvaluation={detail.currentEvaluation} />}
        {family === 'correction' && <CorrectionBody />}
        {family !== 'meeting' && family !== 'correction' && <GenericBody />}
      </EntryContextProvider>
      <Collapse style={{ marginTop: 24 }} data-testid="seal-info" items={[{
        key: 'seal',
        label: '封存信息',
        children: (
          <Descriptions size="small" column={1} bordered items={[
            { key: 'seq', label: '序号', children: summary.seq },
            { key: 'kind', label: '类别代码', children: <span style={mono}>{summary.kind}</span> },
            { key: 'rec', label: '封存时间（系统时钟）', children: summary.recordedAt },
            { key: 'author', label: '签名密钥', children: <span style={mono}>{detail.author}</span> },
            { key: 'hash', label: '本条哈希', children: <Typography.Text copyable style={mono}>{detail.hash}</Typography.Text> },
            { key: 'prev', label: '上一条哈希', children: <span style={mono}>{detail.prev}</span> },
          ]} />
        ),
      }]} />
      {correcting === 'field' && (
        <CorrectionDialog
          open
          bookId={bookId}
          seq={summary.seq}
          original={detail.original}
          current={detail.current}
          members={members}
          family={family}
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
          fallbackNames={context.names}
          defaultBy={recorder}
          onClose={() => setCorrecting(null)}
          onCorrected={onCorrected}
        />
      )}
    </Card>
  );
}
