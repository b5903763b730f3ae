/**
 * 核对纸质页: a printed page's code, typed or read from a photo or scan of the page (its QR),
 * checked against the sealed record (print.checkCode): which book, entry and print it is,
 * whether its fingerprints match, and the page as the record holds it beside the photo, so a
 * substituted, altered or missing page is found by looking.
 */
import { useEffect, useRef, useState } from 'react';
import { Alert, Button, Card, Col, Descriptions, Input, Row, Space, Spin, Typography } from 'antd';
import { CheckCircleFilled, CloseCircleFilled, PictureOutlined } from '@ant-design/icons';
import type { PrintCheckView } from '../../db/contract';
import { useApi } from '../api-context';
import { errorMessage } from '../api';
import { PrintPreview } from './print-preview';
import { qrFromPhoto } from './photo-qr';
import { remakePage, type RemadePage } from './remake-page';

type Remade = { state: 'busy' } | { state: 'done'; page: RemadePage } | { state: 'failed'; error: string };

/** What the re-made page says about this computer's layout (its own code against the checked one). */
function RemadeNote({ remade, result }: { remade: Remade; result: PrintCheckView }) {
  if (remade.state === 'busy')
    return <Spin size="small" description="正在按封存记录重新排出这一页…" data-testid="check-remaking" />;
  if (remade.state === 'failed')
    return (
      <Alert
        type="warning"
        showIcon
        data-testid="check-remade"
        style={{ marginBottom: 8 }}
        title={`未能重新排出这一页：${remade.error}。下面显示该条记录的全文，请对照。`}
      />
    );
  const { page } = remade;
  const n = result.page ?? 0;
  if (page.matches)
    return (
      <Alert
        type="success"
        showIcon
        data-testid="check-remade"
        style={{ marginBottom: 8 }}
        title={`该页与记录中的第 ${n} 页一致`}
        description={`本机按第 ${result.reprint?.atSize ?? ''} 条的校验点、${page.paper} 纸重新排出了该次打印（共 ${page.pageCount} 页），其第 ${n} 页的核对码与所核对的相同。请逐行对照照片或手中的纸页：内容应完全相同。`}
      />
    );
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="check-remade"
      style={{ marginBottom: 8 }}
      title={`本机重新排出的第 ${n} 页与打印时的分页不同`}
      description={
        page.madeCode
          ? `本机排出的该次打印共 ${page.pageCount} 页，第 ${n} 页的核对码为 ${page.madeCode}，与所核对的不同：这台电脑的字体或纸张与打印时不同，分页有出入。下面仍显示本机排出的第 ${n} 页，请对照内容。`
          : `本机排出的该次打印只有 ${page.pageCount} 页，没有第 ${n} 页：这台电脑的字体或纸张与打印时不同。下面显示本机排出的全部页面，请对照内容。`
      }
    />
  );
}

