/**
 * The shared body of the activity and work-item editors: draft, roster for the entry's
 * date, client checks, confirmation with a summary, sealing, shortcuts. Each editor
 * supplies its form, its checks and how to show the summary; the meeting editor has its
 * own body because of the live rule panel.
 */
import { useCallback, type ReactNode } from 'react';
import { App, Typography } from 'antd';
import type { EntryCheckInput, MemberView } from '../../db/contract';
import { useApi } from '../api-context';
import { EditorShell } from './editor-shell';
import { errorsByKey, stripWrapper, type Problem } from './form-values';
import { RulePanel } from './rule-panel';
import { SealDialog } from './seal-dialog';
import type { EditorProps, FieldErrors } from './types';
import { useBookContext } from './use-book-context';
import { useEditorDraft, type FormUpdate } from './use-editor-draft';
import { useEditorKeys } from './use-editor-keys';
import { useSealCheck } from './use-seal-check';
import { useSealFlow } from './use-seal-flow';

export type Checked<I> = { ok: true; input: I } | { ok: false; problems: Problem[] };

export interface FrameSection<F> {
  form: F;
  setForm: (change: FormUpdate<F>) => void;
  errors: FieldErrors;
  /** Active members on the entry's date. */
  roster: MemberView[];
}

export interface EntryEditorFrameProps<F extends object, I> extends EditorProps {
  kind: 'activity' | 'work';
  /** Key of the method's input that wraps the entry (`activity`, `item`): stripped from service field paths. */
  wrapper: string;
  heading: string;
  empty: () => F;
  titleOf: (form: F) => string;
  /** The entry's date, `YYYY-MM-DD`, when complete: the roster is read for that day. */
  dateOf: (form: F) => string | undefined;
  check: (form: F, roster: MemberView[]) => Checked<I>;
  commit: (input: I) => Promise<{ seq: number }>;
  /** The seal's checks: of the form while typing, of the parsed input at the confirmation. */
  liveCheck: (form: F, roster: MemberView[]) => EntryCheckInput;
  sealedCheck: (input: I) => EntryCheckInput;
  renderFields: (section: FrameSection<F>) => ReactNode;
  renderSummary: (input: I, roster: MemberView[]) => ReactNode;
}

export function EntryEditorFrame<F extends object, I>(props: EntryEditorFrameProps<F, I>) {
  const { bookId, draftId, onSealed, onCancel, kind, wrapper, check, commit } = props;
  const { message } = App.useApp();
  const { loading, form, setForm, handle } = useEditorDraft<F>(kind, draftId, bookId, props.empty, props.titleOf);
  const book = useBookContext(bookId, props.dateOf(form));
  const roster = book.roster.filter((m) => m.active);
  const api = useApi();
  const live = useSealCheck(bookId, book.loading ? null : props.liveCheck(form, roster), !loading);

  const flow = useSealFlow<I>({
    handle,
    prepare: () => {
      if (book.loading) {
        return {
          ok: false,
          problems: [{ key: 'roster', label: '成员名册', message: '当天的成员名册正在读取，请稍候再封存' }],
        };
      }
      const c = check(form, roster);
      return c.ok ? { ok: true, payload: c.input } : c;
    },
    commit,
    check: (input) => api['entries.check']({ bookId, entry: props.sealedCheck(input) }),
    onSealed,
    fieldKey: useCallback((path: string) => stripWrapper(path, wrapper), [wrapper]),
    onProblems: (n) => {
      message.error(`还有 ${n} 处需要修改，请查看页面上方的提示`);
    },
    onError: (e) => {
      message.error(e.message);
    },
  });
  const saveNow = () => {
    void handle.flush().then(() => message.success('草稿已保存'));
  };
  useEditorKeys({
    onSave: saveNow,
    onSeal: () => {
      void flow.requestSeal();
    },
    disabled: flow.payload !== null,
  });

  const current = flow.attempted ? check(form, roster) : null;
  const problems = current && !current.ok ? current.problems : [];
  const errors: FieldErrors = {
    ...errorsByKey(problems),
    ...(flow.serverField && flow.serverError ? { [flow.serverField]: flow.serverError.message } : {}),
  };

  return (
    <>
      <EditorShell
        title={`${props.heading} · ${props.titleOf(form) || '未命名'}`}
        loading={loading}
        statusText={handle.statusText}
        draftError={handle.error ?? book.error}
        problems={problems}
        serverError={flow.serverError}
        onDismissServerError={flow.clearServerError}
        onSave={saveNow}
        onSeal={() => {
          void flow.requestSeal();
        }}
        onCancel={onCancel}
        sealBusy={flow.preparing || flow.sealing}
        stops={flow.stops}
        side={<RulePanel check={live.check} pending={live.pending} error={live.error} org={book.org} />}
      >
        {props.renderFields({ form, setForm, errors, roster })}
        <Typography.Paragraph type="secondary">
          快捷键：Ctrl+S 立即保存草稿；Ctrl+Enter 检查并封存。
        </Typography.Paragraph>
      </EditorShell>
      <SealDialog
        open={flow.payload !== null}
        sealing={flow.sealing}
        check={flow.check}
        checkError={flow.checkError}
        checking={flow.checking}
        onConfirm={() => {
          void flow.confirm();
        }}
        onCancel={flow.cancel}
      >
        {flow.payload !== null && props.renderSummary(flow.payload, book.roster)}
      </SealDialog>
    </>
  );
}
