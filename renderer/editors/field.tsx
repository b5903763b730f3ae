/**
 * One labelled form row. Every input gets a visible <label for=…> (screen readers, tests
 * with getByLabelText, and Playwright's getByLabel) and shows its error in red under it.
 */
import type { ReactNode } from 'react';
import { Form } from 'antd';
import type { FieldErrors } from './types';

export interface FieldProps {
  label: ReactNode;
  /** id of the input the label names. */
  htmlFor?: string;
  /** Key into `errors` (the editor's field key, e.g. `topics.0.title`). */
  name: string;
  errors: FieldErrors;
  required?: boolean;
  extra?: ReactNode;
  children: ReactNode;
}

export function Field({ label, htmlFor, name, errors, required, extra, children }: FieldProps) {
  const error = errors[name];
  return (
    <Form.Item
      label={label}
      htmlFor={htmlFor}
      required={required}
      validateStatus={error ? 'error' : undefined}
      help={error}
      extra={extra}
    >
      {children}
    </Form.Item>
  );
}
