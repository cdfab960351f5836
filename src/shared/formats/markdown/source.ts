/**
 * Reads a Markdown document into top-level mdast blocks, fast and in bounded time.
 *
 * The text is parsed once by markdown-it (CommonMark, with GFM tables and strikethrough; HTML
 * kept) and its tokens turned into mdast (mdast.ts). Before that, it is scanned line by line so
 * that no input can make the parse slow or deep:
 * - a line with more than MAX_CONTAINER_MARKERS nested list or quote markers, or a deeper indent than
 *   MAX_INDENT, is cut back (nesting beyond that is not meaningful);
 * - a paragraph with more than MAX_INLINE_MARKERS emphasis, link or code markers is read as plain
 *   text (the markers are escaped), and so is a table row with more than MAX_INLINE_MARKERS cells;
 * - headings and `<details>` lines are counted as sections against the import limits before any
 *   parsing.
 *
 * Each block is then made safe (sanitizeTree), with a warning naming the line for each change:
 * links with a scheme other than http, https and mailto become their text; the content of
 * `<script>` and `<style>` elements is dropped; zero-width and bidi characters at the ends of
 * headings and list items (the titles of roles, categories and personas) are removed.
 */
import type { Nodes, Parent, Root, RootContent } from 'mdast'
import { parseDocument } from 'yaml'
import {
  hasInvisible,
  isExportableLink,
  trimInvisible,
  trimInvisibleEnd,
  trimInvisibleStart
} from '../../text/export-safety'
import { parseJsonSafely } from '../../text/safe-json'
import type { ParseContext } from '../context'
import { parseBlocks } from './mdast'

/** Stands in for an unescaped " - " separator in headings and list items (see markSeparators). */
export const SEPARATOR = '\u0001'
/**
 * The other separators a person or a word processor types: en dash, em dash (between blanks) and
 * a colon after the first part ("Management: Manager and above"). Each has its own stand-in so
 * that text which is not split gets its own character back (restoreSeparators).
 */
const STAND_IN: Record<string, string> = { '-': SEPARATOR, '–': '\u0002', '—': '\u0003', ':': '\u0004' }
const ORIGINAL: Record<string, string> = { [SEPARATOR]: '-', '\u0002': '–', '\u0003': '—', '\u0004': ':' }
/** Any separator stand-in. */
// eslint-disable-next-line no-control-regex -- the stand-ins are control characters
export const ANY_SEPARATOR = /[\u0001-\u0004]/g
/** The characters the stand-ins replaced. */
export const restoreSeparators = (text: string): string =>
  text.replace(ANY_SEPARATOR, (c) => ORIGINAL[c] ?? c)

export const MAX_CONTAINER_MARKERS = 10
export const MAX_INDENT = 40
export const MAX_INLINE_MARKERS = 1000
const MAX_FRONT_MATTER_CHARS = 65_536
const MAX_SANITIZE_REPORTS = 5

/** The Markdown text the blocks were read from: the document after its front matter. */
export interface MdChunk {
  text: string
  /** Line number, in the original file, of the text's first line. */
  firstLine: number
}

export interface MdBlock {
  node: RootContent
  chunk: MdChunk
}

export interface MdDocument {
  blocks: MdBlock[]
  /** The YAML front matter, when the document opens with one that is a mapping. */
  metadata: Record<string, unknown>
}

export interface ReadOptions {
  /** Replace " - " separators in headings and top-level list items by SEPARATOR (persona pages). */
  markSeparators: boolean
  onProgress?: (fraction: number) => void
}

interface Positioned {
  position?: { start: { line: number; offset?: number }; end: { offset?: number } }
}

/** The 1-based line in the original file where a node starts. */
export const lineOf = (node: Positioned, chunk: MdChunk): number =>
  (node.position?.start.line ?? 1) + chunk.firstLine - 1

/** The node's Markdown source. */
export const rawOf = (node: Positioned, chunk: MdChunk): string =>
  chunk.text.slice(node.position?.start.offset ?? 0, node.position?.end.offset ?? 0)

