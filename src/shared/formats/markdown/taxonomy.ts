/**
 * Taxonomy Markdown, the GovStack shape. A `# Title` and an introduction, then categories holding
 * roles. A category is a `<details><summary>Category</summary>` block or, in a page without such
 * blocks, a heading (`## Policy makers`) whose sections hold role headings. The role level is the
 * first heading level met inside each category; deeper headings inside a role are parts of it
 * (`#### Qualifications` fills its qualifications, any other stays in its description). A role may
 * open with an introduction paragraph, carry a `**Qualifications**` part (paragraphs or a list), a
 * `**Links**` list and an occupation (its heading linking to an ESCO occupation, or an
 * `**Occupation**:` line). Roles outside any category are uncategorised.
 */
import type { Heading, Html, List, Paragraph, RootContent } from 'mdast'
import { CATEGORY_COLORS, newCategory, newRole } from '../../model/defaults'
import type { Category, Link, RoleCard, Workspace } from '../../model/schema'
import { isExportableLink, trimInvisible } from '../../text/export-safety'
import { escapeHtml } from '../../text/html'
import { collapseSpaces } from '../../text/normalize'
import type { ParseContext } from '../context'
import { blockMarkdown, canonicalMarkdown } from './blocks'
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
  /** The `#` heading that opens the document; null when there is none. */
  title: string | null
  /** The introduction (text outside any category and role) as Markdown, links kept. */
  description: string
}

const ESCO = /^https?:\/\/(?:esco\.ec\.europa\.eu|data\.europa\.eu\/esco)\//i

/** Whether a URL names an ESCO occupation (or any ESCO concept page). */
export const isEscoUri = (url: string): boolean => ESCO.test(url)

const TAG = /<(\/?)(details|summary)\b[^>]*>/gi

/** Sub-headings that name a part of a role, never a role (used to tell heading categories from roles). */
const ROLE_PART =
  /^(?:qualifications?|responsibilit(?:y|ies)|skills?|links?|(?:esco )?occupations?|tasks?|duties|description|education|experience|requirements?|competenc(?:e|es|ies)|knowledge|background|notes?)\b/i

interface RoleDraft {
  card: RoleCard
  description: string[]
  occupation: string | null
}

interface CategoryDraft {
  category: Category
  line: number
  /** A `<details>` block, or a heading (in a page without `<details>` blocks). */
  kind: 'details' | 'heading'
  named: boolean
  intro: string[]
  /** The heading level of this category's roles: the first level met inside it. */
  level: number | null
  /** Set once a role heading has been met in this category. */
  hasRoles: boolean
}

/** How the page is organised, worked out before reading it. */
interface Plan {
  /** Block index of the `#` heading that titles the page, or -1. */
  titleIndex: number
  /** In a page without `<details>` blocks: the heading level of categories, or null (roles only). */
  categoryLevel: number | null
  /** The heading level of roles outside any category, or null. */
  looseLevel: number | null
}

/** The page's title, category level and the level of roles outside categories (see Plan). */
function plan(blocks: MdBlock[]): Plan {
  let depth = 0
  let hasDetails = false
  let firstInside: number | null = null
  const outside: { index: number; node: Heading; chunk: MdChunk }[] = []
  let titleIndex = -1
  let seenHeading = false
  blocks.forEach(({ node, chunk }, index) => {
    if (node.type === 'html') {
      for (const match of node.value.matchAll(TAG)) {
        if (match[2].toLowerCase() !== 'details') continue
        hasDetails = true
        depth = match[1] === '/' ? Math.max(0, depth - 1) : depth + 1
      }
    } else if (node.type === 'heading') {
      if (!seenHeading && depth === 0 && node.depth === 1) titleIndex = index
      else if (depth > 0) firstInside ??= node.depth
      else outside.push({ index, node, chunk })
      seenHeading = true
    }
  })
  const top = outside.length === 0 ? null : Math.min(...outside.map((h) => h.node.depth))
  if (hasDetails) return { titleIndex, categoryLevel: null, looseLevel: firstInside ?? top }
  if (top === null) return { titleIndex, categoryLevel: null, looseLevel: null }
  // Headings at the top level are categories when most of those with sub-headings open them with
  // a role (a heading that is not a role part such as "Qualifications"), else they are roles.
  let categoryVotes = 0
  let roleVotes = 0
  outside.forEach((h, k) => {
    if (h.node.depth !== top) return
    if (headingLinks(h.node, h.chunk).some((l) => isEscoUri(l.url))) {
      roleVotes++
      return
    }
    const next = outside[k + 1]
    if (next === undefined || next.node.depth <= top) return
    if (ROLE_PART.test(nodeText(next.node, next.chunk))) roleVotes++
    else categoryVotes++
  })
  return categoryVotes > roleVotes
    ? { titleIndex, categoryLevel: top, looseLevel: null }
    : { titleIndex, categoryLevel: null, looseLevel: top }
}

function headingLinks(node: Heading, chunk: MdChunk): Link[] {
  const links: Link[] = []
  nodeText(node, chunk, { links })
  return links
}

/** Where the lines after a label go: a `Qualifications` part runs to the next heading or label. */
type Pending = StrongLabel | null

