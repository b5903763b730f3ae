/**
 * The roster (成员名册) with each member's change history, the composition warnings of the
 * rule profile, and the three member changes, each sealed with its 批复.
 */
import { useState } from 'react';
import { Alert, App, Button, Card, Empty, Popconfirm, Space, Table, Tag, Timeline, Typography } from 'antd';
import { UserAddOutlined } from '@ant-design/icons';
import type { MemberView, OrgView } from '../../db/contract';
import { useApi } from '../api-context';
import { errorMessage } from '../api';
import { useBook } from '../app/book-context';
import { errorText, useServiceQuery } from '../app/service-query';
import { navigate } from '../app/routes';
import { MemberJoinModal } from './member-join-modal';
import { MemberChangeModal, type ChangeKind } from './member-change-modal';
import { roleOptions } from './role-options';
import { useRequestId } from '../app/use-request-id';
import { MemberDocuments } from '../documents';

export function MembersPage() {
  const api = useApi();
  const { message } = App.useApp();
  const { bookId, readOnly, refresh } = useBook();
  const [joining, setJoining] = useState(false);
  const [change, setChange] = useState<{ kind: ChangeKind; member: MemberView } | null>(null);
  const { requestId, renew } = useRequestId();
  const membersQuery = useServiceQuery('members.list', { bookId });
  const orgQuery = useServiceQuery('org.get', { bookId });
  const members = membersQuery.data ?? null;
  const org: OrgView | null = orgQuery.data ?? null;
  const error = errorText(membersQuery.error ?? orgQuery.error);
  const retry = () => {
    if (membersQuery.error) void membersQuery.refetch();
    if (orgQuery.error) void orgQuery.refetch();
  };

  const after = async (text: string) => {
    message.success(text);
    await refresh();
  };
  const form = org?.organisation?.form;
  const options = roleOptions(form);

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      {(org?.composition ?? []).map((f) => (
        <Alert key={f.code} type="warning" showIcon title={f.message} data-testid="composition-warning" />
      ))}
      {error && (
        <Alert
          type="error"
          showIcon
          title={error}
          action={
            <Button size="small" onClick={retry}>
              重试
            </Button>
          }
        />
      )}
      <Card
        title={
          <Space>
            成员名册
            {org && (
              <Typography.Text type="secondary" style={{ fontWeight: 'normal' }}>
                在任 {org.memberCount} 人
              </Typography.Text>
            )}
          </Space>
        }
        extra={
          <Space>
            <MemberDocuments bookId={bookId} />
            {!readOnly && (
              <Button
                type="primary"
                icon={<UserAddOutlined />}
                onClick={() => setJoining(true)}
                data-testid="member-join-button"
              >
                成员加入
              </Button>
            )}
          </Space>
        }
      >
        <Table<MemberView>
          rowKey="memberId"
          loading={membersQuery.isPending}
          dataSource={members ?? []}
          pagination={false}
          locale={{
            emptyText: (
              <Empty description="还没有成员">
                {!readOnly && (
                  <Button type="primary" onClick={() => setJoining(true)}>
                    登记第一位成员
                  </Button>
                )}
              </Empty>
            ),
          }}
          expandable={{
            expandedRowRender: (m) => (
              <Timeline
                data-testid={`member-history-${m.memberId}`}
                items={m.history.map((h) => ({
                  key: h.seq,
                  content: (
                    <span>
                      {h.date}
                      {'\u3000'}
                      {h.summary}
                      {h.approval && (
                        <Typography.Text type="secondary">
                          （批复：{h.approval.docNo}，{h.approval.date}）
                        </Typography.Text>
                      )}
                      {'\u3000'}
                      <Typography.Link onClick={() => navigate({ page: 'entry', seq: h.seq })}>
                        第 {h.seq} 条
                      </Typography.Link>
                    </span>
                  ),
                }))}
              />
            ),
            rowExpandable: (m) => m.history.length > 0,
          }}
          columns={[
            { title: '姓名', render: (_, m) => m.person.name },
            { title: '性别', width: 64, render: (_, m) => m.person.gender },
            { title: '职务', render: (_, m) => m.roleLabel },
            { title: '加入日期', dataIndex: 'joinedOn' },
            {
              title: '中共党员',
              width: 96,
              render: (_, m) => (m.person.isCpcMember ? '是' : <Tag color="orange">否</Tag>),
            },
            { title: '入党时间', render: (_, m) => m.person.partyJoinDate ?? '—' },
            {
              title: '状态',
              render: (_, m) => (m.active ? <Tag color="green">在任</Tag> : <Tag>已离任 {m.leftOn ?? ''}</Tag>),
            },
            {
              title: '操作',
              render: (_, m) =>
                m.active && !readOnly ? (
                  <Space size={0}>
                    <Button type="link" onClick={() => setChange({ kind: 'role', member: m })}>
                      职务变更
                    </Button>
                    <Popconfirm
                      title={`为${m.person.name}办理离任？`}
                      description="离任封存后不能撤销，此后不再计入应到人数。"
                      okText="办理离任"
                      cancelText="取消"
                      okButtonProps={{ danger: true }}
                      onConfirm={() => setChange({ kind: 'leave', member: m })}
                    >
                      <Button type="link" danger>
                        离任
                      </Button>
                    </Popconfirm>
                  </Space>
                ) : null,
            },
          ]}
        />
      </Card>
      <MemberJoinModal
        open={joining}
        bookId={bookId}
        title="成员加入"
        confirmText="封存"
        roleOptions={options}
        onCancel={() => setJoining(false)}
        onSubmit={async (member) => {
          try {
            const r = await api['members.join']({ bookId, requestId, ...member });
            renew();
            setJoining(false);
            await after(`${member.person.name} 加入已封存为第 ${r.seq} 条记录`);
          } catch (e) {
            message.error(errorMessage(e));
          }
        }}
      />
      {change && (
        <MemberChangeModal
          kind={change.kind}
          bookId={bookId}
          member={change.member}
          roleOptions={options}
          onCancel={() => setChange(null)}
          onSubmit={async (v) => {
            const { member } = change;
            try {
              const r =
                change.kind === 'leave'
                  ? await api['members.leave']({
                      bookId,
                      requestId,
                      memberId: member.memberId,
                      leftOn: v.date,
                      reason: v.reason,
                      approval: v.approval,
                    })
                  : await api['members.changeRole']({
                      bookId,
                      requestId,
                      memberId: member.memberId,
                      role: v.role ?? member.role,
                      changedOn: v.date,
                      reason: v.reason,
                      approval: v.approval,
                    });
              setChange(null);
              renew();
              await after(
                `${member.person.name}${change.kind === 'leave' ? '离任' : '职务变更'}已封存为第 ${r.seq} 条记录`,
              );
            } catch (e) {
              message.error(errorMessage(e));
            }
          }}
        />
      )}
    </Space>
  );
}
