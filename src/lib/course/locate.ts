/**
 * Finds the line a problem's field is on, so a trainer can jump to it: a YAML field path
 * (`items[0].questions[1].teaches`, `[3].id`) in a YAML file or an MDX file's frontmatter, or a
 * component in a lesson's body (`<Cite source="naps-2019">`). Pure: it takes the file's text.
 */
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';

/** `items[0].questions[1].teaches` → ['items', 0, 'questions', 1, 'teaches']; undefined if it is no field path. */
export function parseFieldPath(field: string): (string | number)[] | undefined {
  if (!/^(?:\[\d+\]|[A-Za-z_][\w-]*)(?:\.[A-Za-z_][\w-]*|\[\d+\])*$/.test(field)) return undefined;
  const path: (string | number)[] = [];
  for (const match of field.matchAll(/\[(\d+)\]|([A-Za-z_][\w-]*)/g)) path.push(match[1] !== undefined ? Number(match[1]) : match[2]!);
  return path;
}

/**
 * The node `path` names: for a map key, the key itself (its `field:` line, since a list or
 * block value starts on the next one). A missing field points at the object that lacks it.
 */
function deepest(root: Node | null, path: (string | number)[]): Node | null {
  let node = root;
  for (const [depth, key] of path.entries()) {
    if (isMap(node)) {
      const pair = node.items.find((p) => (isScalar(p.key) ? p.key.value : p.key) === key);
      if (!pair) return node;
      if (depth === path.length - 1) return pair.key as Node;
      node = pair.value as Node | null;
    } else if (isSeq(node) && typeof key === 'number' && node.items[key]) {
      node = node.items[key] as Node;
    } else {
      return node;
    }
  }
  return node;
}

function yamlLine(text: string, path: (string | number)[]): number | undefined {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter });
  if (doc.errors.length > 0) return undefined;
  const node = deepest(doc.contents as Node | null, path);
  const start = node?.range?.[0];
  return start === undefined ? undefined : lineCounter.linePos(start).line;
}

/** The 1-based line of `field` in `text` (the whole file), or undefined when it cannot be placed. */
export function lineOfField(file: string, text: string, field: string): number | undefined {
  const isMdx = /\.mdx?$/.test(file);
  // A component in a lesson body: `<Term id="x">` → the first line with that tag and attribute.
  const component = /^<(\w+) (\w+)="([^"]*)">$/.exec(field);
  if (component) {
    const [, tag, attribute, value] = component;
    const lines = text.split(/\r?\n/);
    const index = lines.findIndex((line) => line.includes(`<${tag}`) && line.includes(`${attribute}="${value}"`));
    return index === -1 ? undefined : index + 1;
  }
  const path = parseFieldPath(field);
  if (!path) return undefined;
  if (!isMdx) return yamlLine(text, path);
  const frontmatter = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text);
  if (!frontmatter) return undefined;
  const line = yamlLine(frontmatter[1]!, path);
  return line === undefined ? undefined : line + 1;
}
