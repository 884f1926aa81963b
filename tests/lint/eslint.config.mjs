// @ts-check
/**
 * Security lint for Crosswalk (`npm run lint`, part of `npm test`). It holds only rules that
 * guard the promises the course makes: no HTML injected from data, no eval, no script URLs,
 * no inline scripts the Content-Security-Policy would have to trust. Formatting and style
 * are not its job. It lives under tests/ because the project's top level is fixed.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import tseslint from 'typescript-eslint';
import react from 'eslint-plugin-react';
import astro from 'eslint-plugin-astro';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * Rules for every JavaScript and TypeScript file, wherever it sits.
 * @type {import('eslint').Linter.RulesRecord}
 */
const scriptSafety = {
  'no-eval': 'error',
  'no-implied-eval': 'error',
  'no-new-func': 'error',
};

export default tseslint.config(
  { basePath: root },
  { ignores: ['**/node_modules/**', 'dist/**', 'tests/e2e/.output/**', '.astro/**', 'bench/**', '.ci/out/**'] },
  {
    files: ['src/**/*.{ts,tsx,mjs,js}', 'tests/**/*.{ts,tsx,mjs}', 'astro.config.mjs'],
    languageOptions: { parser: tseslint.parser, parserOptions: { ecmaFeatures: { jsx: true } } },
    rules: scriptSafety,
  },
  {
    // Tests write "javascript:" on purpose, as hostile input the code must refuse.
    files: ['src/**/*.{ts,tsx,mjs,js}'],
    rules: { 'no-script-url': 'error' },
  },
  {
    files: ['src/**/*.tsx'],
    plugins: { react },
    settings: { react: { version: '19.0' } },
    rules: {
      // React renders text as text; dangerouslySetInnerHTML would turn content or imported data into markup.
      'react/no-danger': 'error',
      'react/no-danger-with-children': 'error',
      'react/jsx-no-script-url': 'error',
      'react/jsx-no-target-blank': 'error',
    },
  },
  ...astro.configs['flat/base'],
  {
    files: ['src/**/*.astro'],
    rules: {
      ...scriptSafety,
      'no-script-url': 'error',
      // The Astro equivalent of react/no-danger: set:html renders a string as HTML.
      'astro/no-set-html-directive': 'error',
      // Astro bundles and hashes ordinary <script> tags, but not is:inline ones: the CSP would
      // block them unless they carry a hash of their own, as src/lib/site/theme-init.ts does.
      'no-restricted-syntax': [
        'error',
        {
          selector: "JSXAttribute[name.type='JSXNamespacedName'][name.namespace.name='is'][name.name.name='inline']",
          message: 'is:inline scripts and styles are not hashed for the Content-Security-Policy: use a plain <script> (bundled) instead.',
        },
      ],
    },
  },
);
