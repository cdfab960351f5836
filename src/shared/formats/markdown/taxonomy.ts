/**
 * Taxonomy Markdown, the GovStack shape: `<details><summary>Category</summary>` blocks holding role
 * headings, each followed by its description; a category may open with an introduction; a role may
 * carry a `**Qualifications**` list, a `**Links**` list and an occupation (its heading linking to
 * an ESCO occupation, or an `**Occupation**:` line). Roles outside any `<details>` block are
 * uncategorised.
 */
import type { Heading, Html, List, Paragraph } from 'mdast'
import { CATEGORY_COLORS, newCategory, newRole } from '../../model/defaults'
import type { Category, Link, RoleCard, Workspace } from '../../model/schema'
import { isExportableLink } from '../../text/export-safety'
import { escapeHtml } from '../../text/html'
import { collapseSpaces } from '../../text/normalize'
import type { ParseContext } from '../context'
import { escapeParagraph, escapeText, markdownLink, paragraphs } from './escape'
import { lineOf, readMarkdown, type MdBlock, type MdChunk } from './source'
import {
  dedupeLinks,
  flattenItems,
  htmlText,
  linkList,
  listItems,
  nodeText,
  strongLabel,
  type StrongLabel
} from './text'

export interface TaxonomyResult {
  categories: Category[]
  cards: RoleCard[]
  metadata: Record<string, unknown>
}

const ESCO = /^https?:\/\/(?:esco\.ec\.europa\.eu|data\.europa\.eu\/esco)\//i

/** Whether a URL names an ESCO occupation (or any ESCO concept page). */
export const isEscoUri = (url: string): boolean => ESCO.test(url)

const TAG = /<(\/?)(details|summary)\b[^>]*>/gi

interface RoleDraft {
  card: RoleCard
  description: string[]
  occupation: string | null
}

interface CategoryDraft {
  category: Category
  line: number
  named: boolean
  intro: string[]
  /** Set once a role heading has been met in this category. */
  hasRoles: boolean
}

/** The heading level that marks roles: the usual level inside <details> blocks, else the usual level below 1. */
function roleLevel(blocks: MdBlock[]): number | null {
  const inside = new Map<number, number>()
  const outside = new Map<number, number>()
  let depth = 0
  for (const { node } of blocks) {
    if (node.type === 'html') {
      for (const match of node.value.matchAll(TAG)) {
        if (match[2].toLowerCase() !== 'details') continue
        depth = match[1] === '/' ? Math.max(0, depth - 1) : depth + 1
      }
    } else if (node.type === 'heading') {
      const counts = depth > 0 ? inside : outside
      counts.set(node.depth, (counts.get(node.depth) ?? 0) + 1)
    }
  }
  const mostCommon = (counts: Map<number, number>): number | null => {
    let best: number | null = null
    for (const [level, count] of counts) {
      if (best === null || count > (counts.get(best) ?? 0) || (count === counts.get(best) && level > best)) {
        best = level
      }
    }
    return best
  }
  if (inside.size > 0) return mostCommon(inside)
  outside.delete(1)
  return mostCommon(outside)
}

/** What parseTaxonomy carries from one block to the next, made once per file. */
interface State {
  readonly ctx: ParseContext
  /** The heading level that marks roles (see roleLevel); null when the page has none. */
  readonly level: number | null
  readonly categories: CategoryDraft[]
  readonly roles: RoleDraft[]
  readonly columnSizes: Map<string | null, number>
  /** The open <details> block and the role being filled. */
  category: CategoryDraft | null
  role: RoleDraft | null
  /** Text of an open <summary>, gathered until </summary>. */
  summary: string[] | null
  /** The bold label (or label heading) whose list comes next. */
  pending: StrongLabel | null
}

export function parseTaxonomy(
  text: string,
  ctx: ParseContext,
  onProgress?: (fraction: number) => void
): TaxonomyResult {
  const { blocks, metadata } = readMarkdown(text, ctx, { markSeparators: false, onProgress })
  const state: State = {
    ctx,
    level: roleLevel(blocks),
    categories: [],
    roles: [],
    columnSizes: new Map(),
    category: null,
    role: null,
    summary: null,
    pending: null
  }
  for (const block of blocks) readBlock(state, block)
  finishSummary(state)
  if (state.category !== null) {
    ctx.warn(
      state.category.line,
      `The <details> block “${state.category.category.name}” is not closed; it runs to the end of the file.`
    )
  }
  return { ...finishDrafts(state), metadata }
}

