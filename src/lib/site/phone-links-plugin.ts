/**
 * Lesson prose: 988, 911 and any phone number become tap-to-call links, and "text 988" a
 * tap-to-text link (issue 20), the way PhoneText.astro does for the resources page and the desk
 * cards (src/lib/site/phone-links.ts). A hast plugin for Sätteri, Astro 7's Markdown and MDX
 * processor (astro.config.mjs `markdown.processor`; MDX inherits it).
 *
 * Left as they are: text already inside a link, a button, code or a heading, and inside the
 * components that are interactive themselves or render their own text (a glossary <Term> is a
 * button, a <Cite> a link, <Check> and <Reflect> take props); a <Callout>'s prose is linked like
 * any other. So a link is never nested in something interactive. Pure: no DOM, no file access.
 */
import { phonePieces, type PhonePiece } from './phone-links';

/** The few hast shapes this step reads and writes. */
export interface HastLike {
  type: string;
  tagName?: string;
  /** An MDX component's name. */
  name?: string | null;
  value?: string;
  properties?: Record<string, unknown>;
  children?: HastLike[];
}

/** Elements whose text is never made a link. */
const LEAVE_ALONE = new Set(['a', 'button', 'code', 'pre', 'kbd', 'samp', 'script', 'style', 'textarea', 'select', 'option', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'summary', 'label', 'svg']);
/** Components whose children are lesson prose like any other. */
const PROSE_COMPONENTS = new Set(['Callout']);

/** Whether text inside `node` must stay as it is. */
export function leavesTextAlone(node: HastLike): boolean {
  if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') return !PROSE_COMPONENTS.has(node.name ?? '');
  return node.type === 'element' && LEAVE_ALONE.has(node.tagName ?? '');
}

/** A text's replacement nodes, or undefined when it holds no number. */
export function phoneLinkNodes(text: string): HastLike[] | undefined {
  const pieces = phonePieces(text);
  if (!pieces.some((piece) => piece.href !== undefined)) return undefined;
  return pieces.map((piece: PhonePiece) =>
    piece.href === undefined
      ? { type: 'text', value: piece.text }
      : { type: 'element', tagName: 'a', properties: { className: ['phone', `phone--${piece.kind}`], href: piece.href }, children: [{ type: 'text', value: piece.text }] },
  );
}

interface VisitorContext {
  parent(node: unknown): HastLike | undefined;
  replaceNode(node: unknown, replacement: never): void;
}

/** The Sätteri hast plugin: `satteri({ hastPlugins: [phoneLinksPlugin] })`. */
export const phoneLinksPlugin = {
  name: 'crosswalk:phone-links',
  text(node: Readonly<{ type: 'text'; value: string }>, ctx: VisitorContext): void {
    const replacement = phoneLinkNodes(node.value);
    if (!replacement) return;
    for (let up = ctx.parent(node); up; up = ctx.parent(up)) if (leavesTextAlone(up)) return;
    ctx.replaceNode(node, replacement as never);
  },
};
