/**
 * What every exporter of Markdown and HTML does to user text and link targets: a file written by
 * the app opens no script, local file or inline document, and no text reads in a different order
 * than it was typed.
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
