/**
 * Escaping of data-borne text (names, titles, ids) for the minutes. Every string that comes
 * from the ledger goes through one of these: an associate may be called anything, and a
 * procès-verbal that a name can rewrite is worthless.
 */

const HTML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text and attribute values alike (both quotes escaped). */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ENTITIES[c]);
}

/**
 * One line of Markdown text, safe anywhere a paragraph or a table cell may hold it: newlines
 * fold to spaces (a line break would end the table row), inline syntax and raw HTML are
 * backslash-escaped (CommonMark escapes any ASCII punctuation), and a leading character that
 * would open a heading, list, quote or setext underline is escaped too.
 */
export function escapeMarkdown(text: string): string {
  const oneLine = text.replace(/\r\n?|\n/g, ' ').trim();
  const inline = oneLine
    .replace(/[\\`*_[\]<>|~]/g, (c) => `\\${c}`)
    // `&amp;` would render as `&`: escape only what an entity would swallow.
    .replace(/&(?=#?[A-Za-z0-9]+;)/g, '\\&');
  return (
    inline
      .replace(/^([#+\-=])/, '\\$1')
      // "1. " opens an ordered list; "30.00 %" does not.
      .replace(/^(\d{1,9})([.)])(?=\s|$)/, '$1\\$2')
  );
}

/** A code span for identifiers and hashes; anything a code span could not hold verbatim falls back to escaped text. */
export function markdownCode(text: string): string {
  return /^[A-Za-z0-9:._\-/]+$/.test(text) ? `\`${text}\`` : escapeMarkdown(text);
}