/** What parseTaxonomy carries from one block to the next, made once per file. */
interface State {
  readonly ctx: ParseContext
  readonly plan: Plan
  readonly categories: CategoryDraft[]
  readonly roles: RoleDraft[]
  readonly columnSizes: Map<string | null, number>
  /** The page's introduction: Markdown blocks outside any category and role. */
  readonly intro: string[]
  title: string | null
  /** The open category and the role being filled. */
  category: CategoryDraft | null
  role: RoleDraft | null
  /** Text of an open <summary>, gathered until </summary>, and its line. */
  summary: string[] | null
  summaryLine: number
  /** The label (bold line or sub-heading) whose content comes next. */
  pending: Pending
}

export function parseTaxonomy(
  text: string,
  ctx: ParseContext,
  onProgress?: (fraction: number) => void
): TaxonomyResult {
  const { blocks, metadata } = readMarkdown(text, ctx, { markSeparators: false, onProgress })
  const state: State = {
    ctx,
    plan: plan(blocks),
    categories: [],
    roles: [],
    columnSizes: new Map(),
    intro: [],
    title: null,
    category: null,
    role: null,
    summary: null,
    summaryLine: 0,
    pending: null
  }
  blocks.forEach((block, index) => {
    if (index === state.plan.titleIndex && block.node.type === 'heading') {
      const title = nodeText(block.node, block.chunk)
      state.title = title === '' ? null : title
    } else {
      readBlock(state, block)
    }
  })
  finishSummary(state, null)
  if (state.category?.kind === 'details') {
    ctx.warn(
      state.category.line,
      `The <details> block “${state.category.category.name}” is not closed; it runs to the end of the file.`
    )
  }
  return { ...finishDrafts(state), metadata, title: state.title, description: state.intro.join('\n\n') }
}

/** One block: the text of an open <summary>, or HTML tags, a heading, a labelled paragraph, a list or loose text. */
function readBlock(state: State, { node, chunk }: MdBlock): void {
  if (state.summary !== null && node.type !== 'html') {
    if (node.type === 'paragraph') {
      state.summary.push(nodeText(node, chunk))
      return
    }
    // A heading or list ends a <summary> that was never closed.
    finishSummary(state, lineOf(node, chunk))
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
    case 'table':
      if (state.role === null && state.category !== null) {
        state.ctx.warn(
          lineOf(node, chunk),
          'A table was found where roles were expected (roles are headings); it was kept as text in the category description.'
        )
      }
      addBlock(state, node, chunk)
      break
    default:
      addBlock(state, node, chunk)
  }
}

/** `<details>` and `<summary>` tags open and close categories and their names; other HTML is text. */
function readHtml(state: State, node: Html, chunk: MdChunk): void {
  let last = 0
  let tags = 0
  let openedHere = false
  for (const match of node.value.matchAll(TAG)) {
    tags++
    const at = match.index ?? 0
    if (state.summary !== null) state.summary.push(htmlText(node.value.slice(last, at)))
    last = at + match[0].length
    const line = lineOf(node, chunk) + (node.value.slice(0, at).match(/\n/g)?.length ?? 0)
    const closing = match[1] === '/'
    if (match[2].toLowerCase() === 'details') {
      finishSummary(state, line)
      if (closing) closeCategory(state, line)
      else openCategory(state, line, 'details')
    } else if (closing) {
      finishSummary(state, null)
      openedHere = false
    } else {
      finishSummary(state, line)
      if (state.category?.kind !== 'details') openCategory(state, line, 'details')
      state.summary = []
      state.summaryLine = line
      openedHere = true
    }
  }
  if (state.summary !== null) {
    state.summary.push(htmlText(node.value.slice(last)))
    // `<summary>Policy makers` with no closing tag in its block: the line's text is the name.
    if (openedHere && collapseSpaces(state.summary.join(' ')) !== '') finishSummary(state, state.summaryLine)
  } else if (tags === 0) {
    addBlock(state, node, chunk)
  }
}

/**
 * A heading: a heading category, a role (at or above its category's role level), a part of the
 * open role (deeper: `#### Qualifications` is a label, any other heading stays as text), or text.
 */
function readHeading(state: State, node: Heading, chunk: MdChunk): void {
  const { plan } = state
  if (plan.categoryLevel !== null && node.depth <= plan.categoryLevel) {
    if (state.category !== null) closeCategory(state, lineOf(node, chunk))
    closeRole(state)
    if (node.depth < plan.categoryLevel) {
      addBlock(state, node, chunk)
      return
    }
    openCategory(state, lineOf(node, chunk), 'heading')
    const draft = state.categories[state.categories.length - 1]
    draft.category.name = nodeText(node, chunk)
    draft.named = draft.category.name !== ''
    return
  }
  const category = state.category
  if (category !== null) {
    category.level ??= node.depth
    if (node.depth <= category.level) {
      startRole(state, node, chunk)
      return
    }
  } else if (node.depth === plan.looseLevel) {
    startRole(state, node, chunk)
    return
  }
  const level = category?.level ?? plan.looseLevel
  if (state.role !== null && level !== null && node.depth > level) {
    const text = nodeText(node, chunk)
    if (/^qualifications?:?$/i.test(text)) {
      state.pending = 'qualifications'
    } else if (/^links?:?$/i.test(text)) {
      state.pending = 'links'
    } else {
      // Responsibilities, Skills or any other part: kept in the description with its heading text.
      state.pending = null
      addText(state, text)
    }
    return
  }
  closeRole(state)
  addBlock(state, node, chunk)
}

