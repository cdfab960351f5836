/**
 * Taxonomy Markdown, the GovStack shape: `<details><summary>Category</summary>` blocks holding role
 * headings, each followed by its description; a category may open with an introduction; a role may
 * carry a `**Qualifications**` list, a `**Links**` list and an occupation (its heading linking to
 * an ESCO occupation, or an `**Occupation**:` line). Roles outside any `<details>` block are
 * uncategorised.
 */
import type { Heading } from 'mdast'
import { CATEGORY_COLORS, newCategory, newRole } from '../../model/defaults'
import type { Category, Link, RoleCard, Workspace } from '../../model/schema'
import { collapseSpaces } from '../../text/normalize'
import type { ParseContext } from '../context'
import { escapeHtml, escapeParagraph, escapeText, markdownLink, paragraphs } from './escape'
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

export function parseTaxonomy(
  text: string,
  ctx: ParseContext,
  onProgress?: (fraction: number) => void
): TaxonomyResult {
  const { blocks, metadata } = readMarkdown(text, ctx, { markSeparators: false, onProgress })
  const level = roleLevel(blocks)
  const categories: CategoryDraft[] = []
  const roles: RoleDraft[] = []
  const columnSizes = new Map<string | null, number>()

  // Widened with `as` so that assignments inside the helpers below do not leave them narrowed to null.
  let category = null as CategoryDraft | null
  let role = null as RoleDraft | null
  /** Text of an open <summary>, gathered until </summary>. */
  let summary = null as string[] | null
  /** The bold label (or label heading) whose list comes next. */
  let pending = null as StrongLabel | null

  const closeRole = (): void => {
    role = null
    pending = null
  }
  const openCategory = (line: number): void => {
    closeRole()
    const draft: CategoryDraft = {
      category: newCategory({
        id: ctx.newId(),
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
    category = draft
  }
  const closeCategory = (line: number): void => {
    closeRole()
    if (category === null) ctx.info(line, 'A closing </details> without an opening <details> was ignored.')
    category = null
  }
  const finishSummary = (): void => {
    if (summary === null) return
    const name = collapseSpaces(summary.join(' '))
    if (category !== null && !category.named) {
      category.category.name = name
      category.named = name !== ''
    }
    summary = null
  }
  const addRole = (heading: Heading, chunk: MdChunk): void => {
    closeRole()
    const links: Link[] = []
    const title = nodeText(heading, chunk, { links })
    const line = lineOf(heading, chunk)
    const categoryId = category === null ? null : category.category.id
    if (category !== null) category.hasRoles = true
    const order = columnSizes.get(categoryId) ?? 0
    columnSizes.set(categoryId, order + 1)
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
    roles.push(draft)
    role = draft
  }
  /** Where loose text goes: the open role's description, else the category's introduction. */
  const addText = (text: string): void => {
    if (text === '') return
    if (role !== null) role.description.push(text)
    else if (category !== null && !category.hasRoles) category.intro.push(text)
  }

  for (const { node, chunk } of blocks) {
    if (summary !== null && node.type !== 'html') {
      summary.push(nodeText(node, chunk))
      continue
    }
    switch (node.type) {
      case 'html': {
        let last = 0
        let tags = 0
        for (const match of node.value.matchAll(TAG)) {
          tags++
          const at = match.index ?? 0
          if (summary !== null) summary.push(htmlText(node.value.slice(last, at)))
          last = at + match[0].length
          const line = lineOf(node, chunk) + (node.value.slice(0, at).match(/\n/g)?.length ?? 0)
          const closing = match[1] === '/'
          if (match[2].toLowerCase() === 'details') {
            if (closing) closeCategory(line)
            else openCategory(line)
          } else if (closing) {
            finishSummary()
          } else {
            if (category === null) openCategory(line)
            summary = []
          }
        }
        if (summary !== null) summary.push(htmlText(node.value.slice(last)))
        else if (tags === 0) addText(collapseSpaces(htmlText(node.value)))
        break
      }
      case 'heading':
        if (node.depth === level) {
          addRole(node, chunk)
        } else if (role !== null && level !== null && node.depth > level) {
          const text = nodeText(node, chunk)
          const label = /^qualifications?:?$/i.test(text)
            ? 'qualifications'
            : /^links?:?$/i.test(text)
              ? 'links'
              : null
          if (label) pending = label
          else addText(text)
        } else {
          closeRole()
        }
        break
      case 'paragraph': {
        const labelled = role !== null ? strongLabel(node, chunk) : null
        if (labelled && role !== null) {
          pending = null
          const current: RoleDraft = role
          if (labelled.label === 'occupation') {
            const links: Link[] = []
            const text = strongLabel(node, chunk, links)?.rest ?? ''
            current.occupation = links[0]?.url ?? (text === '' ? null : text)
          } else {
            pending = labelled.label
            if (labelled.label === 'links') strongLabel(node, chunk, current.card.links)
            else if (labelled.rest !== '') current.card.qualifications.push(labelled.rest)
          }
          break
        }
        pending = null
        addText(nodeText(node, chunk, role !== null ? { links: role.card.links } : {}))
        break
      }
      case 'list': {
        const current: RoleDraft | null = role
        if (current !== null && pending === 'qualifications') {
          current.card.qualifications.push(...flattenItems(listItems(node, chunk, ctx)))
        } else if (current !== null && pending === 'links') {
          const { links, texts } = linkList(node, chunk)
          current.card.links.push(...links)
          for (const text of texts) addText(text)
        } else {
          for (const text of flattenItems(listItems(node, chunk, ctx, current?.card.links))) addText(text)
        }
        pending = null
        break
      }
      case 'definition':
      case 'thematicBreak':
        break
      default:
        pending = null
        addText(nodeText(node, chunk))
    }
  }
  finishSummary()
  if (category !== null) {
    const open: CategoryDraft = category
    ctx.warn(
      open.line,
      `The <details> block “${open.category.name}” is not closed; it runs to the end of the file.`
    )
  }

  for (const draft of categories) {
    if (!draft.named) {
      ctx.warn(draft.line, 'A <details> block has no <summary>; its category is called “Untitled category”.')
      draft.category.name = 'Untitled category'
    }
    draft.category.description = draft.intro.join('\n\n')
  }
  for (const draft of roles) {
    draft.card.description = draft.description.join('\n\n')
    draft.card.occupationUri = draft.occupation
    draft.card.links = dedupeLinks(draft.card.links)
  }
  return { categories: categories.map((c) => c.category), cards: roles.map((r) => r.card), metadata }
}

function roleMarkdown(role: RoleCard): string[] {
  const [first, ...rest] = role.links
  const headingLink = first !== undefined && first.label === role.title ? first : null
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
