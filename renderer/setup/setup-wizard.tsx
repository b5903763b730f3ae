/**
 * First run (or a further book): organisation → rule profile → members → review →
 * `books.create`, then the key fingerprint to print for 备案 and how the key is protected.
 */
import { useMemo, useState, type ReactNode } from 'react';
import { Button, Card, Form, Result, Space, Steps, Typography } from 'antd';
import type { z } from 'zod';
import { organisation, type BookStatus, type MemberJoin } from '../../db/contract';
import { useApi } from '../api-context';
import { errorMessage } from '../api';
import { dropEmpty, parseInto } from '../forms/zod-form';
import { KeyFingerprint } from '../app/key-fingerprint';
import { KeyProtectionAlert } from '../app/key-protection-alert';
import { isLeaderRole } from '../members/role-options';
import { OrganisationStep } from './organisation-step';
import { ProfileStep } from './profile-step';
import { MembersStep } from './members-step';
import { ReviewStep } from './review-step';
import type { CustomRuleValues } from './custom-rules';
import { profileChoiceOf, type ProfileId } from './use-profiles';
import { useRequestId } from '../app/use-request-id';
import { enterSubmits } from '../forms/enter-submit';

type Org = z.output<typeof organisation>;

const STEPS = [
  { title: '组织信息', key: 'organisation' },
  { title: '规则方案', key: 'profile' },
  { title: '成员', key: 'members' },
  { title: '核对并创建', key: 'review' },
];

/** `aside`: shown under the introduction (the first run offers the demo book there). */
export function SetupWizard({
  onDone,
  onCancel,
  onCreated,
  aside,
}: {
  onDone: (bookId: string) => void;
  onCancel?: () => void;
  /** The book exists (its fingerprint is on screen): the first run hides its role choice. */
  onCreated?: () => void;
  aside?: ReactNode;
}) {
  const api = useApi();
  const [orgForm] = Form.useForm();
  const [step, setStep] = useState(0);
  const [org, setOrg] = useState<Org | null>(null);
  const [profile, setProfile] = useState<ProfileId>('beijing-work-group');
  const [custom, setCustom] = useState<CustomRuleValues>({});
  const [members, setMembers] = useState<MemberJoin[]>([]);
  const [leaderError, setLeaderError] = useState(false);
  const [creating, setCreating] = useState(false);
  const { requestId } = useRequestId();
  const [error, setError] = useState<string | null>(null);
  const [created, setCreated] = useState<BookStatus | null>(null);

  const memberDefaults = useMemo(
    () => ({ joinedOn: org?.termStart, approval: org?.approval ? { ...org.approval } : undefined }),
    [org],
  );

  const next = async () => {
    if (step === 0) {
      try {
        await orgForm.validateFields();
      } catch {
        return;
      }
      const raw = dropEmpty(orgForm.getFieldsValue(true)) as Record<string, unknown>;
      const approval = raw.approval as { docNo?: string; date?: string } | undefined;
      if (approval && (!approval.docNo || !approval.date)) {
        orgForm.setFields([
          { name: ['approval', approval.docNo ? 'date' : 'docNo'], errors: ['成立批复的文号和日期需同时填写'] },
        ]);
        return;
      }
      const parsed = parseInto(orgForm, organisation, raw);
      if (!parsed) return;
      setOrg(parsed);
    }
    if (step === 2 && !members.some((m) => isLeaderRole(m.role))) {
      setLeaderError(true);
      return;
    }
    setStep((s) => s + 1);
  };

  const create = async () => {
    if (!org) return;
    setCreating(true);
    setError(null);
    try {
      const status = await api['books.create']({
        requestId,
        organisation: org,
        profile: profileChoiceOf(profile, custom),
        members,
      });
      setCreated(status);
      onCreated?.();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setCreating(false);
    }
  };

  if (created) {
    return (
      <div style={{ maxWidth: 860, margin: '32px auto', padding: '0 16px' }} data-testid="wizard-done">
        <Result
          className="no-print"
          status="success"
          title="记录本已创建"
          subTitle={`${created.orgName ?? created.name}的工作记录本已建立，成立信息与成员已作为第一批记录封存。`}
        />
        <KeyFingerprint status={created} orgName={org?.orgName} />
        <div style={{ marginTop: 16 }}>
          <KeyProtectionAlert />
        </div>
        <div className="no-print" style={{ textAlign: 'center', marginTop: 24 }}>
          <Button type="primary" size="large" onClick={() => onDone(created.bookId)} data-testid="wizard-enter">
            进入记录本
          </Button>
        </div>
      </div>
    );
  }

  return (
    <div style={{ maxWidth: 960, margin: '32px auto', padding: '0 16px' }} data-testid="setup-wizard">
      <Typography.Title level={3}>建立党建工作记录本</Typography.Title>
      <Typography.Paragraph type="secondary">
        按照以下四步填写组织信息、选择规则方案并登记成员。创建后，记录本保存在本机，封存的记录不能改写。
      </Typography.Paragraph>
      {step === 0 && aside}
      <Steps
        current={step}
        items={STEPS.map((s) => ({ title: s.title }))}
        style={{ marginBottom: 24 }}
        data-testid="wizard-steps"
      />
      {/* Enter in a step's one-line field goes to the next step (a dialog inside handles its own Enter first). */}
      <Card data-testid={`wizard-step-${STEPS[step]?.key}`} onKeyDown={step < 3 ? enterSubmits(next) : undefined}>
        <div style={{ display: step === 0 ? 'block' : 'none' }}>
          <OrganisationStep form={orgForm} />
        </div>
        {step === 1 && <ProfileStep value={profile} onChange={setProfile} custom={custom} onCustomChange={setCustom} />}
        {step === 2 && (
          <MembersStep
            members={members}
            onChange={setMembers}
            form={org?.form}
            defaults={memberDefaults}
            showLeaderError={leaderError}
          />
        )}
        {step === 3 && org && (
          <ReviewStep org={org} profile={profileChoiceOf(profile, custom)} members={members} error={error} />
        )}
      </Card>
      <Space style={{ marginTop: 16, display: 'flex', justifyContent: 'flex-end' }}>
        {onCancel && <Button onClick={onCancel}>取消</Button>}
        {step > 0 && (
          <Button onClick={() => setStep((s) => s - 1)} data-testid="wizard-prev">
            上一步
          </Button>
        )}
        {step < 3 && (
          <Button type="primary" onClick={() => void next()} data-testid="wizard-next">
            下一步
          </Button>
        )}
        {step === 3 && (
          <Button type="primary" loading={creating} onClick={() => void create()} data-testid="wizard-create">
            创建记录本
          </Button>
        )}
      </Space>
    </div>
  );
}
