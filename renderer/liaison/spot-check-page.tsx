/**
 * A spot check, read top to bottom: draw the sample → each sampled entry with the app's
 * computed facts beside the four words 准确/规范/完整/原始 → the conclusion → seal into the
 * liaison's own book → print the report, export the signed receipt. An unfinished check is
 * kept as a draft (spot-state.ts) and offered again when the page opens.
 */
import { useEffect, useRef, useState } from 'react';
import { Alert, App, Button, Card, Descriptions, Progress, Result, Space, Spin, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { useApi } from '../api-context';
import { errorMessage } from '../api';
import { errorText, useServiceQuery } from '../app/service-query';
import { useBook } from '../app/book-context';
import { navigate } from '../app/routes';
import { useRequestId } from '../app/use-request-id';
import { MONO } from './identity-card';
import { SpotDrawForm, type ScopeChoice } from './spot-draw-form';
import { SpotEntryCard } from './spot-entry-card';
import { SpotConclusion } from './spot-conclusion';
import { SpotCheckActions } from './spot-check-actions';
import { SpotCheckHistory } from './spot-check-history';
import {
  checkedCount,
  dropSpotDraft,
  hasProblem,
  loadSpotDraft,
  missingBeforeSeal,
  saveSpotDraft,
  sealInput,
  startState,
  type SpotState,
} from './spot-state';

const SAVE_DELAY_MS = 400;
const thisYear = new Date().getFullYear();
const YEARS = Array.from({ length: 8 }, (_, i) => thisYear - i);

export function SpotCheckPage({ bookId }: { bookId: string }) {
  const api = useApi();
  const { message } = App.useApp();
  const client = useQueryClient();
  const { books, selectBook } = useBook();
  const liaison = useServiceQuery('liaison.get', {});
  const { requestId, renew } = useRequestId();
  const [state, setState] = useState<SpotState | null>(null);
  const [restoredAt, setRestoredAt] = useState<number | null>(null);
  const [loaded, setLoaded] = useState(false);
  const [drawing, setDrawing] = useState(false);
  const [sealing, setSealing] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [showMissing, setShowMissing] = useState(false);
  const [sealed, setSealed] = useState<{ liaisonBookId: string; seq: number } | null>(null);
  const saveTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const book = books.find((b) => b.bookId === bookId);

  useEffect(() => {
    let live = true;
    void loadSpotDraft(bookId)
      .then((draft) => {
        if (!live || !draft) return;
        setState(draft.state);
        setRestoredAt(draft.savedAt);
      })
      .finally(() => live && setLoaded(true));
    return () => {
      live = false;
    };
  }, [bookId]);

  const update = (next: SpotState) => {
    setState(next);
    if (saveTimer.current) clearTimeout(saveTimer.current);
    saveTimer.current = setTimeout(() => void saveSpotDraft(next), SAVE_DELAY_MS);
  };
  useEffect(
    () => () => {
      if (saveTimer.current) clearTimeout(saveTimer.current);
    },
    [],
  );

  const draw = async (count: number, scope: ScopeChoice) => {
    setDrawing(true);
    setError(null);
    try {
      const drawn = await api['spotChecks.draw']({ bookId, count, scope });
      const next = startState(drawn);
      update(next);
      setRestoredAt(null);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setDrawing(false);
    }
  };

  const discard = async () => {
    if (saveTimer.current) clearTimeout(saveTimer.current);
    await dropSpotDraft(bookId);
    setState(null);
    setRestoredAt(null);
    setShowMissing(false);
  };

  const seal = async () => {
    if (!state) return;
    const missing = missingBeforeSeal(state);
    if (missing.length > 0) {
      setShowMissing(true);
      return;
    }
    setSealing(true);
    setError(null);
    try {
      const result = await api['spotChecks.seal'](sealInput(state, requestId));
      if (saveTimer.current) clearTimeout(saveTimer.current);
      await dropSpotDraft(bookId);
      setSealed({ liaisonBookId: result.liaisonBookId, seq: result.seq });
      renew();
      void message.success('抽查记录已封存');
      void client.invalidateQueries({
        predicate: (q) =>
          ['spotChecks.list', 'workspace.overview', 'books.list'].includes(String(q.queryKey[0])) ||
          (q.queryKey[1] as { bookId?: string } | undefined)?.bookId === result.liaisonBookId,
      });
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setSealing(false);
    }
  };

  if (liaison.isLoading || !loaded) return <Spin />;
  if (!liaison.data) {
    return (
      <Result
        status="info"
        title="尚未设立党建联络员身份"
        subTitle="抽查记录封存在联络员自己的记录本中，并由联络员的密钥签名。请先设立联络员身份。"
        extra={
          <Button type="primary" onClick={() => navigate({ page: 'liaison' })}>
            设立联络员身份
          </Button>
        }
      />
    );
  }
  const liaisonBookId = liaison.data.bookId;
  const orgName = state?.draw.orgName ?? book?.orgName ?? book?.name ?? bookId;
  const missing = state ? missingBeforeSeal(state) : [];

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="spot-check-page">
      <Card
        title={`抽查：${orgName}`}
        extra={
          <Button onClick={() => navigate({ page: 'workspace' })} data-testid="spot-back">
            返回工作台
          </Button>
        }
      >
        {liaison.error && <Alert type="error" title={errorText(liaison.error)} />}
        {!book?.imported && book && (
          <Alert type="warning" showIcon title="只能抽查从数据包导入的记录本。" style={{ marginBottom: 12 }} />
        )}
        {sealed ? (
          <Result
            status="success"
            data-testid="spot-sealed"
            title="抽查记录已封存"
            subTitle={`已作为联络员记录本第 ${sealed.seq} 条封存，写明了被抽查的记录本、条数和默克尔树根。`}
            extra={<SpotCheckActions liaisonBookId={sealed.liaisonBookId} liaisonSeq={sealed.seq} />}
          />
        ) : state ? (
          <>
            {restoredAt && (
              <Alert
                type="info"
                showIcon
                style={{ marginBottom: 12 }}
                data-testid="spot-restored"
                title={`已恢复未完成的抽查（${dayjs(restoredAt).format('M月D日 HH:mm')} 保存）`}
                action={
                  <Button size="small" onClick={() => void discard()}>
                    放弃并重新抽取
                  </Button>
                }
              />
            )}
            <Descriptions
              size="small"
              bordered
              column={2}
              data-testid="spot-sample"
              items={[
                { key: 'size', label: '被抽查记录本', children: `${state.draw.orgName}，共 ${state.draw.size} 条` },
                {
                  key: 'scope',
                  label: '抽样范围',
                  children: `${state.draw.sample.scope}（${state.draw.sample.populationSize} 条）`,
                },
                {
                  key: 'seqs',
                  label: '抽中的记录',
                  children: (
                    <span data-testid="spot-seqs">{state.draw.sample.seqs.map((s) => `第 ${s} 条`).join('、')}</span>
                  ),
                },
                { key: 'method', label: '抽样方法', children: <span style={MONO}>{state.draw.sample.method}</span> },
                {
                  key: 'seed',
                  label: '随机种子',
                  span: 2,
                  children: <span style={MONO}>{state.draw.sample.seed}</span>,
                },
                { key: 'root', label: '默克尔树根', span: 2, children: <span style={MONO}>{state.draw.root}</span> },
              ]}
            />
            <div style={{ marginTop: 12 }}>
              <Typography.Text>{`已判定 ${checkedCount(state)} / ${state.findings.length} 条`}</Typography.Text>
              <Progress
                percent={Math.round((checkedCount(state) / Math.max(1, state.findings.length)) * 100)}
                size="small"
                showInfo={false}
              />
            </div>
          </>
        ) : (
          <SpotDrawForm busy={drawing} years={YEARS} onDraw={(c, s) => void draw(c, s)} />
        )}
        {error && <Alert type="error" showIcon title={error} style={{ marginTop: 12 }} data-testid="spot-error" />}
      </Card>
      {state && !sealed && (
        <>
          {state.draw.entries.map((entry, i) => (
            <SpotEntryCard
              key={entry.seq}
              index={i}
              entry={entry}
              finding={state.findings[i]!}
              onChange={(f) => update({ ...state, findings: state.findings.map((x, j) => (j === i ? f : x)) })}
              onOpen={(seq) => {
                selectBook(bookId);
                navigate({ page: 'entry', seq });
              }}
            />
          ))}
          <SpotConclusion state={state} problems={hasProblem(state)} onChange={(p) => update({ ...state, ...p })} />
          {showMissing && missing.length > 0 && (
            <Alert
              type="warning"
              showIcon
              data-testid="spot-missing"
              title="还不能封存："
              description={
                <ul style={{ margin: 0, paddingLeft: 18 }}>
                  {missing.map((m) => (
                    <li key={m}>{m}</li>
                  ))}
                </ul>
              }
            />
          )}
          <Space style={{ justifyContent: 'flex-end', width: '100%' }}>
            <Button onClick={() => void discard()}>放弃本次抽查</Button>
            <Button type="primary" loading={sealing} onClick={() => void seal()} data-testid="spot-seal">
              封存抽查记录
            </Button>
          </Space>
        </>
      )}
      <SpotCheckHistory bookId={bookId} liaisonBookId={liaisonBookId} />
    </Space>
  );
}