/** One block: the text of an open <summary>, or HTML tags, a heading, a labelled paragraph, a list or loose text. */
function readBlock(state: State, { node, chunk }: MdBlock): void {
  if (state.summary !== null && node.type !== 'html') {
    state.summary.push(nodeText(node, chunk))
    return
  }
  switch (node.type) {
    case 'html':
      readHtml(state, node, chunk)
      break
    case 'heading':
      readHeading(state, node, chunk)
      break
    case 'paragraph':
      readParagraph(state, node, chunk)
      break
    case 'list':
      readList(state, node, chunk)
      break
    case 'definition':
    case 'thematicBreak':
      break
    default:
      state.pending = null
      addText(state, nodeText(node, chunk))
  }
}

/** `<details>` and `<summary>` tags open and close categories and their names; other HTML is text. */
function readHtml(state: State, node: Html, chunk: MdChunk): void {
  let last = 0
  let tags = 0
  for (const match of node.value.matchAll(TAG)) {
    tags++
    const at = match.index ?? 0
    if (state.summary !== null) state.summary.push(htmlText(node.value.slice(last, at)))
    last = at + match[0].length
    const line = lineOf(node, chunk) + (node.value.slice(0, at).match(/\n/g)?.length ?? 0)
    const closing = match[1] === '/'
    if (match[2].toLowerCase() === 'details') {
      if (closing) closeCategory(state, line)
      else openCategory(state, line)
    } else if (closing) {
      finishSummary(state)
    } else {
      if (state.category === null) openCategory(state, line)
      state.summary = []
    }
  }
  if (state.summary !== null) state.summary.push(htmlText(node.value.slice(last)))
  else if (tags === 0) addText(state, collapseSpaces(htmlText(node.value)))
}

/** A role heading starts a role; a deeper one inside a role is a label (`#### Qualifications`) or text; others end the role. */
function readHeading(state: State, node: Heading, chunk: MdChunk): void {
  if (node.depth === state.level) {
    startRole(state, node, chunk)
  } else if (state.role !== null && state.level !== null && node.depth > state.level) {
    const text = nodeText(node, chunk)
    const label = /^qualifications?:?$/i.test(text)
      ? 'qualifications'
      : /^links?:?$/i.test(text)
        ? 'links'
        : null
    if (label) state.pending = label
    else addText(state, text)
  } else {
    closeRole(state)
  }
}

/** Inside a role, `**Occupation**:`, `**Qualifications**` or `**Links**`; else text. */
function readParagraph(state: State, node: Paragraph, chunk: MdChunk): void {
  const role = state.role
  const labelled = role !== null ? strongLabel(node, chunk) : null
  state.pending = null
  if (role === null || labelled === null) {
    addText(state, nodeText(node, chunk, role !== null ? { links: role.card.links } : {}))
  } else if (labelled.label === 'occupation') {
    const links: Link[] = []
    const text = strongLabel(node, chunk, links)?.rest ?? ''
    role.occupation = links[0]?.url ?? (text === '' ? null : text)
  } else {
    state.pending = labelled.label
    if (labelled.label === 'links') strongLabel(node, chunk, role.card.links)
    else if (labelled.rest !== '') role.card.qualifications.push(labelled.rest)
  }
}

/** A list after a label fills it; any other list is text. */
function readList(state: State, node: List, chunk: MdChunk): void {
  const role = state.role
  if (role !== null && state.pending === 'qualifications') {
    role.card.qualifications.push(...flattenItems(listItems(node, chunk, state.ctx)))
  } else if (role !== null && state.pending === 'links') {
    const { links, texts } = linkList(node, chunk)
    role.card.links.push(...links)
    for (const text of texts) addText(state, text)
  } else {
    for (const text of flattenItems(listItems(node, chunk, state.ctx, role?.card.links))) addText(state, text)
  }
  state.pending = null
}

function openCategory(state: State, line: number): void {
  closeRole(state)
  const { categories } = state
  const draft: CategoryDraft = {
    category: newCategory({
      id: state.ctx.newId(),
      name: '',
      order: categories.length,
      color: CATEGORY_COLORS[categories.length % CATEGORY_COLORS.length]
    }),
    line,
    named: false,
    intro: [],
    hasRoles: false
  }
  categories.push(draft)
  state.category = draft
}

function closeCategory(state: State, line: number): void {
  closeRole(state)
  if (state.category === null)
    state.ctx.info(line, 'A closing </details> without an opening <details> was ignored.')
  state.category = null
}

/** The gathered <summary> text names the open category, unless it has a name already. */
function finishSummary(state: State): void {
  if (state.summary === null) return
  const name = collapseSpaces(state.summary.join(' '))
  if (state.category !== null && !state.category.named) {
    state.category.category.name = name
    state.category.named = name !== ''
  }
  state.summary = null
}