/** Inside a role, `**Occupation**:`, `**Qualifications**` or `**Links**`, or a qualification; else text. */
function readParagraph(state: State, node: Paragraph, chunk: MdChunk): void {
  const role = state.role
  const labelled = role !== null ? strongLabel(node, chunk) : null
  if (role === null || labelled === null) {
    if (role !== null && state.pending === 'qualifications') {
      const text = nodeText(node, chunk, { links: role.card.links })
      if (text !== '') role.card.qualifications.push(text)
      return
    }
    state.pending = null
    addBlock(state, node, chunk)
  } else if (labelled.label === 'occupation') {
    state.pending = null
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
    role.card.qualifications.push(...flattenItems(listItems(node, chunk, state.ctx, role.card.links)))
    return
  }
  if (role !== null && state.pending === 'links') {
    const { links, texts } = linkList(node, chunk)
    role.card.links.push(...links)
    for (const text of texts) addText(state, text)
  } else if (role !== null || state.category !== null) {
    for (const text of flattenItems(listItems(node, chunk, state.ctx, role?.card.links))) addText(state, text)
  } else {
    addBlock(state, node, chunk)
  }
  state.pending = null
}

function openCategory(state: State, line: number, kind: CategoryDraft['kind']): void {
  closeRole(state)
  state.ctx.created('categories', line)
  const { categories } = state
  const draft: CategoryDraft = {
    category: newCategory({
      id: state.ctx.newId(),
      name: '',
      order: categories.length,
      color: CATEGORY_COLORS[categories.length % CATEGORY_COLORS.length]
    }),
    line,
    kind,
    named: false,
    intro: [],
    level: null,
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

/**
 * The gathered <summary> text names the open category, unless it has a name already. `endLine`
 * is where a <summary> that was never closed ended (null when it was closed): it gets a warning.
 */
function finishSummary(state: State, endLine: number | null): void {
  if (state.summary === null) return
  const gathered = collapseSpaces(state.summary.join(' '))
  const name = trimInvisible(gathered)
  state.summary = null
  if (name !== gathered) {
    state.ctx.warn(
      state.summaryLine,
      'Zero-width or text-direction characters at the start or end of this category name were removed.'
    )
  }
  if (endLine !== null) {
    state.ctx.warn(
      state.summaryLine,
      name === ''
        ? 'This <summary> is not closed and holds no text; the category has no name from it.'
        : `This <summary> is not closed; “${name}” was taken as the category name and what follows as its content.`
    )
  }
  if (state.category !== null && !state.category.named) {
    state.category.category.name = name
    state.category.named = name !== ''
  }
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
  ctx.created('cards', line)
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

/** Text for the open role's description, else the open category's introduction, else the page's. */
function addText(state: State, text: string): void {
  if (text === '') return
  if (state.role !== null) state.role.description.push(text)
  else if (state.category !== null) state.category.intro.push(text)
  else state.intro.push(text)
}

/** A block as text: for a role or category, its plain text (links collected); for the page, Markdown. */
function addBlock(state: State, node: RootContent, chunk: MdChunk): void {
  if (state.role !== null) addText(state, nodeText(node, chunk, { links: state.role.card.links }))
  else if (state.category !== null) addText(state, nodeText(node, chunk))
  else addText(state, blockMarkdown(node, true))
}

/** The drafts as categories and cards: descriptions joined, unnamed categories named (with a warning), links deduplicated. */
function finishDrafts(state: State): { categories: Category[]; cards: RoleCard[] } {
  for (const draft of state.categories) {
    if (!draft.named) {
      state.ctx.warn(
        draft.line,
        draft.kind === 'details'
          ? 'A <details> block has no <summary>; its category is called “Untitled category”.'
          : 'A category heading has no text; the category is called “Untitled category”.'
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
 * The workspace's roles as a GovStack-shaped taxonomy: the workspace name as the `#` title, its
 * description as the introduction, uncategorised roles, then one `<details>` block per category in
 * board order. A role's qualifications are written as a `**Qualifications**` list. Personas are not
 * part of this shape.
 */
export function serializeTaxonomy(workspace: Workspace): string {
  const roles = workspace.cards.filter((c): c is RoleCard => c.kind === 'role')
  const column = (categoryId: string | null): RoleCard[] =>
    roles.filter((r) => r.categoryId === categoryId).sort((a, b) => a.order - b.order)
  const known = new Set(workspace.categories.map((c) => c.id))
  const out: string[] = [`# ${escapeText(collapseSpaces(workspace.name) || 'Taxonomy')}`, '']
  const introduction = canonicalMarkdown(workspace.description, true)
  if (introduction !== '') out.push(introduction, '')
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
