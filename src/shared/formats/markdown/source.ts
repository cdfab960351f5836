/**
 * Reads a Markdown document into top-level mdast blocks, fast and in bounded time.
 *
 * `mdast-util-from-markdown` slows down on long documents and on some inline patterns, so the text
 * is first scanned line by line:
 * - it is cut into chunks at heading and `<details>`/`<summary>` lines (and, once a chunk is large,
 *   at blank lines and top-level list items), outside fenced code and HTML comments; each chunk is
 *   parsed on its own and its blocks keep their line numbers in the original file;
 * - a line with more than MAX_CONTAINER_MARKERS nested list or quote markers, or a deeper indent than
 *   MAX_INDENT, is cut back (nesting beyond that is not meaningful and makes the parser quadratic);
 * - a paragraph with more than MAX_INLINE_MARKERS emphasis, link or code markers is read as plain
 *   text (the markers are escaped), because resolving them is quadratic.
 * GFM (tables, strikethrough, task lists, footnotes) is switched on only for chunks that use it.
 *
 * Each chunk's tree is then made safe (sanitizeTree), with a warning naming the line for each
 * change: links with a scheme other than http, https and mailto become their text; the content of
 * `<script>` and `<style>` elements is dropped; zero-width and bidi characters at the ends of
 * headings and list items (the titles of roles, categories and personas) are removed.
 */
import type { Nodes, Parent, RootContent } from 'mdast'
import { fromMarkdown } from 'mdast-util-from-markdown'
import { gfmFromMarkdown } from 'mdast-util-gfm'
import { gfm } from 'micromark-extension-gfm'
import { parseDocument } from 'yaml'
import {
  isExportableLink,
  trimInvisible,
  trimInvisibleEnd,
  trimInvisibleStart
} from '../../text/export-safety'
import { parseJsonSafely } from '../../text/safe-json'
import type { ParseContext } from '../context'

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
const SOFT_CHUNK_CHARS = 16_000
const MAX_FRONT_MATTER_CHARS = 65_536
const MAX_SANITIZE_REPORTS = 5

export interface MdChunk {
  text: string
  /** Line number, in the original file, of the chunk's first line. */
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
const TOP_LIST_MARKER = /^(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)/
const THEMATIC_BREAK = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/
const INLINE_MARKERS = /[*_`[\]<~]/g
// "!" is escaped with them (an escaped "[" after "!" is slow to read too) but not counted: prose is full of it.
const ESCAPE_TARGETS = /\\[\s\S]|[*_`[\]<~!]/g
const PIPES = /\|/g
const LINK_DEFINITION = /^ {0,3}\[((?:[^\]\\]|\\.){1,999})\]:[ \t]*\S/

