/**
 * A long text (minutes, discussion, content) with a live character counter against the
 * contract's limit (e.g. 20,000 for minutes). Over the limit the counter turns red but
 * nothing typed or pasted is cut off: the text stays, the seal names the problem.
 */
import { Input } from 'antd';
import type { TextAreaProps } from 'antd/es/input';
import type { z } from 'zod';
import { maxLengthOf } from './zod-form';

const number = (n: number) => n.toLocaleString('zh-CN');

export function LongText({ schema, ...props }: TextAreaProps & { schema: z.ZodType }) {
  const max = maxLengthOf(schema);
  return (
    <Input.TextArea
      {...props}
      count={{
        show: ({ count }) => (max === undefined ? `${number(count)} 字` : `${number(count)} / ${number(max)} 字`),
        ...(max !== undefined ? { max } : {}),
      }}
    />
  );
}
