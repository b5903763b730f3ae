/**
 * The meeting editor: a draft autosaved to IndexedDB, live rule checks from the service,
 * and sealing through a confirmation that shows exactly what becomes permanent.
 */
import { useCallback } from 'react';
import { App, Checkbox, Divider, Typography } from 'antd';
import { MEETING_TYPES, meetingInput } from '../../db/contract';
import { LongText } from '../forms/long-text';
import { useApi } from '../api-context';
import { AttachmentsField } from './attachments-field';
import { EditorShell } from './editor-shell';
import { Field } from './field';
import { errorsByKey, stripWrapper } from './form-values';
import { MeetingAttendance } from './meeting-attendance';
import { MeetingBasics } from './meeting-basics';
import { DutyPicker } from '../ledger/duty-picker';
import { MeetingElection } from './meeting-election';
import {
  activeRoster,
  attendanceOf,
  checkMeeting,
  emptyMeetingForm,
  meetingCheckInput,
  meetingDate,
  meetingFieldKey,
  type MeetingForm,
} from './meeting-form-state';
import type { MeetingSectionProps } from './meeting-section-props';
import { MeetingSummary, type MeetingPayload } from './meeting-summary';
import { MeetingDecisions, MeetingTopics } from './meeting-topics';
import { RulePanel } from './rule-panel';
import { SealDialog } from './seal-dialog';
import type { EditorProps, FieldErrors } from './types';
import { useBookContext } from './use-book-context';
import { useEditorDraft } from './use-editor-draft';
import { useEditorKeys } from './use-editor-keys';
import { useMeetingEvaluation } from './use-meeting-evaluation';
import { useSealFlow, type Prepared } from './use-seal-flow';

function meetingTitle(f: MeetingForm): string {
  if (f.title.trim()) return f.title.trim();
  return f.number ? `第${f.number}次${MEETING_TYPES[f.type]}` : MEETING_TYPES[f.type];
}

export function MeetingEditor({ bookId, draftId, onSealed, onCancel }: EditorProps) {
  const api = useApi();
  const { message } = App.useApp();
  const { loading, form, setForm, handle } = useEditorDraft('meeting', draftId, bookId, emptyMeetingForm, meetingTitle);
  const book = useBookContext(bookId, meetingDate(form));
  const roster = activeRoster(book.roster);
  const check = meetingCheckInput(form, roster);
  const evaluation = useMeetingEvaluation(bookId, check, !loading && !book.loading);

  const fieldKey = useCallback(
    (path: string) => {
      const p = stripWrapper(path, 'meeting');
      return meetingFieldKey(p, form, roster)?.key ?? p;
    },
    [form, roster],
  );

  // Synchronous (the form already holds everything); the frame awaits a promise for every kind.
  const prepareNow = (): Prepared<MeetingPayload> => {
    if (book.loading) {
      return {
        ok: false,
        problems: [{ key: 'attendance', label: '出席情况', message: '会议当天的成员名册正在读取，请稍候再封存' }],
      };
    }
    const checked = checkMeeting(form, roster);
    if (!checked.ok) return checked;
    return { ok: true, payload: { input: checked.input, evaluation: null, evaluationError: null } };
  };
  const prepare = (): Promise<Prepared<MeetingPayload>> => Promise.resolve(prepareNow());

  const flow = useSealFlow<MeetingPayload>({
    handle,
    prepare,
    commit: (p) => api['meetings.seal']({ bookId, requestId: draftId, meeting: p.input }),
    check: (p) => api['entries.check']({ bookId, entry: { kind: 'meeting', meeting: p.input } }),
    onSealed,
    fieldKey,
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

  const problems = flow.attempted ? checkMeeting(form, roster).problems : [];
  const errors: FieldErrors = {
    ...errorsByKey(problems),
    ...(evaluation.fresh
      ? Object.fromEntries((evaluation.evaluation?.errors ?? []).map((e) => [fieldKey(e.field), e.message]))
      : {}),
    ...(flow.serverField && flow.serverError ? { [flow.serverField]: flow.serverError.message } : {}),
  };
  const section: MeetingSectionProps = { form, setForm, errors, roster };
  const orgRecorder = book.org?.organisation?.recorder;

  return (
    <>
      <EditorShell
        title={`会议记录 · ${meetingTitle(form)}`}
        loading={loading}
        statusText={handle.statusText}
        draftError={handle.error}
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
        side={
          <RulePanel
            check={evaluation.check}
            pending={evaluation.pending || book.loading}
            error={evaluation.error ?? book.error}
            org={book.org}
            absentCount={attendanceOf(form, roster).absent.length}
            guestCount={check.guests.length}
          />
        }
      >
        <MeetingBasics {...section} suggestedRecorder={orgRecorder} />
        <Divider />
        <MeetingAttendance {...section} loading={book.loading} />
        <Divider />
        <MeetingTopics {...section} />
        <Divider />
        <MeetingDecisions {...section} evaluation={evaluation.fresh ? evaluation.evaluation : null} />
        <Divider />
        <Field
          label="会议纪要"
          htmlFor="minutes"
          name="minutes"
          errors={errors}
          extra="如实记录会议过程与结论；封存后不能修改，只能更正。"
        >
          <LongText
            schema={meetingInput.shape.minutes}
            id="minutes"
            data-testid="minutes"
            autoSize={{ minRows: 10 }}
            value={form.minutes}
            onChange={(e) => setForm({ minutes: e.target.value })}
          />
        </Field>
        <Field label="单独召开确认" htmlFor="held-separately" name="heldSeparately" errors={errors}>
          <Checkbox
            id="held-separately"
            data-testid="held-separately"
            checked={form.heldSeparately}
            onChange={(e) => setForm({ heldSeparately: e.target.checked })}
          >
            本次会议单独召开，未与理事会或其他会议合并召开
          </Checkbox>
        </Field>
        <Divider />
        <MeetingElection {...section} />
        <Divider />
        <DutyPicker kind="meeting" form={form} setForm={setForm} />
        <Field label="附件（签到表、会议材料、照片等）" htmlFor="attachments-input" name="attachments" errors={errors}>
          <AttachmentsField
            bookId={bookId}
            value={form.attachments}
            onChange={(update) => setForm((f) => ({ ...f, attachments: update(f.attachments) }))}
          />
        </Field>
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
        {flow.payload && (
          <MeetingSummary
            payload={{ ...flow.payload, evaluation: flow.check?.evaluation ?? null, evaluationError: null }}
            roster={book.roster}
          />
        )}
      </SealDialog>
    </>
  );
}
