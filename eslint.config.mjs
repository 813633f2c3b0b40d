import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import globals from 'globals'
import reactHooks from 'eslint-plugin-react-hooks'

export default tseslint.config(
  {
    ignores: [
      'node_modules',
      '.local',
      '.esbuild',
      '.serverless',
      'miniprogram/dist',
      'miniprogram/.swc',
      'tests/e2e/artifacts',
      'tests/bench/results',
      '**/*.cjs',
      'miniprogram/config/**',
      'miniprogram/babel.config.js',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // The layering: rules know nothing of AWS or storage; handlers do not talk to storage directly.
    files: ['functions/src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                '@aws-sdk/*',
                'dynamodb-toolbox',
                '**/storage/**',
                '**/http/**',
                '**/adapters/**',
                '**/handlers/**',
              ],
              message: 'domain/ holds rules only: no AWS, storage or HTTP imports',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['functions/src/handlers/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/storage/**', 'dynamodb-toolbox', '@aws-sdk/*'],
              message: 'handlers are thin: parse, call one use case, return',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['miniprogram/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser, wx: 'readonly' } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/functions/**'],
              message: 'the mini-program talks to the API through contracts/, never to functions/',
            },
          ],
        },
      ],
    },
  },
)
