/**
 * 设置与密钥: the key fingerprint to print for 备案 and how this computer protects the key,
 * the organisation and its rule profile,
 * the holiday calendar's coverage, and creating a further book.
 */
import { useState } from 'react';
import { Alert, Button, Card, Descriptions, Space, Spin, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { ORG_FORMS, type CalendarView, type OrgView } from '../../db/contract';
import { errorText, useServiceQuery } from '../app/service-query';
import { useBook } from '../app/book-context';
import { KeyFingerprint } from '../app/key-fingerprint';
import { KeyProtectionAlert } from '../app/key-protection-alert';
import { SetupWizard } from '../setup/setup-wizard';
import { BundleCard } from '../bundle/bundle-card';
import { HandoverCard } from '../bundle/handover-card';
import { HolidayImport } from './holiday-import';
import { ProfileChange } from './profile-change';
import { OrganisationChange } from './organisation-change';

export function SettingsPage() {
  const { bookId, status, statusError, openNewBook, readOnly, refresh } = useBook();
  const queryClient = useQueryClient();
  const [creating, setCreating] = useState(false);
  const orgState = useServiceQuery('org.get', { bookId });
  const calendarState = useServiceQuery('calendar.status', {});
  const org: OrgView | null = orgState.data ?? null;
  const calendar: CalendarView | null = calendarState.data ?? null;
  const error = errorText(orgState.error);

  if (creating) {
    return (
      <SetupWizard
        onCancel={() => setCreating(false)}
        onDone={(id) => {
          setCreating(false);
          openNewBook(id);
        }}
      />
    );
  }

  const o = org?.organisation;
  const thisYear = new Date().getFullYear();
  const years = [...(calendar?.builtInYears ?? []), ...(calendar?.importedYears ?? [])];
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="settings">
      {(error ?? statusError) && <Alert type="error" showIcon title={error ?? statusError} />}
      {status ? <KeyFingerprint status={status} orgName={o?.orgName} /> : <Spin />}
      <KeyProtectionAlert />
      <BundleCard />
      <HandoverCard orgName={o?.orgName} />
      <Card
        title="组织与规则方案"
        className="no-print"
        extra={
          org && (
            <Space>
              {o && (
                <OrganisationChange bookId={bookId} current={o} disabled={readOnly} onChanged={() => void refresh()} />
              )}
              <ProfileChange
                bookId={bookId}
                current={org.profile.id}
                disabled={readOnly}
                onChanged={() => void refresh()}
              />
            </Space>
          )
        }
      >
        {org ? (
          <Descriptions
            size="small"
            bordered
            column={2}
            items={[
              { key: 'soc', label: '学会名称', children: o?.societyName ?? '—' },
              { key: 'org', label: '党组织名称', children: o?.orgName ?? '—' },
              { key: 'form', label: '组织形式', children: o ? ORG_FORMS[o.form] : '—' },
              { key: 'term', label: '任期', children: o ? `${o.termStart} 至 ${o.termEnd}` : '—' },
              { key: 'sup', label: '主管党组织', children: o?.supervisingOffice ?? '—' },
              { key: 'rec', label: '记录人', children: o?.recorder ?? '—' },
              {
                key: 'profile',
                label: '规则方案',
                span: 2,
                children: (
                  <div data-testid="profile-rules">
                    <Typography.Text strong>{org.profile.label}</Typography.Text>
                    <ul style={{ margin: '4px 0 0', paddingLeft: 18 }}>
                      {org.profile.rules.map((r) => (
                        <li key={r}>{r}</li>
                      ))}
                    </ul>
                  </div>
                ),
              },
            ]}
          />
        ) : (
          <Spin />
        )}
      </Card>
      <Card title="法定节假日数据" className="no-print">
        <Typography.Paragraph>
          纪要备案期限按工作日计算（周末、法定节假日不计，调休上班日计入）。已有数据的年份：
          {years.length ? years.sort().map((y) => <Tag key={y}>{y}</Tag>) : '无'}
        </Typography.Paragraph>
        {calendar && !years.includes(thisYear + 1) && (
          <Alert
            type="info"
            showIcon
            title={`尚无 ${thisYear + 1} 年的节假日安排。国务院办公厅公布后，请导入下一年的安排，以便准确计算备案期限。`}
          />
        )}
        <div style={{ marginTop: 12 }}>
          {/* Filing deadlines of every book count working days: re-read everything. */}
          <HolidayImport onImported={() => void queryClient.invalidateQueries()} />
        </div>
      </Card>
      <Card title="其他记录本" className="no-print">
        <Typography.Paragraph type="secondary">
          同一台电脑可以保存多个组织的记录本，在窗口顶部切换。
        </Typography.Paragraph>
        <Button icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="create-another-book">
          新建另一本记录本
        </Button>
      </Card>
    </Space>
  );
}