function startRole(state: State, heading: Heading, chunk: MdChunk): void {
  closeRole(state)
  const { ctx, category } = state
  const links: Link[] = []
  const title = nodeText(heading, chunk, { links })
  const line = lineOf(heading, chunk)
  const categoryId = category === null ? null : category.category.id
  if (category !== null) category.hasRoles = true
  const order = state.columnSizes.get(categoryId) ?? 0
  state.columnSizes.set(categoryId, order + 1)
  if (title === '') ctx.warn(line, 'A role heading has no text; the role is called “Untitled role”.')
  const occupation = links.find((l) => isEscoUri(l.url))?.url ?? null
  const draft: RoleDraft = {
    card: newRole({
      id: ctx.newId(),
      title: title === '' ? 'Untitled role' : title,
      categoryId,
      order,
      links,
      tags: [],
      provenance: { source: ctx.fileName, line }
    }),
    description: [],
    occupation
  }
  state.roles.push(draft)
  state.role = draft
}

function closeRole(state: State): void {
  state.role = null
  state.pending = null
}

/** Where loose text goes: the open role's description, else the category's introduction. */
function addText(state: State, text: string): void {
  if (text === '') return
  if (state.role !== null) state.role.description.push(text)
  else if (state.category !== null && !state.category.hasRoles) state.category.intro.push(text)
}

/** The drafts as categories and cards: descriptions joined, unnamed categories named (with a warning), links deduplicated. */
function finishDrafts(state: State): { categories: Category[]; cards: RoleCard[] } {
  for (const draft of state.categories) {
    if (!draft.named) {
      state.ctx.warn(
        draft.line,
        'A <details> block has no <summary>; its category is called “Untitled category”.'
      )
      draft.category.name = 'Untitled category'
    }
    draft.category.description = draft.intro.join('\n\n')
  }
  for (const draft of state.roles) {
    draft.card.description = draft.description.join('\n\n')
    draft.card.occupationUri = draft.occupation
    draft.card.links = dedupeLinks(draft.card.links)
  }
  return { categories: state.categories.map((c) => c.category), cards: state.roles.map((r) => r.card) }
}

function roleMarkdown(role: RoleCard): string[] {
  const [first, ...rest] = role.links
  const headingLink =
    first !== undefined && first.label === role.title && isExportableLink(first.url) ? first : null
  const out = [`### ${headingLink ? markdownLink(role.title, headingLink.url) : escapeText(role.title)}`, '']
  for (const p of paragraphs(role.description)) out.push(escapeParagraph(p), '')
  const occupationInHeading =
    headingLink !== null && headingLink.url === role.occupationUri && isEscoUri(headingLink.url)
  if (role.occupationUri !== null && !occupationInHeading) {
    out.push(`**Occupation**: ${markdownLink(role.occupationUri, role.occupationUri)}`, '')
  }
  const qualifications = role.qualifications.map(collapseSpaces).filter((q) => q !== '')
  if (qualifications.length > 0) {
    out.push('**Qualifications**', '', ...qualifications.map((q) => `- ${escapeText(q)}`), '')
  }
  const links = headingLink ? rest : role.links
  if (links.length > 0) {
    out.push('**Links**', '', ...links.map((l) => `- ${markdownLink(l.label, l.url)}`), '')
  }
  return out
}

/**
 * The workspace's roles as a GovStack-shaped taxonomy: uncategorised roles first, then one
 * `<details>` block per category in board order. Personas are not part of this shape.
 */
export function serializeTaxonomy(workspace: Workspace): string {
  const roles = workspace.cards.filter((c): c is RoleCard => c.kind === 'role')
  const column = (categoryId: string | null): RoleCard[] =>
    roles.filter((r) => r.categoryId === categoryId).sort((a, b) => a.order - b.order)
  const known = new Set(workspace.categories.map((c) => c.id))
  const out: string[] = [`# ${escapeText(collapseSpaces(workspace.name) || 'Taxonomy')}`, '']
  const uncategorised = roles
    .filter((r) => r.categoryId === null || !known.has(r.categoryId))
    .sort((a, b) => a.order - b.order)
  for (const role of uncategorised) out.push(...roleMarkdown(role))
  for (const category of [...workspace.categories].sort((a, b) => a.order - b.order)) {
    out.push('<details>', '', `<summary>${escapeHtml(collapseSpaces(category.name))}</summary>`, '')
    for (const p of paragraphs(category.description)) out.push(escapeParagraph(p), '')
    for (const role of column(category.id)) out.push(...roleMarkdown(role))
    out.push('</details>', '')
  }
  return out.join('\n')
}
