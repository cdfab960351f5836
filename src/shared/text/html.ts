/** HTML escaping, for every writer of HTML: the gap report and the taxonomy export's `<summary>`. */
import { stripInvisibleControls } from './export-safety'

const ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;'
}

/**
 * Text as HTML that shows it as it is, in element content and in quoted attribute values alike:
 * `&`, `<`, `>`, `"` and `'` become character references; bidi controls, and zero-width
 * characters at the ends, are dropped (stripInvisibleControls).
 */
export const escapeHtml = (text: string): string =>
  stripInvisibleControls(text).replace(/[&<>"']/g, (c) => ENTITIES[c])
