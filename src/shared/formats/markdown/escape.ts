/**
 * Escaping for the Markdown exporters: text written through these functions renders as itself in
 * a GFM renderer and reads back as itself through the importers.
 */
import { isExportableLink, stripInvisibleControls } from '../../text/export-safety'
import { looksLikeSectionLabel } from './text'

/** Characters that start inline markup anywhere in a line. */
const INLINE_SPECIAL = /[\\`*_[\]<>&~#|]/g

/**
 * Inline text: markup characters are backslash-escaped, a line start that would open a block (a
 * list marker, an ordered-list number) is escaped too, and so are the "://" and "www." that would
 * make GFM turn a bare URL into a link (inside one, escapes would show). Bidi controls, and
 * zero-width characters at the ends, are dropped (stripInvisibleControls).
 */
export function escapeText(text: string): string {
  let out = stripInvisibleControls(text)
    .replace(INLINE_SPECIAL, '\\$&')
    .replace(/(https?):(?=\/\/)/gi, '$1\\:')
    .replace(/(www)\./gi, '$1\\.')
  if (/^[-+]/.test(out)) out = `\\${out}`
  out = out.replace(/^(\d{1,9})([.)])/, '$1\\$2')
  return out
}

/** A paragraph: as escapeText, and a paragraph that would read as a persona section label gets an escaped colon. */
export function escapeParagraph(text: string): string {
  const out = escapeText(text)
  return looksLikeSectionLabel(text) ? out.replace(':', '\\:') : out
}

/** A heading or group-list part: as escapeText, and every hyphen between blanks is escaped (" - " separates parts). */
export const escapePart = (text: string): string => escapeText(text).replace(/(^|\s)-(?=\s|$)/g, '$1\\-')

/** A link destination: bare with escapes, or in angle brackets when it holds blanks or controls. */
export function linkDestination(raw: string): string {
  const url = stripInvisibleControls(raw)
  // eslint-disable-next-line no-control-regex -- control characters are what this looks for
  if (url === '' || /[\s\u0000-\u001f\u007f]/.test(url)) return `<${url.replace(/[\\<>&]/g, '\\$&')}>`
  return url.replace(/[\\()<>&]/g, '\\$&')
}

/**
 * A link when the target is http, https or mailto; any other target (`javascript:`, `file:`,
 * `data:`, a relative path) is written as plain text, `label (target)`, or the target alone when
 * it is the label: the reader sees where it pointed, and nothing opens it.
 */
export function markdownLink(label: string, url: string): string {
  if (isExportableLink(url)) return `[${escapeText(label)}](${linkDestination(url)})`
  const target = escapeText(url)
  const text = escapeText(label)
  return text === '' || text === target ? target : `${text} (${target})`
}

/** Description text as paragraphs: one per block separated by a blank line in the source text. */
export const paragraphs = (text: string): string[] =>
  text
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter((p) => p !== '')
