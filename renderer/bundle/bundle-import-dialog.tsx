/**
 * 导入数据包: choose a bundle (desktop: the native dialog; browser: a file input, uploaded
 * with progress), see what it SAYS it is (not verified yet) with the key fingerprint to compare
 * with the paper 备案, confirm (tick, or type the fingerprint), then the service verifies
 * everything and imports — or keeps the bundle as evidence of an alarm.
 */
import { useState } from 'react';
import { Alert, Button, Checkbox, Descriptions, Input, Modal, Progress, Result, Space, Spin, Typography } from 'antd';
import type { BundleImportView, BundleInspectView } from '../../db/contract';
import { bundleFiles, errorMessage } from '../api';
import { useApi } from '../api-context';
import { useRequestId } from '../app/use-request-id';
import { AlarmView } from './alarm-view';
import { ReceiptChecks } from '../receipts/receipt-checks';

const mono = {
  fontFamily: 'ui-monospace, SFMono-Regular, Consolas, "Courier New", monospace',
  wordBreak: 'break-all' as const,
};
const MB = 1024 * 1024;

type Step =
  | { step: 'choose' }
  | { step: 'uploading'; fraction: number; fileName: string }
  | { step: 'confirm'; inspect: BundleInspectView }
  | { step: 'verifying'; inspect: BundleInspectView }
  | { step: 'done'; result: BundleImportView; inspect: BundleInspectView };

