/**
 * Markdown blocks written back as Markdown, for what is kept as Markdown rather than as clean
 * text: a persona page's introduction (the workspace's description) and tables in descriptions.
 * Text is escaped as the exporters escape it (escapeText), links are kept (http, https and mailto
 * as links, anything else as `label (target)` text, as every Markdown export writes them), and
 * other inline markup is dropped, as elsewhere in the importers. Writing, reading back and
 * writing again gives the same text.
 */
import type { List, Nodes, RootContent, Table } from 'mdast'
import { collapseSpaces } from '../../text/normalize'
import { ParseContext } from '../context'
import { escapeText, markdownLink } from './escape'
import { readMarkdown, restoreSeparators } from './source'
import { htmlText, looksLikeSectionLabel } from './text'

/**
 * A heading's or list item's text for a persona page: as escapeText, with the separators escaped
 * (a hyphen, en dash or em dash between blanks, a colon before a blank), so that it reads back as
 * one part: `\-`, `&#8211;`, `&#8212;`, `\:`.
 */
export const escapePersonaPart = (text: string): string => escapeSeparators(escapeText(text))

/** Separators in escaped text: see escapePersonaPart. */
function escapeSeparators(escaped: string): string {
  return escaped
    .replace(/(^|\s)-(?=\s|$)/g, '$1\\-')
    .replace(/(^|\s)–(?=\s|$)/g, '$1&#8211;')
    .replace(/(^|\s)—(?=\s|$)/g, '$1&#8212;')
    .replace(/(?<!\\):(?=\s|$)/g, '\\:')
}

/**
 * Inline text escaped as escapeText does, but for a piece inside a line: a "-", "+" or "1." at its
 * start opens nothing there (escapeLineStart does that once per line, so that the same text in
 * one piece or several is written the same).
 */
const escapeInline = (text: string): string => escapeText(`x${text}`).slice(1)

/** What would open a block at the start of a line ("- ", "+ ", "1. "), escaped. */
const escapeLineStart = (text: string): string =>
  (/^[-+]/.test(text) ? `\\${text}` : text).replace(/^(\d{1,9})([.)])/, '$1\\$2')

/** Inline content as escaped text, links kept; a link in a table cell whose target holds `|` is written as text. */
function inline(node: Nodes, inCell: boolean): string {
  switch (node.type) {
    case 'text':
    case 'inlineCode':
      return escapeInline(restoreSeparators(node.value).replace(/\s+/g, ' '))
    case 'break':
      return ' '
    case 'html':
      return escapeInline(htmlText(node.value))
    case 'image':
    case 'imageReference':
      return escapeInline(node.alt ?? '')
    case 'footnoteReference':
      return ''
    case 'link': {
      const label = collapseSpaces(restoreSeparators(plain(node)))
      const url = restoreSeparators(node.url)
      // A bare address (an autolink) stays text: GFM makes it a link again wherever it is read.
      // GFM gives a bare "www." address an http URL; nothing here fetches it.
      // eslint-disable-next-line @microsoft/sdl/no-insecure-url
      const bare = [label, `http://${label}`, `mailto:${label}`]
      if (bare.includes(url)) return escapeInline(label)
      return inCell && url.includes('|')
        ? escapeInline(`${label} (${url})`)
        : markdownLink(label === '' ? url : label, url)
    }
    default:
      return 'children' in node ? joinInline((node.children as Nodes[]).map((c) => inline(c, inCell))) : ''
  }
}

/** Pieces of a line joined; a "!" that would make the link after it an image is escaped. */
function joinInline(pieces: string[]): string {
  let out = ''
  for (const piece of pieces) {
    out =
      piece.startsWith('[') && /(?<!\\)(?:\\\\)*!$/.test(out) ? `${out.slice(0, -1)}\\!${piece}` : out + piece
  }
  return out
}

/** A node's text without markup (a link's label). */
function plain(node: Nodes): string {
  if (node.type === 'text' || node.type === 'inlineCode') return node.value
  if (node.type === 'image' || node.type === 'imageReference') return node.alt ?? ''
  return 'children' in node ? (node.children as Nodes[]).map(plain).join('') : ''
}

const line = (node: Nodes, inCell = false): string => collapseSpaces(inline(node, inCell))

/** A table as GFM: a header row, the delimiter row with the columns' alignment, the body rows padded to the header's width. */
export function tableMarkdown(table: Table): string {
  const width = table.children[0]?.children.length ?? 0
  const row = (cells: string[]): string => `| ${cells.join(' | ')} |`
  const rows = table.children.map((r) => {
    const cells = r.children.slice(0, width).map((cell) => line(cell, true))
    while (cells.length < width) cells.push('')
    return row(cells)
  })
  const align = Array.from({ length: width }, (_, i) => {
    const a = table.align?.[i]
    return a === 'left' ? ':---' : a === 'right' ? '---:' : a === 'center' ? ':---:' : '---'
  })
  return [rows[0], row(align), ...rows.slice(1)].join('\n').replace(/ {2,}\|/g, ' |')
}

