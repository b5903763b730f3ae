/**
 * 党建联络员 set-up: name and office → `liaison.setup` (its own book and signing key in this
 * data folder), then the fingerprint to print for 备案. One installation may also hold
 * organisations' books (记录人); only one liaison identity per data folder.
 */
import { useState } from 'react';
import { Alert, Button, Card, Form, Input, Result, Space, Typography } from 'antd';
import { liaisonIdentity, line, type LiaisonView } from '../../db/contract';
import { useApi } from '../api-context';
import { errorMessage } from '../api';
import { parseInto, zodRule } from '../forms/zod-form';
import { enterSubmits } from '../forms/enter-submit';
import { useRequestId } from '../app/use-request-id';
import { LiaisonIdentityCard } from '../liaison/identity-card';
import { KeyProtectionAlert } from '../app/key-protection-alert';

export function LiaisonSetup({
  onDone,
  onCancel,
  onCreated,
}: {
  /** After the fingerprint was shown: open the workspace (the liaison's book id). */
  onDone: (liaisonBookId: string) => void;
  onCancel?: () => void;
  /** The identity exists (its fingerprint is on screen): the first run hides its role choice. */
  onCreated?: () => void;
}) {
  const api = useApi();
  const [form] = Form.useForm();
  const { requestId } = useRequestId();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [created, setCreated] = useState<LiaisonView | null>(null);

  const submit = async () => {
    try {
      await form.validateFields();
    } catch {
      return;
    }
    const parsed = parseInto(form, liaisonIdentity, form.getFieldsValue(true));
    if (!parsed) return;
    setBusy(true);
    setError(null);
    try {
      setCreated(await api['liaison.setup']({ requestId, liaison: parsed }));
      onCreated?.();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  if (created) {
    return (
      <div style={{ maxWidth: 860, margin: '32px auto', padding: '0 16px' }} data-testid="liaison-setup-done">
        <Result
          className="no-print"
          status="success"
          title="党建联络员身份已设立"
          subTitle={`${created.name}（${created.office}）的签名密钥已在本机生成，抽查记录将封存在您自己的联络员记录本中。`}
        />
        <LiaisonIdentityCard liaison={created} />
        <div style={{ marginTop: 16 }}>
          <KeyProtectionAlert />
        </div>
        <div className="no-print" style={{ textAlign: 'center', marginTop: 24 }}>
          <Button type="primary" size="large" onClick={() => onDone(created.bookId)} data-testid="liaison-enter">
            进入联络员工作台
          </Button>
        </div>
      </div>
    );
  }

  return (
    <Card title="设立党建联络员身份" data-testid="liaison-setup" style={{ maxWidth: 720, margin: '0 auto' }}>
      <Typography.Paragraph type="secondary">
        联络员在本机导入各学会交来的数据包，抽查记录并出具签名回执。请填写您的姓名和工作单位；程序将为您生成签名密钥。
      </Typography.Paragraph>
      <Form form={form} layout="vertical" onKeyDown={enterSubmits(submit)} data-testid="liaison-setup-form">
        <Form.Item name="name" label="姓名" rules={[zodRule(line(50), true)]}>
          <Input maxLength={50} autoFocus />
        </Form.Item>
        <Form.Item name="office" label="工作单位" rules={[zodRule(line(200), true)]} extra="例如：科技社团党委组织部">
          <Input maxLength={200} />
        </Form.Item>
      </Form>
      {error && (
        <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid="liaison-setup-error" />
      )}
      <Space style={{ display: 'flex', justifyContent: 'flex-end' }}>
        {onCancel && <Button onClick={onCancel}>取消</Button>}
        <Button type="primary" loading={busy} onClick={() => void submit()} data-testid="liaison-setup-submit">
          设立并生成签名密钥
        </Button>
      </Space>
    </Card>
  );
}
