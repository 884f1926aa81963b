/**
 * The course's prose as pieces with the line each starts on: every string value of a check.yaml
 * or a lesson's frontmatter, and each lesson's MDX body. Shared by the content tests that read
 * what learners read (no copied runs, crisis guidance, referrals named).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { LineCounter, isScalar, parseDocument, visit } from 'yaml';
import type { ProsePiece } from '../../src/lib/course/copied-runs';

export const ROOT = new URL('../..', import.meta.url).pathname;

export interface FilePieces {
  /** Relative to the project root, e.g. modules/duty-08-crises/03-when-it-is-more.mdx. */
  file: string;
  pieces: ProsePiece[];
}

function yamlStrings(text: string, firstLine: number): ProsePiece[] {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter });
  const pieces: ProsePiece[] = [];
  visit(doc, {
    Scalar(_key, node) {
      if (!isScalar(node) || typeof node.value !== 'string' || !node.range) return;
      pieces.push({ text: node.value, line: firstLine + lineCounter.linePos(node.range[0]).line - 1, kind: 'plain' });
    },
  });
  return pieces;
}

const cache = new Map<string, FilePieces[]>();

/** Every .mdx and .yaml under modules/, as prose pieces (read once per test file). */
export function modulePieces(root = ROOT): FilePieces[] {
  const cached = cache.get(root);
  if (cached) return cached;
  const files: FilePieces[] = [];
  cache.set(root, files);
  for (const moduleId of readdirSync(join(root, 'modules')).sort()) {
    for (const name of readdirSync(join(root, 'modules', moduleId)).sort()) {
      const file = `modules/${moduleId}/${name}`;
      const source = readFileSync(join(root, file), 'utf8');
      if (name.endsWith('.yaml')) files.push({ file, pieces: yamlStrings(source, 1) });
      else if (name.endsWith('.mdx')) {
        const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/.exec(source);
        const front = match ? yamlStrings(match[1]!, 2) : [];
        const bodyLine = match ? match[0].split('\n').length - (match[0].endsWith('\n') ? 1 : 0) + 1 : 1;
        files.push({ file, pieces: [...front, { text: match ? source.slice(match[0].length) : source, line: bodyLine, kind: 'mdx' }] });
      }
    }
  }
  return files;
}