/** A list; `other` takes the other marker ("*", "1)"), so that it does not join the list before it. */
function listMarkdown(list: List, indent: string, other = false): string[] {
  const out: string[] = []
  list.children.forEach((item, i) => {
    const marker = list.ordered ? `${(list.start ?? 1) + i}${other ? ')' : '.'}` : other ? '*' : '-'
    const text = collapseSpaces(
      item.children
        .filter((c) => c.type !== 'list')
        .map((c) => line(c))
        .join(' ')
    )
    out.push(`${indent}${marker} ${text === '' ? '' : escapeSeparators(escapeLineStart(text))}`.trimEnd())
    for (const child of item.children) {
      if (child.type === 'list') out.push(...listMarkdown(child, `${indent}${' '.repeat(marker.length + 1)}`))
    }
  })
  return out
}

/** A paragraph's text, escaped; one that would read as a section label ("Goals:") gets an escaped colon. */
function paragraphMarkdown(node: Nodes): string {
  const text = escapeLineStart(line(node))
  return looksLikeSectionLabel(collapseSpaces(restoreSeparators(plain(node))))
    ? text.replace(':', '\\:')
    : text
}

/** One block as Markdown ('' for what carries no text). `demoteHeadings` writes headings as paragraphs. */
export function blockMarkdown(node: RootContent, demoteHeadings = false, otherMarker = false): string {
  switch (node.type) {
    case 'paragraph':
      return paragraphMarkdown(node)
    case 'heading': {
      if (demoteHeadings) return paragraphMarkdown(node)
      const text = escapeSeparators(line(node))
      return text === '' ? '' : `${'#'.repeat(node.depth)} ${text}`
    }
    case 'list':
      return listMarkdown(node, '', otherMarker).join('\n')
    case 'table':
      return tableMarkdown(node)
    case 'blockquote':
      return blocksMarkdown(node.children, demoteHeadings)
        .split('\n')
        .map((l) => (l === '' ? '>' : `> ${l}`))
        .join('\n')
    case 'code': {
      const longest = Math.max(2, ...(node.value.match(/`+/g) ?? []).map((m) => m.length))
      const fence = '`'.repeat(longest + 1)
      const lang = (node.lang ?? '').trim()
      return `${fence}${/[\s`]/.test(lang) ? '' : lang}\n${restoreSeparators(node.value)}\n${fence}`
    }
    case 'html': {
      const text = collapseSpaces(htmlText(node.value))
      const out = escapeLineStart(escapeInline(text))
      return looksLikeSectionLabel(text) ? out.replace(':', '\\:') : out
    }
    case 'footnoteDefinition':
      return collapseSpaces(node.children.map((c) => line(c)).join(' '))
    default:
      return ''
  }
}

/** Markdown blocks as Markdown, separated by a blank line. */
export function blocksMarkdown(nodes: RootContent[], demoteHeadings = false): string {
  const out: string[] = []
  let other = false
  let afterList = false
  for (const node of nodes) {
    // Two lists in a row take different markers, or they would read back as one.
    other = node.type === 'list' && afterList ? !other : false
    const block = blockMarkdown(node, demoteHeadings, other)
    if (block === '') continue
    out.push(block)
    afterList = node.type === 'list'
  }
  return out.join('\n\n')
}

/**
 * Markdown text (a workspace's description, typed in the app or imported) made safe and canonical
 * for a Markdown export: read, then written back by blockMarkdown.
 */
export function canonicalMarkdown(text: string, demoteHeadings = false): string {
  if (text.trim() === '') return ''
  const { blocks } = readMarkdown(text, new ParseContext('description'), { markSeparators: false })
  return blocksMarkdown(
    blocks.map((b) => b.node),
    demoteHeadings
  )
}

const TABLE_DELIMITER = /^\|?(?:[ \t]*:?-+:?[ \t]*\|)+(?:[ \t]*:?-+:?[ \t]*)?$/

/** Whether a block of description text (lines without a blank line) is a Markdown table. */
export function isTableBlock(block: string): boolean {
  const lines = block.trim().split('\n')
  return lines.length >= 2 && lines[0].includes('|') && TABLE_DELIMITER.test(lines[1].trim())
}

/** A description block that is a table, read and written back as a canonical table; null when it does not read as one. */
export function canonicalTable(block: string): string | null {
  const { blocks } = readMarkdown(block.trim(), new ParseContext('description'), { markSeparators: false })
  return blocks.length === 1 && blocks[0].node.type === 'table' ? tableMarkdown(blocks[0].node) : null
}
