/**
 * Makes text from data or config safe inside GitHub Markdown, table cells included: nothing in it can
 * close a table cell, open a link, an HTML tag or a code span, start emphasis or a heading, become a
 * bare-URL autolink, or @mention anyone. The text reads the same; only invisible characters and
 * entities are added.
 */
const REPLACEMENTS: Record<string, string> = {
  '\\': '\\\\',
  '|': '\\|',
  '<': '&lt;',
  '>': '&gt;',
  '&': '&amp;',
  '[': '\\[',
  ']': '\\]',
  '`': '\\`',
  '*': '\\*',
  _: '\\_',
  '~': '\\~',
  '#': '\\#',
  '!': '\\!',
  // A zero-width space after @ keeps the text readable and stops GitHub from notifying anyone.
  '@': '@&#8203;'
}

/**
 * GitHub links bare URLs (`https://…`, `www.…`) and `#123` references in text: an entity for the ':'
 * or '.', or a zero-width space after '#' (not the '#' of an entity), keeps them text. Applied after
 * the other escapes, so that these entities are not escaped again.
 */
const unlink = (text: string) =>
  text
    .replace(/:\/\//g, '&#58;//')
    .replace(/\b(www)\./gi, '$1&#46;')
    .replace(/(?<!&)#(?=[0-9A-Za-z])/g, '#&#8203;')

export function esc(text: string): string {
  return unlink(text.replace(/[\r\n]+/g, ' ').replace(/[\\|<>&[\]`*_~#!@]/g, c => REPLACEMENTS[c]))
}

/** Text for HTML contexts such as <summary>, where Markdown escapes would show as backslashes. */
export function escHtml(text: string): string {
  return unlink(
    text
      .replace(/[\r\n]+/g, ' ')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      .replace(/@/g, '@&#8203;')
  )
}

/** A code span for config text (ids, versions): no backtick can end it and no pipe can end a table cell. */
export function code(text: string): string {
  return `\`${text
    .replace(/[\r\n]+/g, ' ')
    .replace(/`/g, "'")
    .replace(/\|/g, '\\|')}\``
}
