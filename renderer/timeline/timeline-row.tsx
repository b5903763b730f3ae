/** One line of the timeline: seq, kind, title, date, rule flags, “已更正”. */
import { Skeleton, Tag, Tooltip, Typography } from 'antd';
import type { EntrySummary } from '../../db/contract';
import { flagColor } from '../app/labels';

export const ROW_HEIGHT = 52;

export function TimelineRow({ entry, onOpen }: { entry: EntrySummary | undefined; onOpen: (seq: number) => void }) {
  if (!entry) {
    return (
      <div style={{ height: ROW_HEIGHT, padding: '14px 16px' }} aria-busy="true">
        <Skeleton.Input active size="small" style={{ width: 320 }} />
      </div>
    );
  }
  const open = () => onOpen(entry.seq);
  return (
    <div
      role="button"
      tabIndex={0}
      className="timeline-row"
      data-testid={`timeline-row-${entry.seq}`}
      aria-label={`第 ${entry.seq} 条 ${entry.kindLabel} ${entry.title}`}
      onClick={open}
      onKeyDown={(e) => {
        if (e.key === 'Enter' || e.key === ' ') {
          e.preventDefault();
          open();
        }
      }}
      style={{
        height: ROW_HEIGHT,
        display: 'flex',
        alignItems: 'center',
        gap: 12,
        padding: '0 16px',
        borderBottom: '1px solid #f0f0f0',
        cursor: 'pointer',
        background: '#fff',
      }}
    >
      <Typography.Text type="secondary" style={{ width: 64, flex: 'none', fontVariantNumeric: 'tabular-nums' }}>
        第 {entry.seq} 条
      </Typography.Text>
      <Tag style={{ flex: 'none', width: 96, textAlign: 'center' }}>{entry.kindLabel}</Tag>
      <Typography.Text ellipsis type={entry.problem ? 'danger' : undefined} style={{ flex: 1, minWidth: 0 }}>
        {entry.title}
      </Typography.Text>
      {entry.problem && (
        // A row that failed its proof shows the problem, never the stored (possibly forged) text.
        <Tooltip title={entry.problem.message}>
          <Tag color="error" data-testid="tag-damaged" style={{ flex: 'none' }}>
            未通过校验
          </Tag>
        </Tooltip>
      )}
      <span style={{ flex: 'none', display: 'flex', gap: 4, maxWidth: '40%', overflow: 'hidden' }}>
        {entry.correctedBy.length > 0 && (
          <Tag color="blue" data-testid="tag-corrected">
            已更正
          </Tag>
        )}
        {entry.filed && (
          <Tooltip title={`${entry.filed.date} 报送${entry.filed.to}（第 ${entry.filed.seq} 条）`}>
            <Tag color={entry.filed.late ? 'orange' : 'green'} data-testid="tag-filed">
              {entry.filed.late ? '逾期备案' : '已备案'}
            </Tag>
          </Tooltip>
        )}
        {entry.targetSeq !== undefined && <Tag>更正第 {entry.targetSeq} 条</Tag>}
        {entry.flags.map((f) => (
          <Tooltip key={f.code} title={f.message}>
            <Tag color={flagColor(f.code)} style={{ maxWidth: 220, overflow: 'hidden', textOverflow: 'ellipsis' }}>
              {f.message}
            </Tag>
          </Tooltip>
        ))}
      </span>
      <Typography.Text
        type="secondary"
        style={{ width: 96, flex: 'none', textAlign: 'right', fontVariantNumeric: 'tabular-nums' }}
      >
        {entry.date}
      </Typography.Text>
    </div>
  );
}
