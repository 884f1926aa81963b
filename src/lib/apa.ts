/** Renders an APA citation written with `*italics*` as safe HTML. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);
}

export function apaToHtml(apa: string): string {
  return escapeHtml(apa).replace(/\*([^*]+)\*/g, '<em>$1</em>');
}

/** The citation as plain text (for search, exports and screen-reader-friendly copies). */
export function apaToText(apa: string): string {
  return apa.replace(/\*([^*]+)\*/g, '$1');
}
