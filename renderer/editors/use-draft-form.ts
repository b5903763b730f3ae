/**
 * An editor's antd `Form` over its IndexedDB draft: the Form holds the values while the
 * recorder types (its fields check themselves with the contract's schemas through `zodRule`),
 * and every change is written to the draft, whole, as the editors always kept it (raw strings,
 * so a half-typed number or time survives a power cut, and a draft saved before the editors
 * were on antd Form opens as it is). Controls that are not a Form.Item of their own (the duty
 * picker, attachments, attendance toggles) change the same values through `setValues`.
 */
import { useCallback, useEffect } from 'react';
import { Form, type FormInstance, type FormProps } from 'antd';
import type { ShownError } from './api-error';
import type { Problem } from './form-values';
import type { EditorDraft, FormUpdate } from './use-editor-draft';

/** An editor key (`topics.0.title`) as an antd name path (`['topics', 0, 'title']`). */
export function fieldName(key: string): (string | number)[] {
  return key.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

export interface DraftForm<F> {
  formApi: FormInstance<F>;
  /** Spread on the editor's `<Form>` (EditorShell does). */
  formProps: Pick<FormProps<F>, 'form' | 'initialValues' | 'onValuesChange'>;
  setValues: (change: FormUpdate<F>) => void;
  /** Puts the seal's problems on their fields (red, with the message under the field). */
  markProblems: (problems: readonly Problem[]) => void;
}

export function useDraftForm<F extends object>(
  draft: EditorDraft<F>,
  serverError?: {
    error: ShownError | null;
    field: string | null;
  },
): DraftForm<F> {
  const [formApi] = Form.useForm<F>();
  // Values are set by top-level key and errors by path: the untyped view of the same instance.
  const store = formApi as unknown as FormInstance;
  const { setForm } = draft;

  const setValues = useCallback(
    (change: FormUpdate<F>) => {
      const next = setForm(change) as Record<string, unknown>;
      for (const [key, value] of Object.entries(next)) {
        if (store.getFieldValue(key) !== value) store.setFieldValue(key, value);
      }
    },
    [store, setForm],
  );

  const onValuesChange = useCallback(() => {
    setForm({ ...(formApi.getFieldsValue(true) as F) });
  }, [formApi, setForm]);

  const markProblems = useCallback(
    (problems: readonly Problem[]) => {
      const byKey = new Map<string, string[]>();
      for (const p of problems) byKey.set(p.key, [...(byKey.get(p.key) ?? []), p.message]);
      store.setFields([...byKey].map(([key, errors]) => ({ name: fieldName(key), errors })));
    },
    [store],
  );

  // The field the service blamed (ApiError.field) is marked red until it is changed.
  const blamed = serverError?.error && serverError.field ? serverError.field : null;
  const blamedMessage = serverError?.error?.message;
  useEffect(() => {
    if (blamed && blamedMessage) markProblems([{ key: blamed, label: '', message: blamedMessage }]);
  }, [blamed, blamedMessage, markProblems]);

  return { formApi, formProps: { form: formApi, initialValues: draft.form, onValuesChange }, setValues, markProblems };
}
