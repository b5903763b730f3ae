/** Wizard step 4: everything once more before the book is created (and its first entry sealed). */
import { Alert, Descriptions, Table, Typography } from 'antd';
import { MEMBER_ROLES, ORG_FORMS, type MemberJoin } from '../../db/contract';
import type { z } from 'zod';
import type { organisation } from '../../db/contract';
import type { ProfileChoice } from '../../db/contract';
import { errorMessage } from '../api';
import { useProfileDescription } from './use-profiles';

/** The chosen profile as the service will check it (a custom one with its parameters). */
function ProfileSummary({ choice }: { choice: ProfileChoice }) {
  const { data, error } = useProfileDescription(choice);
  if (error)
    return (
      <Typography.Text type="danger" data-testid="review-profile-error">
        {errorMessage(error)}
      </Typography.Text>
    );
  if (!data) return <Typography.Text type="secondary">正在读取规则…</Typography.Text>;
  return (
    <div data-testid="review-profile">
      <Typography.Text strong>{data.label}</Typography.Text>
      <ul style={{ margin: '4px 0 0', paddingLeft: 20 }}>
        {data.rules.map((r) => (
          <li key={r}>{r}</li>
        ))}
      </ul>
    </div>
  );
}

export function ReviewStep({
  org,
  profile,
  members,
  error,
}: {
  org: z.output<typeof organisation>;
  profile: ProfileChoice;
  members: MemberJoin[];
  error: string | null;
}) {
  return (
    <div data-testid="wizard-review">
      <Typography.Paragraph type="secondary">
        创建后，以上内容作为记录本的第一条记录封存，以后只能以“更正”或变更记录的方式修改，不能改写。
      </Typography.Paragraph>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid="wizard-error" />}
      <Descriptions
        size="small"
        bordered
        column={2}
        items={[
          { key: 's', label: '学会名称', children: org.societyName },
          { key: 'o', label: '党组织名称', children: org.orgName },
          { key: 'f', label: '组织形式', children: ORG_FORMS[org.form] },
          { key: 't', label: '任期', children: `${org.termStart} 至 ${org.termEnd}` },
          { key: 'so', label: '主管党组织', children: org.supervisingOffice },
          { key: 'c', label: '党建联系人', children: org.contactPerson },
          { key: 'r', label: '记录人', children: org.recorder },
          {
            key: 'a',
            label: '成立批复',
            children: org.approval ? `${org.approval.docNo}（${org.approval.date}）` : '未填写',
          },
          { key: 'p', label: '规则方案', span: 2, children: <ProfileSummary choice={profile} /> },
        ]}
      />
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        成员（{members.length} 人）
      </Typography.Title>
      <Table
        size="small"
        pagination={false}
        rowKey="key"
        dataSource={members.map((m, key) => ({ ...m, key }))}
        columns={[
          { title: '姓名', render: (_, m: MemberJoin) => m.person.name },
          { title: '职务', render: (_, m: MemberJoin) => MEMBER_ROLES[m.role] },
          { title: '加入日期', dataIndex: 'joinedOn' },
          { title: '批复', render: (_, m: MemberJoin) => `${m.approval.docNo}（${m.approval.date}）` },
        ]}
      />
    </div>
  );
}
