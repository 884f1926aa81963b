/**
 * The security lint (tests/lint/eslint.config.mjs) catches what it promises to: each breach
 * below is linted as if it were a file in src/, and must be reported by the named rule; the
 * safe version of the same code must pass. So `npm run lint` going green means something.
 */
import { ESLint } from 'eslint';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const eslint = new ESLint({ cwd: root, overrideConfigFile: fileURLToPath(new URL('../lint/eslint.config.mjs', import.meta.url)) });

async function rulesBroken(code: string, file: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: `${root}/${file}` });
  return (result?.messages ?? []).map((m) => m.ruleId ?? `fatal: ${m.message}`);
}

describe('the security lint', () => {
  test.each([
    ['a React island that injects HTML', 'src/components/X.tsx', 'export const X = ({ html }: { html: string }) => <div dangerouslySetInnerHTML={{ __html: html }} />;', 'react/no-danger'],
    ['a javascript: link in React', 'src/components/X.tsx', 'export const X = () => <a href="javascript:void(0)">x</a>;', 'react/jsx-no-script-url'],
    ['set:html on data in Astro', 'src/components/X.astro', '---\nconst { note } = Astro.props;\n---\n<p set:html={note} />\n', 'astro/no-set-html-directive'],
    ['an is:inline script in Astro', 'src/components/X.astro', '<script is:inline>console.log(1)</script>\n', 'no-restricted-syntax'],
    ['eval in a library', 'src/lib/x.ts', 'export const run = (code: string) => eval(code);', 'no-eval'],
    ['new Function in a store', 'src/stores/x.ts', 'export const make = (body: string) => new Function(body);', 'no-new-func'],
  ])('reports %s', async (_what, file, code, rule) => {
    expect(await rulesBroken(code, file)).toContain(rule);
  });

  test.each([
    ['text in React', 'src/components/X.tsx', 'export const X = ({ text }: { text: string }) => <div>{text}</div>;'],
    ['text and a bundled script in Astro', 'src/components/X.astro', '---\nconst { note } = Astro.props;\n---\n<p>{note}</p>\n<script>console.log(1)</script>\n'],
  ])('lets %s pass', async (_what, file, code) => {
    expect(await rulesBroken(code, file)).toEqual([]);
  });
});