export function BundleImportDialog({
  open,
  onClose,
  onImported,
}: {
  open: boolean;
  onClose: () => void;
  onImported: (bookId: string) => void;
}) {
  const api = useApi();
  const { requestId, renew } = useRequestId();
  const [state, setState] = useState<Step>({ step: 'choose' });
  const [error, setError] = useState<string | null>(null);
  const [ticked, setTicked] = useState(false);
  const [typed, setTyped] = useState('');

  const reset = () => {
    setState({ step: 'choose' });
    setError(null);
    setTicked(false);
    setTyped('');
    renew();
  };
  const close = () => {
    if (state.step === 'confirm') void api['bundles.discard']({ upload: state.inspect.upload }).catch(() => undefined);
    reset();
    onClose();
  };
  const inspect = async (upload: string) =>
    setState({ step: 'confirm', inspect: await api['bundles.inspect']({ upload }) });

  const chooseDesktop = async () => {
    setError(null);
    try {
      const picked = await bundleFiles.pick();
      if (picked) await inspect(picked.upload);
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  const chooseBrowser = async (file: File | undefined) => {
    if (!file) return;
    setError(null);
    setState({ step: 'uploading', fraction: 0, fileName: file.name });
    try {
      const upload = await bundleFiles.upload(file, (fraction) =>
        setState({ step: 'uploading', fraction, fileName: file.name }),
      );
      await inspect(upload);
    } catch (e) {
      setState({ step: 'choose' });
      setError(errorMessage(e));
    }
  };
  const run = async (info: BundleInspectView) => {
    setError(null);
    setState({ step: 'verifying', inspect: info });
    try {
      const first = info.pinned === null;
      const fingerprint = first ? (typed.trim() !== '' ? typed : (info.keyId ?? '')) : undefined;
      const result = await api['bundles.import']({
        requestId,
        upload: info.upload,
        ...(fingerprint !== undefined ? { fingerprint } : {}),
      });
      setState({ step: 'done', result, inspect: info });
      if ((result.outcome === 'imported' || result.outcome === 'extended') && result.bookId) onImported(result.bookId);
    } catch (e) {
      setState({ step: 'confirm', inspect: info });
      setError(errorMessage(e));
    }
  };

  const body = () => {
    switch (state.step) {
      case 'choose':
        return (
          <Space orientation="vertical" style={{ width: '100%' }}>
            <Typography.Paragraph>
              选择记录人导出的记录本数据包（.zip）。导入前会完整核验：清单哈希、签名、记录链、默克尔树根与密钥记录；首次导入需与纸质备案核对密钥指纹。
            </Typography.Paragraph>
            {bundleFiles.desktop ? (
              <Button type="primary" onClick={() => void chooseDesktop()} data-testid="bundle-choose">
                选择数据包文件…
              </Button>
            ) : (
              <input
                type="file"
                accept=".zip,application/zip"
                aria-label="选择数据包文件"
                data-testid="bundle-file-input"
                onChange={(e) => void chooseBrowser(e.target.files?.[0])}
              />
            )}
          </Space>
        );
      case 'uploading':
        return (
          <div data-testid="bundle-uploading">
            <Typography.Paragraph>正在读取 {state.fileName}…</Typography.Paragraph>
            <Progress percent={Math.round(state.fraction * 100)} />
          </div>
        );
      case 'verifying':
        return (
          <Spin description="正在完整核验数据包并导入，大的数据包需要一些时间…">
            <div style={{ height: 80 }} data-testid="bundle-verifying" />
          </Spin>
        );
      case 'confirm':
        return <Confirm info={state.inspect} ticked={ticked} setTicked={setTicked} typed={typed} setTyped={setTyped} />;
      case 'done':
        return <Outcome result={state.result} onLeave={close} />;
    }
  };

  const info = state.step === 'confirm' ? state.inspect : null;
  const normalize = (s: string) => s.replace(/\s+/gu, '').replace(/^sha256:/iu, 'SHA256:');
  const canImport =
    info !== null &&
    (info.pinned !== null ||
      ticked ||
      (typed.trim() !== '' && normalize(typed) === normalize(info.keyId ?? '')) ||
      typed.trim().length > 20);
  const footer =
    state.step === 'confirm'
      ? [
          <Button key="cancel" onClick={close}>
            取消
          </Button>,
          <Button
            key="go"
            type="primary"
            disabled={!canImport}
            onClick={() => info && void run(info)}
            data-testid="bundle-import-confirm"
          >
            核验并导入
          </Button>,
        ]
      : state.step === 'done'
        ? [
            <Button key="again" onClick={reset}>
              导入另一个
            </Button>,
            <Button key="close" type="primary" onClick={close} data-testid="bundle-import-close">
              关闭
            </Button>,
          ]
        : [
            <Button key="cancel" onClick={close} disabled={state.step !== 'choose'}>
              取消
            </Button>,
          ];

  return (
    <Modal
      open={open}
      title="导入数据包"
      width={760}
      onCancel={state.step === 'uploading' || state.step === 'verifying' ? undefined : close}
      footer={footer}
      destroyOnHidden
      data-testid="bundle-import-dialog"
    >
      {error && (
        <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid="bundle-import-error" />
      )}
      {body()}
    </Modal>
  );
}

function Confirm({
  info,
  ticked,
  setTicked,
  typed,
  setTyped,
}: {
  info: BundleInspectView;
  ticked: boolean;
  setTicked: (v: boolean) => void;
  typed: string;
  setTyped: (v: string) => void;
}) {
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="bundle-confirm">
      <Alert type="info" showIcon title="以下是数据包自称的内容，尚未核验；点击“核验并导入”后才完整核验。" />
      <Descriptions
        size="small"
        bordered
        column={1}
        items={[
          { key: 'org', label: '组织', children: info.orgName ?? '（未写明）' },
          { key: 'name', label: '记录本', children: info.name ?? '—' },
          { key: 'id', label: '记录本编号', children: <span style={mono}>{info.bookId}</span> },
          { key: 'size', label: '记录条数', children: info.size === null ? '—' : `${info.size} 条` },
          {
            key: 'bytes',
            label: '大小',
            children: `${(info.bytes / MB).toFixed(1)} MB（附件 ${info.attachments} 个）`,
          },
          {
            key: 'key',
            label: '密钥指纹',
            children: (
              <Typography.Text strong style={{ ...mono, fontSize: 15 }} data-testid="bundle-fingerprint">
                {info.keyId ?? '（无法读取）'}
              </Typography.Text>
            ),
          },
        ]}
      />
      {info.pinned ? (
        <Alert
          type="success"
          showIcon
          data-testid="bundle-pinned"
          title={`本机已导入过这本记录本（${info.pinned.size} 条，密钥 ${info.pinned.keyId}）。导入时将核验新数据包是否为其延续；否则报警并保存证据。`}
        />
      ) : info.localBook ? (
        <Alert
          type="warning"
          showIcon
          title="本机已有同一编号的记录本（本机自己的或恢复的），只有内容完全相同时才不报错；不会覆盖或合并。"
        />
      ) : (
        <div data-testid="bundle-first-import">
          <Typography.Paragraph strong>首次导入：请把上面的密钥指纹与纸质备案上的逐字核对。</Typography.Paragraph>
          <Checkbox
            checked={ticked}
            onChange={(e) => setTicked(e.target.checked)}
            data-testid="bundle-fingerprint-confirm"
          >
            我已逐字核对，密钥指纹与纸质备案一致
          </Checkbox>
          <Typography.Paragraph type="secondary" style={{ margin: '8px 0 4px' }}>
            或者照纸质备案输入指纹（以备案为准）：
          </Typography.Paragraph>
          <Input
            value={typed}
            onChange={(e) => setTyped(e.target.value)}
            placeholder="SHA256:…"
            aria-label="照备案输入密钥指纹"
            style={mono}
            data-testid="bundle-fingerprint-typed"
          />
        </div>
      )}
    </Space>
  );
}

function Outcome({ result, onLeave }: { result: BundleImportView; onLeave: () => void }) {
  if (result.outcome === 'alarm') {
    return (
      <Space orientation="vertical" style={{ width: '100%' }} data-testid="bundle-import-result" data-outcome="alarm">
        <Alert type="error" showIcon title={result.message} />
        {result.alarms.map((a) => (
          <AlarmView key={a.id} alarm={a} onOpenEvidence={onLeave} />
        ))}
        <ReceiptChecks receipts={result.receipts ?? []} />
      </Space>
    );
  }
  const good = result.outcome === 'imported' || result.outcome === 'extended' || result.outcome === 'unchanged';
  return (
    <div data-testid="bundle-import-result" data-outcome={result.outcome}>
      <Result
        status={good ? 'success' : result.outcome === 'needs-fingerprint' ? 'info' : 'error'}
        title={good ? '核验通过' : '没有导入'}
        subTitle={result.message}
      />
      {result.failedChecks.length > 0 && (
        <ul data-testid="bundle-failed-checks">
          {result.failedChecks.map((c) => (
            <li key={c}>{c}</li>
          ))}
        </ul>
      )}
      <ReceiptChecks receipts={result.receipts ?? []} />
    </div>
  );
}
