// Lint rules, including the architecture's boundaries:
// db/ never imports electron (it must run in plain Node: tests, CLI, browser host);
// renderer/ never imports db/ values (it talks to the service only through renderer/api.ts,
// which may import db/ *types* and the shared zod contract).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['node_modules/', 'out/', 'dist/', 'release/', 'coverage/', 'screenshots/', '.data/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  // Type-aware rules for TypeScript (floating promises, unsafe `any`, needless assertions, ...).
  ...tseslint.configs.recommendedTypeChecked.map((config) => ({ ...config, files: ['**/*.{ts,tsx,mts,cts}'] })),
  {
    files: ['**/*.{ts,tsx,mts,cts}'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
  },
  {
    // Vitest types its asymmetric matchers (expect.stringContaining, expect.objectContaining, ...)
    // as `any` so that they fit any expected shape; assigning them is the point, not a leak.
    // Member access, calls and arguments on `any` stay errors in tests too.
    files: ['**/*.test.{ts,tsx}'],
    rules: { '@typescript-eslint/no-unsafe-assignment': 'off' },
  },
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['db/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'db/ 必须能在纯 Node 中运行：不得引用 electron。' }],
          patterns: [{ group: ['**/electron/**', '**/renderer/**'], message: 'db/ 不依赖 electron/ 或 renderer/。' }],
        },
      ],
    },
  },
  {
    files: ['host/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'host/ 必须能在纯 Node 中运行（浏览器版）：不得引用 electron。' }],
          patterns: [{ group: ['**/electron/**', '**/renderer/**'], message: 'host/ 不依赖 electron/ 或 renderer/。' }],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: '渲染进程只能通过 window.logbook 与主进程通信。' }],
          patterns: [
            {
              group: ['**/db/**', '!**/db/contract', '!**/db/contract/**'],
              allowTypeImports: true,
              message: '渲染进程只能引用 db/ 的类型与 db/contract（校验模式），不得引用 db/ 的实现。',
            },
            { group: ['better-sqlite3', 'node:*'], message: '渲染进程不得使用 Node 模块。' },
          ],
        },
      ],
    },
  },
);