export function CheckPage() {
  const api = useApi();
  const [code, setCode] = useState('');
  const [result, setResult] = useState<PrintCheckView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [photo, setPhoto] = useState<string | null>(null);
  const [remade, setRemade] = useState<Remade | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  /** The latest check: a re-made page of an earlier one is dropped. */
  const latest = useRef(0);

  useEffect(
    () => () => {
      if (photo) URL.revokeObjectURL(photo);
    },
    [photo],
  );

  const remake = async (checked: PrintCheckView, run: number) => {
    setRemade({ state: 'busy' });
    let next: Remade;
    try {
      next = { state: 'done', page: await remakePage(api, checked) };
    } catch (e) {
      next = { state: 'failed', error: e instanceof Error ? e.message : errorMessage(e) };
    }
    if (latest.current === run) setRemade(next);
  };

  const check = async (text: string) => {
    const run = ++latest.current;
    setBusy(true);
    setError(null);
    setRemade(null);
    let checked: PrintCheckView | null = null;
    try {
      checked = await api['print.checkCode']({ code: text });
      setResult(checked);
    } catch (e) {
      setResult(null);
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
    if (checked?.accepted && checked.reprint && latest.current === run) await remake(checked, run);
  };

  const openPhoto = async (file: File | undefined) => {
    if (!file) return;
    latest.current++;
    setPhoto(URL.createObjectURL(file));
    setResult(null);
    setRemade(null);
    setError(null);
    try {
      const found = await qrFromPhoto(file);
      if (!found) {
        setError('未能在图片中识别出二维码：请拍清楚页面右上角的二维码（光线均匀、不要倾斜），或直接输入页脚的核对码');
        return;
      }
      setCode(found);
      await check(found);
    } catch (e) {
      setError(e instanceof Error ? e.message : errorMessage(e));
    }
  };

  return (
    <Card title="核对纸质页" data-testid="check-page">
      <Space direction="vertical" style={{ width: '100%' }} size="middle">
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
          输入打印页页脚的核对码，或打开该页的照片、扫描件（识别右上角的二维码），核对它是否与封存的电子记录一致。
        </Typography.Paragraph>
        <Space wrap>
          <Input.Search
            aria-label="核对码"
            placeholder="DJ2/…"
            value={code}
            onChange={(e) => setCode(e.target.value)}
            enterButton="核对"
            loading={busy}
            onSearch={(v) => void check(v)}
            style={{ width: 520 }}
            data-testid="check-code"
          />
          <Button
            icon={<PictureOutlined />}
            onClick={() => fileInput.current?.click()}
            data-testid="check-photo-button"
          >
            打开照片或扫描件
          </Button>
          <input
            ref={fileInput}
            type="file"
            accept="image/*"
            hidden
            data-testid="check-photo"
            onChange={(e) => {
              void openPhoto(e.target.files?.[0]);
              e.target.value = '';
            }}
          />
        </Space>
        {error && <Alert type="error" showIcon title={error} data-testid="check-error" />}
        {result && (
          <Alert
            data-testid="check-result"
            type={result.accepted ? 'success' : 'error'}
            showIcon
            title={result.accepted ? '与封存记录一致' : `不一致：${result.reason ?? ''}`}
            description={
              <Descriptions
                size="small"
                column={1}
                items={[
                  ...(result.bookName
                    ? [{ key: 'b', label: '记录本', children: `${result.bookName}（${result.bookId ?? ''}）` }]
                    : []),
                  ...(result.seq !== undefined
                    ? [
                        {
                          key: 's',
                          label: '条目',
                          children:
                            result.seq === 0
                              ? (result.title ?? '封面与目录')
                              : `第 ${result.seq} 条${result.title ? `：${result.title}` : ''}`,
                        },
                      ]
                    : []),
                  ...(result.page !== undefined && result.pageCount !== undefined
                    ? [{ key: 'n', label: '页码', children: `第 ${result.page} 页，共 ${result.pageCount} 页` }]
                    : []),
                  ...(result.scope ? [{ key: 'p', label: '打印范围', children: result.scope }] : []),
                  ...result.checks.map((c) => ({
                    key: c.label,
                    label: c.label,
                    children: (
                      <span>
                        {c.ok ? (
                          <CheckCircleFilled style={{ color: '#389e0d' }} />
                        ) : (
                          <CloseCircleFilled style={{ color: '#cf1322' }} />
                        )}{' '}
                        {c.detail}
                      </span>
                    ),
                  })),
                  {
                    key: 'c',
                    label: '核对码',
                    children: (
                      <Typography.Text code copyable>
                        {result.code}
                      </Typography.Text>
                    ),
                  },
                ]}
              />
            }
          />
        )}
        {(photo || result?.html) && (
          <Row gutter={16}>
            {photo && (
              <Col span={12}>
                <Typography.Title level={5}>照片 / 扫描件</Typography.Title>
                <img
                  src={photo}
                  alt="纸质页的照片"
                  style={{ width: '100%', border: '1px solid #d9d9d9' }}
                  data-testid="check-photo-view"
                />
              </Col>
            )}
            <Col span={photo ? 12 : 24}>
              <Typography.Title level={5}>封存记录中的这一页</Typography.Title>
              {!photo && (
                <Typography.Paragraph type="secondary">
                  未打开照片：请把手中的纸质页与下面这一页逐行对照。
                </Typography.Paragraph>
              )}
              {result && remade && <RemadeNote remade={remade} result={result} />}
              {remade?.state === 'busy' ? null : remade?.state === 'done' ? (
                <PrintPreview html={remade.page.html} title="封存记录中的这一页" height="70vh" />
              ) : result?.html ? (
                <PrintPreview html={result.html} title="封存记录中的这一页" height="70vh" />
              ) : (
                <Typography.Text type="secondary">（核对后在这里显示）</Typography.Text>
              )}
            </Col>
          </Row>
        )}
      </Space>
    </Card>
  );
}