const GFM_CONSTRUCTS = [
  /^(?=[^\n]*\|)(?=[^\n]*-)[ \t|:-]+$/m, // a table delimiter row
  /(?<!\\)~/, // strikethrough
  /^[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+\[[ xX]\]/m, // a task list item
  /(?<!\\)\[\^/ // a footnote
]
const GFM_OPTIONS = { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] }

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
  if (THEMATIC_BREAK.test(line)) return { line, capped: false }
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

/** Reads front matter, then scans, cuts and parses the body. Never throws on content. */
export function readMarkdown(input: string, ctx: ParseContext, options: ReadOptions): MdDocument {
  const text = input.replace(ANY_SEPARATOR, '\uFFFD')
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

  const definitions: string[] = []
  const chunks: { from: number; to: number }[] = []
  let chunkStart = start
  let chunkChars = 0
  let fence: string | null = null
  let rawEnd: RegExp | null = null
  let unitStart = -1
  let unitMarkers = 0
  let prevBlank = true
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
  const cut = (at: number): void => {
    if (at > chunkStart) chunks.push({ from: chunkStart, to: at })
    chunkStart = at
    chunkChars = 0
  }

  for (let i = start; i < lines.length; i++) {
    const line = lines[i]
    if (fence !== null) {
      if (closesFence(line, fence)) fence = null
      chunkChars += line.length + 1
      continue
    }
    if (rawEnd !== null) {
      if (rawEnd.test(line)) rawEnd = null
      chunkChars += line.length + 1
      continue
    }
    const blank = isBlank(line)
    const hard = HEADING.test(line) || DETAILS.test(line)
    const fenceOpen = FENCE_OPEN.exec(line)
    const rawOpen = HTML_RAW_OPEN.exec(line)
    const commentOpen = COMMENT_OPEN.test(line) && !line.includes('-->')
    const itemStart = LIST_MARKER.test(line)
    if (blank || hard || fenceOpen || rawOpen || commentOpen || itemStart) flushUnit(i)
    if (hard) {
      // Each heading or <details> line starts a piece parsed on its own: counted before any is parsed.
      ctx.created('sections', i + 1)
      cut(i)
    } else if (
      chunkChars >= SOFT_CHUNK_CHARS &&
      (TOP_LIST_MARKER.test(line) || (prevBlank && !blank && line[0] !== ' ' && line[0] !== '\t'))
    ) {
      cut(i)
    }

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
    if (options.markSeparators && /[-–—:]/.test(next)) next = markSeparators(next)
    if (next.length > MAX_INLINE_MARKERS && (next.match(PIPES)?.length ?? 0) > MAX_INLINE_MARKERS) {
      // A table row this wide is quadratic to read as a table: read it as text.
      next = next.replace(/\\[\s\S]|\|/g, (m) => (m[0] === '\\' ? m : '\\|'))
      if (escapedUnits++ < MAX_SANITIZE_REPORTS) {
        ctx.warn(
          i + 1,
          `This line has more than ${MAX_INLINE_MARKERS} table cells; it was read as plain text.`
        )
      }
    }
    lines[i] = next
    if (LINK_DEFINITION.test(next)) definitions.push(next)

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
    chunkChars += next.length + 1
    prevBlank = blank
  }
  flushUnit(lines.length)
  cut(lines.length)
  if (cappedLines > MAX_SANITIZE_REPORTS) {
    ctx.warn(null, `${cappedLines - MAX_SANITIZE_REPORTS} more lines nested too deeply and were cut.`)
  }
  if (escapedUnits > MAX_SANITIZE_REPORTS) {
    ctx.warn(null, `${escapedUnits - MAX_SANITIZE_REPORTS} more paragraphs were read as plain text.`)
  }

  const blocks: MdBlock[] = []
  const useDefinitions = definitions.length > 0 && definitions.length <= 500
  chunks.forEach(({ from, to }, index) => {
    let body = lines.slice(from, to).join('\n')
    const chunk: MdChunk = { text: body, firstLine: from + 1 }
    if (useDefinitions && body.includes(']')) {
      // Reference links resolve across chunks: append the document's definitions after the chunk.
      body = `${body}\n\n${definitions.join('\n')}\n`
      chunk.text = body
    }
    const gfmNeeded = GFM_CONSTRUCTS.some((re) => re.test(body))
    const root = gfmNeeded ? fromMarkdown(body, GFM_OPTIONS) : fromMarkdown(body)
    sanitizeTree(root, chunk, ctx)
    for (const node of root.children) {
      if (node.type === 'definition' && lineOf(node, chunk) >= to + 1) continue
      blocks.push({ node, chunk })
    }
    options.onProgress?.((index + 1) / chunks.length)
  })
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
 * Makes a parsed chunk safe to keep, in place: a link whose target is not http, https or mailto
 * is replaced by its text; `<script>` and `<style>` elements lose their content; headings and list
 * items lose zero-width and bidi characters at their ends. Each change is a warning with its line.
 */
export function sanitizeTree(root: Parent, chunk: MdChunk, ctx: ParseContext): void {
  const parents: Parent[] = [root]
  while (parents.length > 0) {
    const parent = parents.pop() as Parent // non-empty by the loop condition
    if (parent.type === 'heading' && trimTitle(parent)) {
      ctx.warn(
        lineOf(parent, chunk),
        'Zero-width or text-direction characters at the start or end of this heading were removed.'
      )
    }
    if (parent.type === 'listItem') {
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
