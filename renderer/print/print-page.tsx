/**
 * 打印: choose what to print (one entry, a selection, a date range or a whole year with cover
 * and contents) and the paper, see the pages, then print them or save a PDF. This browser
 * measures the print first (measure-frame.ts), so the pages shown are the pages printed, each
 * with its own number and code, and the contents carry page numbers here as in the desktop
 * app. Any failure is said in Chinese where the buttons are.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { Alert, App, Button, Card, Input, InputNumber, Radio, Space, Spin, Typography } from 'antd';
import { FilePdfOutlined, PrinterOutlined } from '@ant-design/icons';
import { PAPERS, type PrintView } from '../../db/contract';
import { useApi } from '../api-context';
import { errorMessage } from '../api';
import { useBook } from '../app/book-context';
import { isDesktop, previewTitle, printFrame, printOnDesktop } from './desktop-print';
import { measureInFrame, overflowIn } from './measure-frame';
import { PrintPreview } from './print-preview';
import { scopeInput, type PrintChoice } from './print-route';

type Paper = keyof typeof PAPERS;
type Kind = PrintChoice['kind'];

function parseSeqs(text: string): number[] | string {
  const parts = text.split(/[\s,，、]+/).filter(Boolean);
  if (parts.length === 0) return '请填写要打印的记录序号，例如 8 或 3, 12, 15';
  const seqs = parts.map(Number);
  if (seqs.some((s) => !Number.isInteger(s) || s < 1)) return '记录序号应为正整数，用逗号分隔';
  if (seqs.length > 30) return '一次最多选择 30 条，更多请按日期范围或年度打印';
  return seqs;
}

export function PrintPage({ choice: initial }: { choice?: PrintChoice | undefined }) {
  const api = useApi();
  const { bookId } = useBook();
  const { message } = App.useApp();
  const frame = useRef<HTMLIFrameElement>(null);
  const thisYear = new Date().getFullYear();
  const [kind, setKind] = useState<Kind>(initial?.kind ?? 'year');
  const [year, setYear] = useState<number>(
    initial?.kind === 'year' || initial?.kind === 'ledger' ? initial.year : thisYear,
  );
  const [from, setFrom] = useState(initial?.kind === 'range' ? initial.from : `${thisYear}-01-01`);
  const [to, setTo] = useState(initial?.kind === 'range' ? initial.to : `${thisYear}-12-31`);
  const [seqText, setSeqText] = useState(initial?.kind === 'seqs' ? initial.seqs.join(', ') : '');
  const [paper, setPaper] = useState<Paper>('A4');
  const [view, setView] = useState<PrintView | null>(null);
  const [request, setRequest] = useState<Record<string, unknown> | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<'preview' | 'print' | 'pdf' | null>(null);

  const preview = useCallback(
    async (c: PrintChoice | string, p: Paper) => {
      if (typeof c === 'string') {
        setError(c);
        return;
      }
      const base = { bookId, ...scopeInput(c), paper: p };
      setBusy('preview');
      setError(null);
      try {
        const measuring = await api['print.pages'](base);
        const req = { ...base, layout: await measureInFrame(measuring.html) };
        setView(await api['print.pages'](req));
        setRequest(req);
      } catch (e) {
        setView(null);
        setError(errorMessage(e));
      } finally {
        setBusy(null);
      }
    },
    [api, bookId],
  );

  const current = (): PrintChoice | string => {
    if (kind === 'year' || kind === 'ledger') return { kind, year };
    if (kind === 'range') return from && to ? { kind: 'range', from, to } : '请填写开始和结束日期';
    const seqs = parseSeqs(seqText);
    return typeof seqs === 'string' ? seqs : { kind: 'seqs', seqs };
  };

  // Opened from an entry's 打印 button (or a link): show its pages at once.
  useEffect(() => {
    if (!initial) return undefined;
    let live = true;
    void Promise.resolve().then(async () => {
      if (live) await preview(initial, 'A4');
    });
    return () => {
      live = false;
    };
  }, [initial, preview]);

  const output = async (action: 'print' | 'pdf') => {
    if (!view || !request) return;
    setBusy(action);
    setError(null);
    try {
      if (isDesktop()) {
        const r = await printOnDesktop({ ...request, bookId }, action);
        if (action === 'pdf' && r.saved) message.success(`已保存 PDF（${r.pages} 页）：${r.saved.path}`);
        else if (action === 'print' && r.done) message.success(`已送往打印机（${r.pages} 页）`);
      } else {
        printFrame(frame.current);
      }
    } catch (e) {
      setError(e instanceof Error ? e.message : errorMessage(e));
    } finally {
      setBusy(null);
    }
  };

  return (
    <Card title="打印记录本" data-testid="print-page">
      <Space direction="vertical" style={{ width: '100%' }} size="middle">
        <Space wrap>
          <Radio.Group
            value={kind}
            onChange={(e) => setKind(e.target.value as Kind)}
            optionType="button"
            options={[
              { value: 'year', label: '整年（含封面、目录）' },
              { value: 'range', label: '日期范围（含封面、目录）' },
              { value: 'seqs', label: '指定记录' },
              { value: 'ledger', label: '年度台账' },
            ]}
          />
          {(kind === 'year' || kind === 'ledger') && (
            <InputNumber
              aria-label="年度"
              min={1921}
              max={2100}
              value={year}
              onChange={(v) => v !== null && setYear(v)}
              addonAfter="年"
            />
          )}
          {kind === 'range' && (
            <>
              <Input
                aria-label="开始日期"
                type="date"
                value={from}
                onChange={(e) => setFrom(e.target.value)}
                style={{ width: 160 }}
              />
              <span>至</span>
              <Input
                aria-label="结束日期"
                type="date"
                value={to}
                onChange={(e) => setTo(e.target.value)}
                style={{ width: 160 }}
              />
            </>
          )}
          {kind === 'seqs' && (
            <Input
              aria-label="记录序号"
              placeholder="记录序号，例如 8 或 3, 12, 15"
              value={seqText}
              onChange={(e) => setSeqText(e.target.value)}
              onPressEnter={() => void preview(current(), paper)}
              style={{ width: 260 }}
            />
          )}
          <Radio.Group
            aria-label="纸张"
            value={paper}
            onChange={(e) => setPaper(e.target.value as Paper)}
            options={Object.entries(PAPERS).map(([value, label]) => ({ value, label }))}
          />
          <Button
            type="primary"
            loading={busy === 'preview'}
            onClick={() => void preview(current(), paper)}
            data-testid="print-preview-button"
          >
            预览
          </Button>
        </Space>
        {error && <Alert type="error" showIcon title={error} data-testid="print-error" />}
        {view && (
          <>
            <Space wrap>
              <Typography.Text data-testid="print-summary">{`${previewTitle(view)}，共 ${view.pages.length} 页`}</Typography.Text>
              <Button
                icon={<PrinterOutlined />}
                loading={busy === 'print'}
                onClick={() => void output('print')}
                data-testid="print-button"
              >
                打印
              </Button>
              {isDesktop() && (
                <Button
                  icon={<FilePdfOutlined />}
                  loading={busy === 'pdf'}
                  onClick={() => void output('pdf')}
                  data-testid="save-pdf-button"
                >
                  另存为 PDF
                </Button>
              )}
            </Space>
            {!isDesktop() && (
              <Alert
                type="info"
                showIcon
                title="浏览器打印时请保持“边距：默认”“缩放：100%”，不要勾选“页眉和页脚”；要保存 PDF，请在打印对话框中选择“另存为 PDF”。"
              />
            )}
            <PrintPreview
              ref={frame}
              html={view.html}
              title="打印预览"
              onLoad={() => {
                const over = overflowIn(frame.current);
                if (over.length > 0)
                  setError(`第 ${over.join('、')} 页的内容超出了纸张，打印会缺字：请换用 A4 纸或缩短该条记录后重试`);
              }}
            />
          </>
        )}
        {!view && !error && busy === null && (
          <Typography.Text type="secondary">
            选择要打印的范围和纸张，然后点“预览”。每页都印有页码、记录本编号、条目序号、指纹和二维码，可在“核对纸质页”中核对。
          </Typography.Text>
        )}
        {busy === 'preview' && <Spin description="正在生成打印页面…" />}
      </Space>
    </Card>
  );
}
