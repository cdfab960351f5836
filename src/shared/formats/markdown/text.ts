/** mdast → clean text, list items and section labels, shared by both Markdown importers. */
import type { List, Nodes, Paragraph } from 'mdast'
import type { Link, ListItem } from '../../model/schema'
import { collapseSpaces, decodeEntities } from '../../text/normalize'
import { MAX_LIST_DEPTH, capListDepth, type ParseContext } from '../context'
import { ANY_SEPARATOR, SEPARATOR, lineOf, rawOf, restoreSeparators, type MdChunk } from './source'

/** Nodes whose children are blocks (or cells): their texts are joined with a space. */
const CONTAINER_TYPES = new Set([
  'root',
  'blockquote',
  'list',
  'listItem',
  'table',
  'tableRow',
  'footnoteDefinition'
])

const BREAKING_TAG = /<\/?(?:br|p|div|li|ul|ol|tr|td|th|table|h[1-6]|details|summary|blockquote)\b[^>]*>/gi

/** Text of HTML: tags dropped (block tags and <br> become a space), character references decoded. */
export const htmlText = (html: string): string =>
  decodeEntities(html.replace(BREAKING_TAG, ' ').replace(/<[^>]*>/g, ''))

export interface TextOptions {
  /** Explicit `[label](url)` links met on the way are added here. */
  links?: Link[]
  /** Keep separators (as SEPARATOR, to split headings into parts) instead of turning them back into "-", "–", "—" or ":". */
  keepSeparators?: boolean
  /** Child nodes of these types are left out (e.g. nested lists of a list item). */
  skip?: ReadonlySet<string>
}

/**
 * The text of a node: inline markup dropped, link targets left out, character references and
 * escapes resolved (the parser did that), white space collapsed. Iterative, so deep trees cannot
 * exhaust the stack.
 */
export function nodeText(node: Nodes, chunk: MdChunk, options: TextOptions = {}): string {
  const text = soleText(node, options.skip) ?? joinedText(node, chunk, options)
  if (options.keepSeparators) return text.split(ANY_SEPARATOR).map(collapseSpaces).join(SEPARATOR)
  return collapseSpaces(restoreSeparators(text))
}

/**
 * The value of the one text node that `node` holds, through nodes of one child (not links, whose
 * targets nodeText may collect); null when it holds anything else. Most list items and headings.
 */
function soleText(node: Nodes, skip?: ReadonlySet<string>): string | null {
  let current = node
  for (;;) {
    if (current.type === 'text') return current.value
    if (current.type === 'link' || !('children' in current)) return null
    let only: Nodes | null = null
    for (const child of current.children as Nodes[]) {
      if (skip?.has(child.type)) continue
      if (only !== null) return null
      only = child
    }
    if (only === null) return null
    current = only
  }
}

/** The text of every node under `node`, in order, block children separated by a space. */
function joinedText(node: Nodes, chunk: MdChunk, options: TextOptions): string {
  const parts: string[] = []
  const stack: (Nodes | string)[] = [node]
  while (stack.length > 0) {
    const next = stack.pop() as Nodes | string // non-empty by the loop condition
    if (typeof next === 'string') {
      parts.push(next)
      continue
    }
    switch (next.type) {
      case 'text':
      case 'inlineCode':
        parts.push(next.value)
        break
      case 'code':
        parts.push(' ', next.value, ' ')
        break
      case 'break':
        parts.push(' ')
        break
      case 'html':
        parts.push(htmlText(next.value))
        break
      case 'image':
      case 'imageReference':
        parts.push(next.alt ?? '')
        break
      case 'definition':
      case 'thematicBreak':
      case 'footnoteReference':
        break
      default: {
        if (next.type === 'link' && options.links && next.data?.autolink !== true) {
          options.links.push({ label: nodeText(next, chunk), url: restoreSeparators(next.url) })
        }
        if (!('children' in next)) break
        const block = CONTAINER_TYPES.has(next.type)
        const children = next.children as Nodes[]
        for (let i = children.length - 1; i >= 0; i--) {
          if (options.skip?.has(children[i].type)) continue
          stack.push(children[i])
          if (block) stack.push(' ')
        }
      }
    }
  }
  return parts.join('')
}

/** Splits a heading or list item marked with separators into its parts ("Group - description - Name"). */
export const splitParts = (node: Nodes, chunk: MdChunk, skip?: ReadonlySet<string>): string[] =>
  nodeText(node, chunk, { keepSeparators: true, skip }).split(SEPARATOR).map(collapseSpaces)

const NESTED_LISTS = new Set(['list'])

/**
 * A Markdown list as list items: an item's text is its own paragraphs, its children the items of
 * its nested lists. Nesting deeper than MAX_LIST_DEPTH joins the deepest level, with a warning.
 */
export function listItems(list: List, chunk: MdChunk, ctx: ParseContext, links?: Link[]): ListItem[] {
  let deepLine: number | null = null
  const build = (node: List, level: number): ListItem[] =>
    node.children.map((item) => {
      if (level > MAX_LIST_DEPTH && deepLine === null) deepLine = lineOf(item, chunk)
      ctx.created('items', lineOf(item, chunk))
      return {
        id: ctx.newId(),
        text: nodeText(item, chunk, { links, skip: NESTED_LISTS }),
        children: item.children.flatMap((child) => (child.type === 'list' ? build(child, level + 1) : []))
      }
    })
  const { items, capped } = capListDepth(build(list, 1))
  if (capped) {
    ctx.warn(
      deepLine ?? lineOf(list, chunk),
      'This list nests more than 8 levels deep; deeper items were moved up to level 8.'
    )
  }
  return items
}

