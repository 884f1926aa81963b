import { expect, test } from 'vitest';
import { ContentFileError, readYamlFile, splitFrontmatter } from '../../src/lib/course/yaml-file';

test('a YAML syntax error names the file and the line', () => {
  expect(() => readYamlFile('content/glossary.yaml', '- id: a\n  term: [unclosed\n- id: b\n')).toThrowError(ContentFileError);
  try {
    readYamlFile('content/glossary.yaml', '- id: a\n  term: "unclosed\n- id: b\n');
  } catch (error) {
    expect((error as Error).message).toMatch(/^content\/glossary\.yaml:\d+: YAML syntax error/);
  }
});

test('frontmatter is split from the body, and its errors count lines from the file top', () => {
  expect(splitFrontmatter('x.mdx', '---\ntitle: A\n---\n\nBody\n')).toEqual({ data: { title: 'A' }, body: '\nBody\n' });
  expect(() => splitFrontmatter('x.mdx', 'no frontmatter')).toThrowError(/x\.mdx:1: missing frontmatter/);
  expect(() => splitFrontmatter('x.mdx', '---\ntitle: A\nbad: [\n---\nBody')).toThrowError(/^x\.mdx:[34]: YAML syntax error/);
});
