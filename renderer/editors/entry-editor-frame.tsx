/**
 * The shared body of the activity and work-item editors: an antd Form over the draft
 * (use-draft-form.ts), roster for the entry's date, client checks, confirmation with a
 * summary, sealing, shortcuts. Each editor supplies its Form.Items, its checks and how to
 * show the summary; the meeting editor has its own body because of the live rule panel.
 */
import { useCallback, type ReactNode } from 'react';
import { App, Typography } from 'antd';
import type { EntryCheckInput, MemberView } from '../../db/contract';
import { useApi } from '../api-context';
import { EditorShell } from './editor-shell';
import { stripWrapper, type Problem } from './form-values';
import { RulePanel } from './rule-panel';
import { SealDialog } from './seal-dialog';
import type { EditorProps } from './types';
import { useBookContext } from './use-book-context';
import { useDraftForm } from './use-draft-form';
import { useEditorDraft, type FormUpdate } from './use-editor-draft';
import { useEditorKeys } from './use-editor-keys';
import { useSealCheck } from './use-seal-check';
import { useSealFlow } from './use-seal-flow';

export type Checked<I> = { ok: true; input: I } | { ok: false; problems: Problem[] };

export interface FrameSection<F> {
  /** The current values (what the draft holds), for what the fields show around themselves. */
  form: F;
  /** For controls that are not a Form.Item of their own (duties, attachments). */
  setForm: (change: FormUpdate<F>) => void;
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
  const draft = useEditorDraft<F>(kind, draftId, bookId, props.empty, props.titleOf);
  const { loading, form, handle } = draft;
  const book = useBookContext(bookId, props.dateOf(form));
  const roster = book.roster.filter((m) => m.active);
  const api = useApi();
  const live = useSealCheck(bookId, book.loading ? null : props.liveCheck(form, roster), !loading);

  const flow = useSealFlow<I>({
    handle,
    prepare: async () => {
      if (book.loading) {
        return {
          ok: false,
          problems: [{ key: 'roster', label: '成员名册', message: '当天的成员名册正在读取，请稍候再封存' }],
        };
      }
      // Every Form.Item checks itself (zodRule); then the whole input is parsed as the seal will,
      // and its problems (also those across fields) go on their fields and in the banner.
      await fields.formApi.validateFields({ recursive: true }).catch(() => undefined);
      const c = check(form, roster);
      if (c.ok) return { ok: true, payload: c.input };
      fields.markProblems(c.problems);
      return c;
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

  const fields = useDraftForm(draft, { error: flow.serverError, field: flow.serverField });
  const current = flow.attempted ? check(form, roster) : null;
  const problems = current && !current.ok ? current.problems : [];

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
        formProps={fields.formProps}
      >
        {props.renderFields({ form, setForm: fields.setValues, roster })}
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
