/**
 * A hidden file input for a small JSON file, opened from a button of the caller's (导入抽查回执,
 * 载入回执汇总文件, 导入节假日安排). `onFile` gets the chosen file; the input is cleared once it
 * is done, so the same file can be chosen again after a refusal.
 */
import { useRef, type ReactElement } from 'react';

export function useJsonFilePicker(
  onFile: (file: File) => Promise<void>,
  input: { testId: string; label: string },
): { open: () => void; picker: ReactElement } {
  const ref = useRef<HTMLInputElement>(null);
  const picker = (
    <input
      ref={ref}
      type="file"
      accept=".json,application/json"
      hidden
      data-testid={input.testId}
      aria-label={input.label}
      onChange={(e) => {
        const file = e.target.files?.[0];
        if (!file) return;
        void onFile(file).finally(() => {
          if (ref.current) ref.current.value = '';
        });
      }}
    />
  );
  return { open: () => ref.current?.click(), picker };
}