const HEADING = /^ {0,3}#{1,6}(?:[ \t]|$)/
const DETAILS = /^ {0,3}<\/?(?:details|summary)(?:[\s>]|$)/i
const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})/
const HTML_RAW_OPEN = /^ {0,3}<(script|pre|style|textarea)(?:[\s>]|$)/i
const COMMENT_OPEN = /^ {0,3}<!--/
const LIST_MARKER = /^[ \t]*(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)/
const LONG_CONTAINER_PREFIX = new RegExp(
  `^[ \\t>*+\\-\\d.)]{${Math.min(MAX_CONTAINER_MARKERS, Math.floor(MAX_INDENT / 4)) + 1}}`
)
const THEMATIC_BREAK = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/
/** A line that starts with none of: white space, a heading, fence, HTML, list or quote marker. */
const PLAIN_LINE = /^[^\s#<`~>*+\-\d]/
const FOOTNOTE = /^\[\^[^\]]+\]:/
const INLINE_MARKERS = /[*_`[\]<~]/g
// "!" is escaped with them (an escaped "[" after "!" is slow to read too) but not counted: prose is full of it.
const ESCAPE_TARGETS = /\\[\s\S]|[*_`[\]<~!]/g
const PIPES = /\|/g

const isBlank = (line: string): boolean => line.trim() === ''

