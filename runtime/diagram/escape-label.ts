/**
 * Label text for Mermaid's double-quoted labels. Names come from user files and shared links, so everything Mermaid
 * or the browser could read as syntax or markup is written as an HTML named entity. Mermaid 12 decodes named entities
 * in quoted labels, but pre-encodes any `#word;` (its own `#quot;` form and numeric entities render as garbage), so
 * the output never contains `#` and uses only named entities.
 */

const ENTITIES: Record<string, string> = {
  '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '#': '&num;', ';': '&semi;', '%': '&percnt;', '`': '&grave;',
  // Not needed inside quotes, escaped all the same (defence in depth): brackets, braces, parentheses and the pipe.
  '{': '&lbrace;', '}': '&rbrace;', '[': '&lsqb;', ']': '&rsqb;', '(': '&lpar;', ')': '&rpar;', '|': '&vert;',
};

/** Control characters (newlines, tabs, C1) and Unicode line and paragraph separators become a space. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;

const SPECIAL = /[&<>"#;%`{}[\]()|]/g;

/** `text` safe inside a double-quoted Mermaid label: the characters above as named entities, controls as spaces. */
export function escapeLabel(text: string): string {
  return text.replace(CONTROL, ' ').replace(SPECIAL, (c) => ENTITIES[c]);
}

/** Longest label line, in characters (code points), before escaping, so an entity is never cut. */
export const MAX_LABEL_LINE = 60;

/** `text` cut to MAX_LABEL_LINE code points, ending with '…' when cut (never splitting a surrogate pair). */
export function shortenLine(text: string, max = MAX_LABEL_LINE): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}
