/**
 * The meeting editor: a draft autosaved to IndexedDB, live rule checks from the service,
 * and sealing through a confirmation that shows exactly what becomes permanent.
 */
import { useCallback, useEffect } from 'react';
import { App, Checkbox, Divider, Form, Typography } from 'antd';
import { MEETING_TYPES, meetingInput } from '../../db/contract';
import { LongText } from '../forms/long-text';
import { zodRule } from '../forms/zod-form';
import { useApi } from '../api-context';
import { AttachmentsField } from './attachments-field';
import { EditorShell } from './editor-shell';
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
import type { EditorProps } from './types';
import { useDraftForm } from './use-draft-form';
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
  const draft = useEditorDraft('meeting', draftId, bookId, emptyMeetingForm, meetingTitle);
  const { loading, form, handle } = draft;
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
    if (!checked.ok) {
      fields.markProblems(checked.problems);
      return checked;
    }
    return { ok: true, payload: { input: checked.input, evaluation: null, evaluationError: null } };
  };
  // Every Form.Item checks itself (zodRule) first; then the whole meeting is parsed as the seal will,
  // and its problems (also those across fields: place, end time, leave notes, chair) go on their fields.
  const prepare = async (): Promise<Prepared<MeetingPayload>> => {
    await fields.formApi.validateFields({ recursive: true }).catch(() => undefined);
    return prepareNow();
  };

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

  const fields = useDraftForm(draft, { error: flow.serverError, field: flow.serverField });
  const problems = flow.attempted ? checkMeeting(form, roster).problems : [];
  // What the live check refuses (e.g. the chair recorded as 缺席) is marked on its field while typing.
  const liveErrors = evaluation.fresh ? (evaluation.evaluation?.errors ?? []) : [];
  const liveKey = JSON.stringify(liveErrors.map((e) => [fieldKey(e.field), e.message]));
  const { markProblems } = fields;
  useEffect(() => {
    const marked = JSON.parse(liveKey) as [string, string][];
    if (marked.length) markProblems(marked.map(([key, message]) => ({ key, label: '', message })));
  }, [liveKey, markProblems]);
  // Problems of a whole group (attendance, guests, election, a decision's votes) are shown above it.
  const groupErrors = {
    ...errorsByKey(problems),
    ...Object.fromEntries(liveErrors.map((e) => [fieldKey(e.field), e.message])),
  };
  const section: MeetingSectionProps = { form, setForm: fields.setValues, groupErrors, roster };
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
        formProps={fields.formProps}
      >
        <MeetingBasics {...section} suggestedRecorder={orgRecorder} />
        <Divider />
        <MeetingAttendance {...section} loading={book.loading} />
        <Divider />
        <MeetingTopics {...section} />
        <Divider />
        <MeetingDecisions {...section} evaluation={evaluation.fresh ? evaluation.evaluation : null} />
        <Divider />
        <Form.Item
          name="minutes"
          label="会议纪要"
          htmlFor="minutes"
          rules={[zodRule(meetingInput.shape.minutes, true)]}
          extra="如实记录会议过程与结论；封存后不能修改，只能更正。"
        >
          <LongText schema={meetingInput.shape.minutes} id="minutes" data-testid="minutes" autoSize={{ minRows: 10 }} />
        </Form.Item>
        <Form.Item name="heldSeparately" label="单独召开确认" htmlFor="held-separately" valuePropName="checked">
          <Checkbox id="held-separately" data-testid="held-separately">
            本次会议单独召开，未与理事会或其他会议合并召开
          </Checkbox>
        </Form.Item>
        <Divider />
        <MeetingElection {...section} />
        <Divider />
        <DutyPicker kind="meeting" form={form} setForm={fields.setValues} />
        <Form.Item name="attachments" label="附件（签到表、会议材料、照片等）" htmlFor="attachments-input">
          <AttachmentsField bookId={bookId} />
        </Form.Item>
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