function closesFence(line: string, fence: string): boolean {
  const match = /^ {0,3}(`{3,}|~{3,})[ \t]*$/.exec(line)
  return match !== null && match[1][0] === fence[0] && match[1].length >= fence.length
}

/** Turns a YAML front matter into plain data (strings stay strings, forbidden keys are dropped); {} when it cannot. */
function readFrontMatter(yamlText: string, firstLine: number, ctx: ParseContext): Record<string, unknown> {
  if (yamlText.length > MAX_FRONT_MATTER_CHARS) {
    ctx.warn(firstLine, 'The front matter is larger than 64 KB and was not read.')
    return {}
  }
  try {
    const doc = parseDocument(yamlText, { schema: 'core', prettyErrors: true })
    if (doc.errors.length > 0) {
      const error = doc.errors[0]
      const line = error.linePos ? firstLine + error.linePos[0].line - 1 : firstLine
      const what = error.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '')
      ctx.warn(line, `The front matter is not valid YAML (${what}); it was not kept.`)
      return {}
    }
    const value: unknown = doc.toJS({ maxAliasCount: 100 })
    if (value === null) return {}
    if (typeof value !== 'object' || Array.isArray(value)) {
      ctx.warn(firstLine, 'The front matter is not a list of “key: value” lines; it was not kept.')
      return {}
    }
    // Through JSON: drops __proto__-style keys, functions and non-finite numbers.
    const safe = parseJsonSafely(JSON.stringify(value)).value
    return safe !== null && typeof safe === 'object' ? (safe as Record<string, unknown>) : {}
  } catch (error) {
    ctx.warn(firstLine, `The front matter could not be read (${String(error)}); it was not kept.`)
    return {}
  }
}

/** What every separator markSeparators marks has: a dash after a blank, or a colon before one. */
const MAYBE_SEPARATOR = /[ \t][-–—](?=[ \t]|$)|:(?=[ \t])/

/** A colon after a word (not escaped), followed by blanks and more text: "Management: Manager and above". */
const COLON_SEPARATOR = /([^\s\\][ \t]*):(?=[ \t]+\S)/g

/**
 * Marks the separators of a heading's or list item's text, keeping offsets: every hyphen, en dash
 * or em dash between blanks; colons too when there is no dash, else only a colon before the
 * first dash. An escaped `\-` or `\:`, or a dash written `&#8211;`, is text.
 */
function markParts(text: string, dashes: RegExp): string {
  const out = text.replace(dashes, (_m, before: string, dash: string) => before + STAND_IN[dash])
  // eslint-disable-next-line no-control-regex -- the dash stand-ins are control characters
  const firstDash = out.search(/[\u0001-\u0003]/)
  if (firstDash < 0) return out.replace(COLON_SEPARATOR, `$1${STAND_IN[':']}`)
  return out.slice(0, firstDash).replace(COLON_SEPARATOR, `$1${STAND_IN[':']}`) + out.slice(firstDash)
}

/** Replaces unescaped separators (" - ", " – ", " — ", "Name: ") in headings and list items by stand-ins. */
function markSeparators(line: string): string {
  const heading = /^( {0,3}#{1,6}[ \t]+)(.*)$/.exec(line)
  if (heading) return heading[1] + markParts(heading[2], /(^|[ \t])([-–—])(?=[ \t]|$)/g)
  // After the item's marker and any markers of lists nested on the same line ("- - x").
  const item = /^( {0,3}(?:[-*+]|\d{1,9}[.)])[ \t]+(?:(?:[-*+]|\d{1,9}[.)]|>)[ \t]+)*)(.*)$/.exec(line)
  if (item) return item[1] + markParts(item[2], /([ \t])([-–—])(?=[ \t]|$)/g)
  return line
}

/** Escapes inline markers after a line's container prefix, leaving existing escapes as they are. */
function escapeInlineMarkers(line: string): string {
  const prefix =
    /^(?:[ \t]*(?:>|(?:[-*+]|\d{1,9}[.)])(?=[ \t]|$)|#{1,6}(?=[ \t]|$)))*[ \t]*/.exec(line)?.[0] ?? ''
  const rest = line.slice(prefix.length).replace(ESCAPE_TARGETS, (m) => (m[0] === '\\' ? m : `\\${m}`))
  return prefix + rest
}

/**
 * Limits how deeply one line nests containers: whitespace runs in the line's container prefix are
 * cut to MAX_INDENT columns, and the marker after the first MAX_CONTAINER_MARKERS is escaped.
 */
function capContainers(line: string): { line: string; capped: boolean } {
  // Capping needs more than MAX_CONTAINER_MARKERS markers or MAX_INDENT columns (a tab is at most
  // 4): a longer prefix of marker and blank characters than most lines have.
  if (!LONG_CONTAINER_PREFIX.test(line) || THEMATIC_BREAK.test(line)) return { line, capped: false }
  let out = ''
  let pos = 0
  let markers = 0
  let capped = false
  for (;;) {
    let ws = ''
    let columns = 0
    while (pos < line.length && (line[pos] === ' ' || line[pos] === '\t')) {
      columns += line[pos] === '\t' ? 4 - (columns % 4) : 1
      ws += line[pos]
      pos++
    }
    if (columns > MAX_INDENT) {
      ws = ' '.repeat(MAX_INDENT)
      capped = true
    }
    out += ws
    const marker = /^(?:>|[-*+](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$))/.exec(line.slice(pos, pos + 12))
    if (!marker) break
    markers++
    if (markers > MAX_CONTAINER_MARKERS) {
      const m = marker[0]
      out += m.length === 1 ? `\\${m}` : `${m.slice(0, -1)}\\${m.slice(-1)}`
      pos += m.length
      capped = true
      break
    }
    out += marker[0]
    pos += marker[0].length
  }
  return capped ? { line: out + line.slice(pos), capped } : { line, capped }
}

/** Reads front matter, then scans and parses the body. Never throws on content. */
export function readMarkdown(input: string, ctx: ParseContext, options: ReadOptions): MdDocument {
  // Line endings as the parser expects them; NUL and the separator stand-ins are not text.
  // eslint-disable-next-line no-control-regex -- NUL and the stand-ins are control characters
  const text = input.replace(/\r\n?|[\u0000-\u0004]/g, (c) => (c[0] === '\r' ? '\n' : '\uFFFD'))
  const lines = text.split('\n')
  let start = 0
  let metadata: Record<string, unknown> = {}
  if (lines[0]?.trimEnd() === '---') {
    const limit = Math.min(lines.length, 5000)
    for (let k = 1; k < limit; k++) {
      const line = lines[k].trimEnd()
      if (line !== '---' && line !== '...') continue
      metadata = readFrontMatter(lines.slice(1, k).join('\n'), 2, ctx)
      start = k + 1
      break
    }
  }

  let fence: string | null = null
  let rawEnd: RegExp | null = null
  let unitStart = -1
  let unitMarkers = 0
  let cappedLines = 0
  let escapedUnits = 0

  const flushUnit = (end: number): void => {
    if (unitStart >= 0 && unitMarkers > MAX_INLINE_MARKERS) {
      for (let k = unitStart; k < end; k++) lines[k] = escapeInlineMarkers(lines[k])
      if (escapedUnits++ < MAX_SANITIZE_REPORTS) {
        ctx.warn(
          unitStart + 1,
          `This paragraph has more than ${MAX_INLINE_MARKERS} Markdown emphasis, link or code markers; it was read as plain text.`
        )
      }
    }
    unitStart = -1
    unitMarkers = 0
  }
  const capTableRow = (line: string, index: number): string => {
    if (line.length <= MAX_INLINE_MARKERS || (line.match(PIPES)?.length ?? 0) <= MAX_INLINE_MARKERS)
      return line
    // A table row this wide is quadratic to read as a table: read it as text.
    if (escapedUnits++ < MAX_SANITIZE_REPORTS) {
      ctx.warn(
        index + 1,
        `This line has more than ${MAX_INLINE_MARKERS} table cells; it was read as plain text.`
      )
    }
    return line.replace(/\\[\s\S]|\|/g, (m) => (m[0] === '\\' ? m : '\\|'))
  }

  for (let i = start; i < lines.length; i++) {
    const line = lines[i]
    if (fence !== null) {
      if (closesFence(line, fence)) fence = null
      continue
    }
    if (rawEnd !== null) {
      if (rawEnd.test(line)) rawEnd = null
      continue
    }
    if (PLAIN_LINE.test(line)) {
      // Most lines: text that opens, closes and nests nothing; only its markers and width count.
      // A footnote ("[^1]: …") is kept as text: markdown-it would take it for a link definition.
      const next = capTableRow(FOOTNOTE.test(line) ? `\\${line}` : line, i)
      lines[i] = next
      if (unitStart < 0) unitStart = i
      unitMarkers += next.match(INLINE_MARKERS)?.length ?? 0
      continue
    }
    const blank = isBlank(line)
    const hard = HEADING.test(line) || DETAILS.test(line)
    const fenceOpen = FENCE_OPEN.exec(line)
    const rawOpen = HTML_RAW_OPEN.exec(line)
    const commentOpen = COMMENT_OPEN.test(line) && !line.includes('-->')
    const itemStart = LIST_MARKER.test(line)
    if (blank || hard || fenceOpen || rawOpen || commentOpen || itemStart) flushUnit(i)
    // Sections are counted against the import limits before anything is parsed.
    if (hard) ctx.created('sections', i + 1)

    let next = line
    const capped = capContainers(next)
    if (capped.capped) {
      next = capped.line
      if (cappedLines++ < MAX_SANITIZE_REPORTS) {
        ctx.warn(
          i + 1,
          `Lists or quotes nest too deeply here; nesting beyond ${MAX_CONTAINER_MARKERS} levels was cut.`
        )
      }
    }
    if (options.markSeparators && MAYBE_SEPARATOR.test(next)) next = markSeparators(next)
    next = capTableRow(next, i)
    lines[i] = next

    if (fenceOpen) {
      fence = fenceOpen[1]
    } else if (rawOpen) {
      const tag = rawOpen[1].toLowerCase()
      if (!new RegExp(`</${tag}>`, 'i').test(next)) rawEnd = new RegExp(`</${tag}>`, 'i')
    } else if (commentOpen) {
      rawEnd = /-->/
    } else if (!blank) {
      if (unitStart < 0) unitStart = i
      unitMarkers += next.match(INLINE_MARKERS)?.length ?? 0
      if (hard) flushUnit(i + 1)
    }
  }
  flushUnit(lines.length)
  if (cappedLines > MAX_SANITIZE_REPORTS) {
    ctx.warn(null, `${cappedLines - MAX_SANITIZE_REPORTS} more lines nested too deeply and were cut.`)
  }
  if (escapedUnits > MAX_SANITIZE_REPORTS) {
    ctx.warn(null, `${escapedUnits - MAX_SANITIZE_REPORTS} more paragraphs were read as plain text.`)
  }

  const chunk: MdChunk = { text: lines.slice(start).join('\n'), firstLine: start + 1 }
  const blocks: MdBlock[] = []
  const trimTitles = hasInvisible(chunk.text)
  parseBlocks(chunk.text, (node, fraction) => {
    // Each block is made safe on its own: sanitizeTree works on a parent's children.
    const root: Root = { type: 'root', children: [node] }
    sanitizeTree(root, chunk, ctx, trimTitles)
    for (const kept of root.children) blocks.push({ node: kept, chunk })
    options.onProgress?.(fraction)
  })
  options.onProgress?.(1)
  return { blocks, metadata }
}

const SCRIPT_ELEMENT = /<(script|style)\b[^>]*>[\s\S]*?(?:<\/\1\s*>|$)/gi
const SCRIPT_OPEN = /<(script|style)\b[^>]*>/i
const SCRIPT_CLOSE = /<\/(script|style)\s*>/i

/**
 * A target with a scheme other than http, https and mailto (javascript:, data:, vbscript:, file:,
 * a drive letter …). Relative targets (`other-page.md`) have none: they run nothing and are kept.
 */
const isUnsafeTarget = (url: string): boolean => /^\s*[a-z][a-z0-9+.-]*:/i.test(url) && !isExportableLink(url)

/** A link target short enough to quote in a message. */
const quoteTarget = (url: string): string => (url.length > 60 ? `${url.slice(0, 57)}…` : url)

interface TextLeaf {
  value: string
}

/** The text nodes of a phrasing container, in order (iterative). */
function textLeaves(node: Parent): TextLeaf[] {
  const out: TextLeaf[] = []
  const stack: Nodes[] = [...(node.children as Nodes[])].reverse()
  while (stack.length > 0) {
    const next = stack.pop() as Nodes // non-empty by the loop condition
    if (next.type === 'text') out.push(next)
    else if ('children' in next && next.type !== 'list') {
      for (let i = next.children.length - 1; i >= 0; i--) stack.push(next.children[i] as Nodes)
    }
  }
  return out
}

/**
 * Removes zero-width and bidi characters at the ends of a heading's or list item's text and of its
 * " - " parts (SEPARATOR); true when it removed any.
 */
function trimTitle(node: Parent): boolean {
  const leaves = textLeaves(node)
  let changed = false
  const set = (leaf: TextLeaf, value: string): void => {
    if (value !== leaf.value) changed = true
    leaf.value = value
  }
  for (const leaf of leaves) {
    set(leaf, trimInvisibleStart(leaf.value))
    if (leaf.value.trim() !== '') break
  }
  for (let i = leaves.length - 1; i >= 0; i--) {
    set(leaves[i], trimInvisibleEnd(leaves[i].value))
    if (leaves[i].value.trim() !== '') break
  }
  for (const leaf of leaves) {
    if (leaf.value.includes(SEPARATOR))
      set(leaf, leaf.value.split(SEPARATOR).map(trimInvisible).join(SEPARATOR))
  }
  return changed
}

/**
 * Makes parsed blocks safe to keep, in place: a link whose target is not http, https or mailto
 * is replaced by its text; `<script>` and `<style>` elements lose their content; headings and list
 * items lose zero-width and bidi characters at their ends (skipped when `trimTitles` is false: the
 * text holds none). Each change is a warning with its line.
 */
export function sanitizeTree(root: Parent, chunk: MdChunk, ctx: ParseContext, trimTitles = true): void {
  const parents: Parent[] = [root]
  while (parents.length > 0) {
    const parent = parents.pop() as Parent // non-empty by the loop condition
    if (trimTitles && parent.type === 'heading' && trimTitle(parent)) {
      ctx.warn(
        lineOf(parent, chunk),
        'Zero-width or text-direction characters at the start or end of this heading were removed.'
      )
    }
    if (trimTitles && parent.type === 'listItem') {
      const first = parent.children[0]
      if (first?.type === 'paragraph' && trimTitle(first)) {
        ctx.warn(
          lineOf(parent, chunk),
          'Zero-width or text-direction characters at the start or end of this list item were removed.'
        )
      }
    }
    const children = parent.children as Nodes[]
    const kept: Nodes[] = []
    let inScript = false
    for (const child of children) {
      if (inScript) {
        // Inline <script>…</script>: everything up to the closing tag goes.
        if (child.type === 'html' && SCRIPT_CLOSE.test(child.value)) inScript = false
        continue
      }
      if (child.type === 'link' && isUnsafeTarget(child.url)) {
        const line = lineOf(child, chunk)
        const label = collapseLabel(child)
        ctx.warn(
          line,
          label === '' || label === child.url
            ? `The link to “${quoteTarget(child.url)}” was dropped: only web (http, https), mail and relative links are kept.`
            : `The link “${label}” to “${quoteTarget(child.url)}” was dropped and its text kept: only web (http, https), mail and relative links are kept.`
        )
        kept.push(...(child.children as Nodes[]))
        continue
      }
      if (child.type === 'html' && SCRIPT_OPEN.test(child.value)) {
        const element = SCRIPT_OPEN.exec(child.value)?.[1].toLowerCase() ?? 'script'
        ctx.warn(lineOf(child, chunk), `The content of a <${element}> element was dropped.`)
        const value = child.value.replace(SCRIPT_ELEMENT, '')
        // Inline HTML is one tag per node: an opening tag drops what follows up to the closing one.
        if (parent.type !== 'root' && !SCRIPT_CLOSE.test(child.value)) inScript = true
        if (value.trim() !== '') kept.push({ ...child, value })
        continue
      }
      kept.push(child)
      if ('children' in child) parents.push(child)
    }
    if (kept.length !== children.length || kept.some((c, i) => c !== children[i])) {
      parent.children = kept as Parent['children']
    }
  }
}

/** A link's text, for messages. */
function collapseLabel(link: Parent): string {
  const text = textLeaves(link)
    .map((l) => l.value)
    .join('')
    .replace(/\s+/g, ' ')
    .trim()
  return text.length > 60 ? `${text.slice(0, 57)}…` : text
}
