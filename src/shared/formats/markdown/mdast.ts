/**
 * markdown-it tokens → the mdast nodes the Markdown readers use (taxonomy.ts, personas.ts, text.ts,
 * blocks.ts): one pass over the block tokens with a stack of open nodes, the inline tokens of each
 * block parsed as the block is reached, so that progress can be reported as the document is read.
 *
 * Positions: a block's line comes from its token's source map; an inline node's line is its
 * block's first line plus the line breaks before it. Offsets (for rawOf) are kept on blocks only,
 * from the start of their first line's text to the end of their last line; columns are not
 * tracked (always 1).
 */
import type {
  AlignType,
  Blockquote,
  Code,
  Heading,
  List,
  ListItem,
  Nodes,
  Paragraph,
  Parents,
  PhrasingContent,
  Root,
  RootContent,
  Table,
  TableCell,
  TableRow
} from 'mdast'
import type { Position } from 'unist'
import MarkdownIt, { type Env, type Token } from 'markdown-it'

declare module 'mdast' {
  interface LinkData {
    /** An autolink (`<https://…>`): a bare address, not a link written with a label. */
    autolink?: boolean
  }
}

const markdownIt = new MarkdownIt({ html: true })
// Every link is read as a link, whatever its scheme: sanitizeTree drops the unsafe ones and says so.
markdownIt.validateLink = () => true
// Targets and autolinks' text as written (escapes and character references resolved), as mdast
// keeps them: no percent-encoding, no punycode.
markdownIt.normalizeLink = (url) => url
markdownIt.normalizeLinkText = (text) => text

/** The first offset of every line of `text`. */
function lineStarts(text: string): number[] {
  const starts = [0]
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) starts.push(at + 1)
  return starts
}

const attr = (token: Token, name: string): string | null => {
  const found = token.attrs?.find(([key]) => key === name)
  return found === undefined ? null : String(found[1])
}

const ALIGN = /text-align:(left|right|center)/

/**
 * Parses `text` and calls `onBlock` with each top-level block as soon as it is complete, with the
 * fraction of the document read so far. Positions count lines from 1 at the text's first line.
 */
export function parseBlocks(text: string, onBlock: (node: RootContent, fraction: number) => void): void {
  const env: Env = {}
  const tokens: Token[] = []
  markdownIt.block.parse(text, markdownIt, env, tokens)
  const starts = lineStarts(text)

  const blockPosition = (map: [number, number] | null, parent: Parents): Position | undefined => {
    if (map === null) return parent.position
    const lineStart = starts[map[0]] ?? text.length
    let start = lineStart
    while (text[start] === ' ' || text[start] === '\t') start++
    const end = map[1] < starts.length ? starts[map[1]] - 1 : text.length
    return {
      start: { line: map[0] + 1, column: 1, offset: Math.min(start, end) },
      end: { line: map[1], column: 1, offset: end }
    }
  }

  const root: Root = { type: 'root', children: [] }
  const open: Parents[] = [root]
  let read = 0
  const top = (): Parents => open[open.length - 1]
  const add = (node: Nodes, enter: boolean): void => {
    const parent = top()
    ;(parent.children as Nodes[]).push(node)
    if (enter) open.push(node as Parents)
    else if (parent === root) onBlock(node as RootContent, read)
  }

  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]
    read = (i + 1) / tokens.length
    const position = blockPosition(token.map, top())
    switch (token.type) {
      case 'paragraph_open':
        add({ type: 'paragraph', children: [], position } satisfies Paragraph, true)
        break
      case 'heading_open':
        add(
          {
            type: 'heading',
            depth: Number(token.tag.slice(1)) as Heading['depth'],
            children: [],
            position
          } satisfies Heading,
          true
        )
        break
      case 'blockquote_open':
        add({ type: 'blockquote', children: [], position } satisfies Blockquote, true)
        break
      case 'bullet_list_open':
      case 'ordered_list_open': {
        const ordered = token.type === 'ordered_list_open'
        const start = ordered ? Number(attr(token, 'start') ?? 1) : null
        add({ type: 'list', ordered, start, spread: false, children: [], position } satisfies List, true)
        break
      }
      case 'list_item_open':
        add(
          { type: 'listItem', spread: false, checked: null, children: [], position } satisfies ListItem,
          true
        )
        break
      case 'table_open':
        add({ type: 'table', align: [], children: [], position } satisfies Table, true)
        break
      case 'tr_open':
        add({ type: 'tableRow', children: [], position } satisfies TableRow, true)
        break
      case 'th_open':
      case 'td_open': {
        const table = open[open.length - 2] as Table
        const row = top() as TableRow
        if (table.children[0] === row) {
          const align = ALIGN.exec(attr(token, 'style') ?? '')?.[1] ?? null
          ;(table.align as AlignType[]).push(align as AlignType)
        }
        add({ type: 'tableCell', children: [], position } satisfies TableCell, true)
        break
      }
      case 'inline':
        inlineNodes(token, top(), position?.start.line ?? 1, env)
        taskItem(open, token.content)
        break
      case 'code_block':
      case 'fence': {
        const info = token.info.trim()
        const space = info.search(/\s/)
        add(
          {
            type: 'code',
            lang: info === '' ? null : space < 0 ? info : info.slice(0, space),
            meta: space < 0 ? null : info.slice(space + 1).trim() || null,
            value: token.content.replace(/\n$/, ''),
            position
          } satisfies Code,
          false
        )
        break
      }
      case 'html_block':
        add({ type: 'html', value: token.content.replace(/\n$/, ''), position }, false)
        break
      case 'hr':
        add({ type: 'thematicBreak', position }, false)
        break
      case 'paragraph_close':
      case 'heading_close':
      case 'blockquote_close':
      case 'bullet_list_close':
      case 'ordered_list_close':
      case 'list_item_close':
      case 'table_close':
      case 'tr_close':
      case 'th_close':
      case 'td_close': {
        const node = open.pop() as Nodes
        if (node.type === 'paragraph' && !token.hidden) {
          // A paragraph shown in a list item (not hidden by a tight list) makes the list loose.
          const item = top()
          if (item.type === 'listItem') {
            item.spread = true
            const list = open[open.length - 2]
            if (list.type === 'list') list.spread = true
          }
        }
        if (top() === root) onBlock(node as RootContent, read)
        break
      }
      default:
        // thead/tbody only group rows: mdast has none.
        break
    }
  }
}