/** Links without repeats (the same label and URL), first occurrence kept. */
export function dedupeLinks(links: Link[]): Link[] {
  const seen = new Set<string>()
  return links.filter((l) => {
    const key = `${l.label}\u0000${l.url}`
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}

const BARE_URL = /^[a-z][\w+.-]*:\S+$/i

/** A `**Links**` list: each item's explicit link, or the item itself when it is a bare URL; anything else comes back as text. */
export function linkList(list: List, chunk: MdChunk): { links: Link[]; texts: string[] } {
  const links: Link[] = []
  const texts: string[] = []
  for (const item of list.children) {
    const found: Link[] = []
    const text = nodeText(item, chunk, { links: found })
    if (found.length > 0) links.push(...found)
    else if (BARE_URL.test(text)) links.push({ label: text, url: text })
    else if (text !== '') texts.push(text)
  }
  return { links, texts }
}

/** Every item's text, depth first: for lists whose nesting carries no meaning (qualifications, descriptions). */
export function flattenItems(items: ListItem[]): string[] {
  const out: string[] = []
  const stack = [...items].reverse()
  while (stack.length > 0) {
    const item = stack.pop() as ListItem // non-empty by the loop condition
    if (item.text !== '') out.push(item.text)
    for (let i = item.children.length - 1; i >= 0; i--) stack.push(item.children[i])
  }
  return out
}

export type StrongLabel = 'qualifications' | 'links' | 'occupation'

const STRONG_LABELS: [RegExp, StrongLabel][] = [
  [/^qualifications?$/i, 'qualifications'],
  [/^(?:links?|liens?)$/i, 'links'],
  [/^(?:esco )?occupations?$/i, 'occupation']
]

/**
 * A paragraph that opens with a bold label such as `**Qualifications**` or `**Occupation**:`;
 * `rest` is the text after the label and its colon.
 */
export function strongLabel(
  paragraph: Paragraph,
  chunk: MdChunk,
  links?: Link[]
): { label: StrongLabel; rest: string } | null {
  const first = paragraph.children[0]
  if (first?.type !== 'strong') return null
  const name = nodeText(first, chunk).replace(/\s*:$/, '').trim()
  const label = STRONG_LABELS.find(([re]) => re.test(name))?.[1]
  if (label === undefined) return null
  const rest = nodeText({ type: 'paragraph', children: paragraph.children.slice(1) }, chunk, { links })
  return { label, rest: rest.replace(/^:\s*/, '') }
}

export type PersonaSection = 'goals' | 'habits' | 'needs' | 'problems'

const SECTION_WORDS =
  'goals?|habits?|needs?|problems?|pain points|objectifs?|habitudes?|besoins?|probl[eè]mes?|frustrations?'
const SECTION_SOURCE = new RegExp(`^[*_]{0,3}(${SECTION_WORDS})[*_]{0,3}[ \\t]*[*_]{0,3}:`, 'i')
const SECTION_TEXT = new RegExp(`^(${SECTION_WORDS})\\s*(?::\\s*|$)`, 'i')

export function sectionOf(word: string): PersonaSection {
  const w = word.toLowerCase()
  if (w.startsWith('goal') || w.startsWith('objectif')) return 'goals'
  if (w.startsWith('habit')) return 'habits'
  if (w.startsWith('need') || w.startsWith('besoin')) return 'needs'
  return 'problems'
}

/** Whether a paragraph's text reads like a section label ("Goals:", "Besoins :"): the exporter escapes those. */
export const looksLikeSectionLabel = (text: string): boolean =>
  new RegExp(`^(${SECTION_WORDS})\\s*:`, 'i').test(text)

/**
 * A paragraph that labels a persona section: "Goals:", "Goals :", "**Besoins :**" (an escaped
 * colon, as the exporter writes for a description that starts that way, does not count). `rest`
 * is any text after the label on the same paragraph.
 */
export function personaLabel(
  paragraph: Paragraph,
  chunk: MdChunk,
  links?: Link[]
): { section: PersonaSection; rest: string } | null {
  const raw = rawOf(paragraph, chunk)
  const source = SECTION_SOURCE.exec(raw)
  const onlyStrong =
    paragraph.children.length === 1 &&
    paragraph.children[0].type === 'strong' &&
    new RegExp(`^(${SECTION_WORDS})\\s*:?$`, 'i').test(nodeText(paragraph, chunk))
  if (!source && !onlyStrong) return null
  const text = nodeText(paragraph, chunk, { links })
  const match = SECTION_TEXT.exec(text)
  if (!match) return null
  return { section: sectionOf(match[1]), rest: text.slice(match[0].length) }
}

/** A heading that is a section label ("##### Goals"), not a persona. */
export function headingSection(text: string): PersonaSection | null {
  const match = new RegExp(`^(${SECTION_WORDS})\\s*:?$`, 'i').exec(text)
  return match ? sectionOf(match[1]) : null
}
