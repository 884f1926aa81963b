/**
 * Parses a YAML content file and turns a syntax error into a message a trainer can act on:
 * the file, the line and column, and what the parser expected.
 */
import { parse, YAMLParseError } from 'yaml';

export class ContentFileError extends Error {
  constructor(readonly file: string, readonly line: number | undefined, readonly detail: string) {
    super(`${file}${line ? `:${line}` : ''}: ${detail}`);
    this.name = 'ContentFileError';
  }
}

/** `lineOffset`: lines above `text` in the file (frontmatter starts after its --- line). */
export function readYamlFile(file: string, text: string, lineOffset = 0): unknown {
  try {
    return parse(text, { prettyErrors: true });
  } catch (error) {
    if (error instanceof YAMLParseError) {
      const line = error.linePos?.[0]?.line;
      throw new ContentFileError(file, line === undefined ? undefined : line + lineOffset, `YAML syntax error: ${error.message.split('\n')[0]}`);
    }
    throw error;
  }
}

/** Splits an MDX/Markdown file into its YAML frontmatter and body. */
export function splitFrontmatter(file: string, source: string): { data: unknown; body: string } {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/.exec(source);
  if (!match) throw new ContentFileError(file, 1, 'missing frontmatter: start the file with a --- block');
  return { data: readYamlFile(file, match[1]!, 1) ?? {}, body: source.slice(match[0].length) };
}