const TASK_MARKER = /^\[([ xX])\][ \t]+(?=\S)/

/**
 * A GFM task list item ("- [ ] Call the helpdesk"): its box is taken off its text and kept as
 * `checked`, as micromark's GFM did (markdown-it has no task lists).
 */
function taskItem(open: Parents[], source: string): void {
  const paragraph = open[open.length - 1]
  const item = open[open.length - 2]
  if (paragraph?.type !== 'paragraph' || item?.type !== 'listItem' || item.children[0] !== paragraph) return
  // Read in the source: an escaped box ("\[ \] a", as the exporters write it) is text.
  const marker = TASK_MARKER.exec(source)
  const first = paragraph.children[0]
  if (marker === null || first?.type !== 'text' || !first.value.startsWith(marker[0])) return
  first.value = first.value.slice(marker[0].length)
  item.checked = marker[1] !== ' '
}

const linePosition = (line: number): Position => ({ start: { line, column: 1 }, end: { line, column: 1 } })

/** A node for an inline token that has no children; null for a token that adds text or nothing. */
function inlineLeaf(token: Token, position: Position): PhrasingContent | null {
  switch (token.type) {
    case 'hardbreak':
      return { type: 'break', position }
    case 'code_inline':
      return { type: 'inlineCode', value: token.content, position }
    case 'html_inline':
      return { type: 'html', value: token.content, position }
    case 'image':
      return {
        type: 'image',
        url: attr(token, 'src') ?? '',
        title: attr(token, 'title'),
        alt: (token.children ?? []).map((c) => c.content).join(''),
        position
      }
    default:
      return null
  }
}

/** A node for an inline opening token (emphasis, strong, strikethrough, link); null for any other. */
function inlineParent(token: Token, position: Position): PhrasingContent | null {
  switch (token.type) {
    case 'em_open':
      return { type: 'emphasis', children: [], position }
    case 'strong_open':
      return { type: 'strong', children: [], position }
    case 's_open':
      return { type: 'delete', children: [], position }
    case 'link_open':
      return {
        type: 'link',
        url: attr(token, 'href') ?? '',
        title: attr(token, 'title'),
        children: [],
        position,
        ...(token.info === 'auto' ? { data: { autolink: true } } : {})
      }
    default:
      return null
  }
}

/**
 * The inline tokens of a block token, read into `parent`'s children. Nodes on the same line share
 * one position object (nothing changes positions once made).
 */
function inlineNodes(token: Token, parent: Parents, firstLine: number, env: Env): void {
  const tokens: Token[] = []
  markdownIt.inline.parse(token.content, markdownIt, env, tokens)
  let line = firstLine
  let position = linePosition(line)
  const open: Parents[] = [parent]
  for (const child of tokens) {
    const siblings = open[open.length - 1].children as Nodes[]
    const isText = child.type === 'text' || child.type === 'text_special' || child.type === 'softbreak'
    if (isText) {
      const value = child.type === 'softbreak' ? '\n' : child.content
      const last = siblings[siblings.length - 1]
      // Escapes, references and line endings join the text around them, as in micromark's mdast;
      // emphasis leaves empty text tokens where its delimiters were.
      if (last?.type === 'text') last.value += value
      else if (value !== '') siblings.push({ type: 'text', value, position })
    } else if (child.nesting === -1) {
      open.pop()
    } else {
      const leaf = inlineLeaf(child, position)
      const node = leaf ?? inlineParent(child, position)
      if (node !== null) siblings.push(node)
      if (leaf === null && node !== null) open.push(node as Parents)
      else if (node === null && child.content !== '') {
        siblings.push({ type: 'text', value: child.content, position })
      }
    }
    const breaks =
      child.type === 'softbreak' || child.type === 'hardbreak'
        ? 1
        : child.type === 'html_inline'
          ? child.content.split('\n').length - 1
          : 0
    if (breaks > 0) {
      line += breaks
      position = linePosition(line)
    }
  }
}
