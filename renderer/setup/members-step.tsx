/** Wizard step 3: the members at set-up; at least the leader (组长 or 书记). */
import { useMemo, useState } from 'react';
import { Alert, Button, Empty, Table, Typography } from 'antd';
import { DeleteOutlined, UserAddOutlined } from '@ant-design/icons';
import { MEMBER_ROLES, type MemberJoin, type OrgForm } from '../../db/contract';
import { MemberJoinModal, type MemberJoinValues } from '../members/member-join-modal';
import { isLeaderRole, leaderRoleFor, roleOptions } from '../members/role-options';

export interface MembersStepProps {
  members: MemberJoin[];
  onChange: (members: MemberJoin[]) => void;
  form: OrgForm | undefined;
  defaults: Partial<MemberJoinValues>;
  showLeaderError: boolean;
}

export function MembersStep({ members, onChange, form, defaults, showLeaderError }: MembersStepProps) {
  const [open, setOpen] = useState(false);
  const hasLeader = members.some((m) => isLeaderRole(m.role));
  const modalDefaults = useMemo(
    () => ({ ...defaults, role: hasLeader ? undefined : leaderRoleFor(form) }),
    [defaults, hasLeader, form],
  );

  return (
    <div data-testid="wizard-members">
      <Typography.Paragraph type="secondary">
        登记成立时的成员，至少包括{leaderRoleFor(form) === 'leader' ? '组长' : '书记'}
        。每位成员的加入都需要主管党组织的批复文号和日期。以后的成员变动在“成员”页面记录。
      </Typography.Paragraph>
      {showLeaderError && !hasLeader && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="wizard-leader-error"
          title={`请至少登记一名${leaderRoleFor(form) === 'leader' ? '组长' : '书记'}。`}
        />
      )}
      <Button
        type="primary"
        icon={<UserAddOutlined />}
        onClick={() => setOpen(true)}
        style={{ marginBottom: 12 }}
        data-testid="wizard-add-member"
      >
        添加成员
      </Button>
      <Table<MemberJoin & { key: number }>
        size="small"
        pagination={false}
        dataSource={members.map((m, key) => ({ ...m, key }))}
        locale={{ emptyText: <Empty description="还没有添加成员" /> }}
        columns={[
          { title: '姓名', render: (_, m) => m.person.name },
          { title: '性别', render: (_, m) => m.person.gender },
          { title: '职务', render: (_, m) => MEMBER_ROLES[m.role] },
          { title: '中共党员', render: (_, m) => (m.person.isCpcMember ? '是' : '否') },
          { title: '加入日期', dataIndex: 'joinedOn' },
          { title: '批复文号', render: (_, m) => m.approval.docNo },
          {
            title: '操作',
            render: (_, m) => (
              <Button
                type="link"
                danger
                icon={<DeleteOutlined />}
                aria-label={`移除 ${m.person.name}`}
                onClick={() => onChange(members.filter((_x, i) => i !== m.key))}
              >
                移除
              </Button>
            ),
          },
        ]}
      />
      <MemberJoinModal
        open={open}
        title="添加成员"
        roleOptions={roleOptions(form)}
        defaults={modalDefaults}
        confirmText="添加"
        onCancel={() => setOpen(false)}
        onSubmit={(member) => {
          onChange([...members, member]);
          setOpen(false);
        }}
      />
    </div>
  );
}
