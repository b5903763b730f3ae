/**
 * antd's DatePicker works with dayjs objects; the contract wants `YYYY-MM-DD` strings.
 * This adapter keeps form values as the contract's strings so zod can check them directly.
 */
import { DatePicker } from 'antd';
import dayjs from 'dayjs';

export interface DateFieldProps {
  value?: string;
  onChange?: (value: string | undefined) => void;
  id?: string;
  placeholder?: string;
  disabled?: boolean;
  'data-testid'?: string;
  'aria-label'?: string;
}

export function DateField({ value, onChange, placeholder = '选择日期', ...rest }: DateFieldProps) {
  const parsed = value ? dayjs(value, 'YYYY-MM-DD', true) : null;
  return (
    <DatePicker
      {...rest}
      style={{ width: '100%' }}
      format="YYYY-MM-DD"
      placeholder={placeholder}
      value={parsed && parsed.isValid() ? parsed : null}
      onChange={(d) => onChange?.(d ? d.format('YYYY-MM-DD') : undefined)}
    />
  );
}
