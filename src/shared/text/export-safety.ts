/**
 * What every exporter of Markdown and HTML does to user text and link targets: a file written by
 * the app opens no script, local file or inline document, and no text reads in a different order
 * than it was typed. The Markdown importers apply the same rules on the way in: they keep only the
 * links isExportableLink accepts, and trim invisible characters from the ends of titles
 * (trimInvisible).
 */

/** Bidirectional embedding and override controls (U+202A–U+202E) and isolates (U+2066–U+2069). */
const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069]/g

/** Zero-width space, non-joiner and joiner, word joiner and BOM. */
const ZERO_WIDTH = '[\\u200b-\\u200d\\u2060\\ufeff]+'
/** Those at the start of the text or a word, and at the end of one (text composed around user text keeps it in words). */
const LEADING_ZERO_WIDTH = new RegExp(`(^|\\s)${ZERO_WIDTH}`, 'g')
const TRAILING_ZERO_WIDTH = new RegExp(`${ZERO_WIDTH}(?=\\s|$)`, 'g')

/**
 * Text for an export: bidi controls removed everywhere, zero-width characters removed at the ends
 * of the text and of its words (inside a word, joiners are part of emoji sequences and scripts,
 * and stay).
 */
export const stripInvisibleControls = (text: string): string =>
  text.replace(BIDI_CONTROLS, '').replace(LEADING_ZERO_WIDTH, '$1').replace(TRAILING_ZERO_WIDTH, '')

/** The schemes an export writes as links; any other target is written as text. */
const LINK_SCHEMES = /^(?:https?|mailto):/i

/** Whether an export may write `url` as a link: an http, https or mailto URL, nothing else. */
export const isExportableLink = (url: string): boolean => LINK_SCHEMES.test(url.trim())

/** Zero-width characters, bidi controls and bidi marks (LRM, RLM, ALM). */
const INVISIBLE = /[\u200b-\u200f\u2060\ufeff\u061c\u202a-\u202e\u2066-\u2069]/
/** Whether the text holds any zero-width character, bidi control or bidi mark. */
export const hasInvisible = (text: string): boolean => INVISIBLE.test(text)
const BLANK_OR_INVISIBLE = /[\s\u200b-\u200f\u2060\ufeff\u061c\u202a-\u202e\u2066-\u2069]/

/** The text without invisible characters (and the blank space around them) at its start. */
export function trimInvisibleStart(text: string): string {
  let start = 0
  let cut = false
  for (; start < text.length && BLANK_OR_INVISIBLE.test(text[start]); start++) {
    if (INVISIBLE.test(text[start])) cut = true
  }
  return cut ? text.slice(start) : text
}

/** The text without invisible characters (and the blank space around them) at its end. */
export function trimInvisibleEnd(text: string): string {
  let end = text.length
  let cut = false
  for (; end > 0 && BLANK_OR_INVISIBLE.test(text[end - 1]); end--) {
    if (INVISIBLE.test(text[end - 1])) cut = true
  }
  return cut ? text.slice(0, end) : text
}

/**
 * The text without zero-width characters, bidi controls and bidi marks at its ends (a title that
 * starts or ends with them looks the same as one without, but would not match it). Blank space
 * next to them goes too; the rest is unchanged. Linear in the length of the text.
 */
export const trimInvisible = (text: string): string => trimInvisibleEnd(trimInvisibleStart(text))
