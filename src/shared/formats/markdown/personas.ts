/**
 * Persona Markdown, the ESDC shape: optional YAML front matter; an optional list naming the
 * profile groups ("- Management - Manager and above"); one heading per persona, at any level,
 * named "Group - group description - Name" (or "Group - group description" when the persona is
 * the group itself); labelled sections Goals / Habits / Needs / Problems (or Objectifs, Habitudes,
 * Besoins, Problèmes) with bullet lists that may nest.
 */
import type { Heading, List } from 'mdast'
import { stringify } from 'yaml'
import { CATEGORY_COLORS, newCategory, newNeed, newPersona } from '../../model/defaults'
import type { Category, ListItem, PersonaCard, Workspace } from '../../model/schema'
import { collapseSpaces, normalizeTitle } from '../../text/normalize'
import type { ParseContext } from '../context'
import { escapeParagraph, escapePart, escapeText, markdownLink, paragraphs } from './escape'
import { lineOf, readMarkdown, type MdBlock, type MdChunk } from './source'
import {
  dedupeLinks,
  flattenItems,
  headingSection,
  linkList,
  listItems,
  nodeText,
  personaLabel,
  splitParts,
  strongLabel,
  type PersonaSection
} from './text'

export interface PersonasResult {
  categories: Category[]
  cards: PersonaCard[]
  metadata: Record<string, unknown>
}

const GROUP_LIST_HEADING =
  /^(?:(?:user |employee |profile )?(?:profiles?|profils?|groups?|groupes?)(?: de profils?)?)$/i
const NESTED_LISTS: ReadonlySet<string> = new Set(['list'])

interface HeadingInfo {
  index: number
  node: Heading
  chunk: MdChunk
  parts: string[]
  text: string
  labelled: boolean
}

interface Group {
  category: Category
  /** normalizeTitle of the group's description, to recognise "Group - description" headings. */
  descriptionKey: string
}

export function parsePersonas(
  text: string,
  ctx: ParseContext,
  onProgress?: (fraction: number) => void
): PersonasResult {
  const { blocks, metadata } = readMarkdown(text, ctx, { markSeparators: true, onProgress })

  // 1. Headings that are not section labels, and whether a section label follows each.
  const headings: HeadingInfo[] = []
  blocks.forEach(({ node, chunk }, index) => {
    if (node.type === 'heading') {
      const parts = splitParts(node, chunk)
      const text = parts.filter((p) => p !== '').join(' - ')
      if (parts.length === 1 && headingSection(text) !== null) {
        if (headings.length > 0) headings[headings.length - 1].labelled = true
        return
      }
      headings.push({ index, node, chunk, parts, text, labelled: false })
    } else if (node.type === 'paragraph' && headings.length > 0 && personaLabel(node, chunk) !== null) {
      headings[headings.length - 1].labelled = true
    }
  })

  // 2. The group list: under a "Profiles" heading, else the first list before the first labelled
  //    heading whose items all read "Group - description" and name a heading's group.
  const groups = new Map<string, Group>()
  const categories: Category[] = []
  const addGroup = (name: string, description: string): Group => {
    const existing = groups.get(normalizeTitle(name))
    if (existing) {
      if (existing.category.description === '' && description !== '') {
        existing.category.description = description
        existing.descriptionKey = normalizeTitle(description)
      }
      return existing
    }
    const category = newCategory({
      id: ctx.newId(),
      name,
      description,
      order: categories.length,
      color: CATEGORY_COLORS[categories.length % CATEGORY_COLORS.length]
    })
    categories.push(category)
    const group = { category, descriptionKey: normalizeTitle(description) }
    groups.set(normalizeTitle(name), group)
    return group
  }
  let groupListIndex = -1
  let groupHeadingIndex = -1
  for (const heading of headings) {
    const next = blocks[heading.index + 1]
    if (GROUP_LIST_HEADING.test(heading.text) && next?.node.type === 'list' && !heading.labelled) {
      groupListIndex = heading.index + 1
      groupHeadingIndex = heading.index
      break
    }
  }
  if (groupListIndex < 0) {
    const firstLabelled = headings.find((h) => h.labelled)?.index ?? blocks.length
    const headingGroups = new Set(headings.map((h) => normalizeTitle(h.parts[0])))
    for (let i = 0; i < firstLabelled; i++) {
      const { node, chunk } = blocks[i]
      if (node.type !== 'list') continue
      const items = node.children.map((item) => splitParts(item, chunk, NESTED_LISTS))
      if (items.every((p) => p.length >= 2) && items.some((p) => headingGroups.has(normalizeTitle(p[0])))) {
        groupListIndex = i
      }
      break
    }
  }
  if (groupListIndex >= 0) {
    const { node, chunk } = blocks[groupListIndex]
    for (const item of (node as List).children) {
      const [name, ...description] = splitParts(item, chunk, NESTED_LISTS)
      if (name === '') {
        ctx.warn(lineOf(item, chunk), 'A profile group without a name was skipped.')
        continue
      }
      addGroup(name, description.join(' - '))
    }
  }
  const listedGroups = groups.size > 0

  // 3. Which headings are personas.
  const labelledLevels = new Set(headings.filter((h) => h.labelled).map((h) => h.node.depth))
  const isPersona = new Set<number>()
  for (const h of headings) {
    if (h.index === groupHeadingIndex) continue
    // Above the profile list is the page's title and introduction: a persona there needs its sections.
    if (h.index < groupListIndex && !h.labelled) continue
    const namesGroup = listedGroups && h.parts[0] !== '' && groups.has(normalizeTitle(h.parts[0]))
    const multiPart =
      h.parts.length >= 2 &&
      (labelledLevels.has(h.node.depth) || (labelledLevels.size === 0 && h.node.depth > 1))
    if (h.labelled || namesGroup || multiPart) isPersona.add(h.index)
  }
  const personaLevels = new Set(headings.filter((h) => isPersona.has(h.index)).map((h) => h.node.depth))
  if (personaLevels.size === 0) {
    const levels = headings
      .filter((h) => h.index !== groupHeadingIndex && h.node.depth > 1)
      .map((h) => h.node.depth)
    // The cast: a maximum of heading depths is itself a heading depth.
    if (levels.length > 0) personaLevels.add(Math.max(...levels) as Heading['depth'])
    for (const h of headings)
      if (personaLevels.has(h.node.depth) && h.index !== groupHeadingIndex) isPersona.add(h.index)
  } else {
    const first = Math.min(...isPersona)
    for (const h of headings) {
      if (h.index > first && h.index !== groupHeadingIndex && personaLevels.has(h.node.depth))
        isPersona.add(h.index)
    }
  }

  // 4. Walk the document, filling personas.
  const cards: PersonaCard[] = []
  const columnSizes = new Map<string | null, number>()
  let persona: { card: PersonaCard; level: number; description: string[] } | null = null
  let section: PersonaSection | null = null
  let pendingLinks = false
  const headingByIndex = new Map(headings.map((h) => [h.index, h]))

  const startPersona = (h: HeadingInfo): void => {
    const line = lineOf(h.node, h.chunk)
    const [first, ...rest] = h.parts
    let categoryId: string | null = null
    let title: string
    if (first === '') {
      title = rest.join(' - ')
    } else if (h.parts.length === 1) {
      const group = groups.get(normalizeTitle(first))
      categoryId = group?.category.id ?? null
      title = first
    } else {
      const known = groups.get(normalizeTitle(first))
      if (!known && listedGroups)
        ctx.info(line, `The group “${first}” is not in the profile list; it was added.`)
      const group = known ?? addGroup(first, rest.length >= 1 ? rest[0] : '')
      categoryId = group.category.id
      if (rest.length >= 2) title = rest.slice(1).join(' - ')
      else if (
        rest[0] === group.category.description ||
        (group.descriptionKey !== '' && normalizeTitle(rest[0]) === group.descriptionKey)
      )
        title = first
      else title = rest[0]
      if (known && rest.length >= 2 && group.category.description === '') group.category.description = rest[0]
    }
    if (title === '') {
      ctx.warn(line, 'A persona heading has no name; the persona is called “Untitled persona”.')
      title = 'Untitled persona'
    }
    const order = columnSizes.get(categoryId) ?? 0
    columnSizes.set(categoryId, order + 1)
    const card = newPersona({
      id: ctx.newId(),
      title,
      categoryId,
      order,
      // Fresh arrays: the defaults' own arrays are shared between cards and must not be pushed to.
      tags: [],
      links: [],
      provenance: { source: ctx.fileName, line }
    })
    cards.push(card)
    persona = { card, level: h.node.depth, description: [] }
    section = null
    pendingLinks = false
  }
  const finishPersona = (): void => {
    if (persona !== null) persona.card.description = persona.description.join('\n\n')
    persona = null
    section = null
    pendingLinks = false
  }
  const addItems = (items: ListItem[]): void => {
    if (persona === null || section === null) return
    const card = persona.card
    if (section === 'needs') {
      card.needs.push(
        ...items.map((item) => newNeed({ id: item.id, text: item.text, children: item.children }))
      )
    } else {
      card[section].push(...items)
    }
  }

  blocks.forEach(({ node, chunk }: MdBlock, index) => {
    if (index === groupListIndex) return
    if (node.type === 'heading') {
      const h = headingByIndex.get(index)
      if (h === undefined) {
        section = headingSection(nodeText(node, chunk))
        pendingLinks = false
      } else if (isPersona.has(index)) {
        finishPersona()
        startPersona(h)
      } else if (persona !== null && node.depth > persona.level) {
        const text = nodeText(node, chunk)
        pendingLinks = /^(?:links?|liens?)$/i.test(text)
        if (!pendingLinks) persona.description.push(text)
        section = null
      } else {
        finishPersona()
      }
      return
    }
    if (persona === null) return
    const current: { card: PersonaCard; description: string[] } = persona
    const links = current.card.links
    if (node.type === 'paragraph') {
      const label = personaLabel(node, chunk, links)
      if (label) {
        section = label.section
        pendingLinks = false
        if (label.rest !== '') addItems([{ id: ctx.newId(), text: label.rest, children: [] }])
        return
      }
      const strong = strongLabel(node, chunk)
      if (strong?.label === 'links') {
        strongLabel(node, chunk, links)
        pendingLinks = true
        section = null
        return
      }
      const text = nodeText(node, chunk, { links })
      if (text === '') return
      if (section !== null) addItems([{ id: ctx.newId(), text, children: [] }])
      else current.description.push(text)
      return
    }
    if (node.type === 'list') {
      if (pendingLinks) {
        const found = linkList(node, chunk)
        links.push(...found.links)
        current.description.push(...found.texts)
        pendingLinks = false
        return
      }
      const items = listItems(node, chunk, ctx, links)
      if (section !== null) addItems(items)
      else current.description.push(...flattenItems(items))
      return
    }
    if (node.type === 'definition' || node.type === 'thematicBreak' || node.type === 'html') return
    const text = nodeText(node, chunk, { links })
    if (text === '') return
    if (section !== null) addItems([{ id: ctx.newId(), text, children: [] }])
    else current.description.push(text)
  })
  finishPersona()
  for (const card of cards) card.links = dedupeLinks(card.links)
  return { categories, cards, metadata }
}

const SECTIONS: [PersonaSection, string][] = [
  ['goals', 'Goals:'],
  ['habits', 'Habits:'],
  ['needs', 'Needs:'],
  ['problems', 'Problems:']
]

function itemLines(items: { text: string; children: ListItem[] }[], indent = ''): string[] {
  const out: string[] = []
  for (const item of items) {
    out.push(`${indent}- ${escapeText(collapseSpaces(item.text))}`)
    if (item.children.length > 0) out.push(...itemLines(item.children, `${indent}  `))
  }
  return out
}

/** Names that a bare persona heading cannot carry without being read as a group, a label or the profile list. */
function reserved(title: string, groupNames: Set<string>): boolean {
  const key = normalizeTitle(title)
  return groupNames.has(key) || headingSection(title) !== null || GROUP_LIST_HEADING.test(title)
}

const hasSections = (persona: PersonaCard): boolean => SECTIONS.some(([key]) => persona[key].length > 0)

/**
 * An uncategorised persona's heading is its name alone, or "- Name" (an empty group part) when the
 * name alone would read as something else: a group, a section label, the profile list, or, for the
 * page's first persona when it has no sections, the page's introduction.
 */
function personaMarkdown(
  persona: PersonaCard,
  group: Category | null,
  groupNames: Set<string>,
  first: boolean
): string[] {
  const title = collapseSpaces(persona.title)
  let heading: string
  if (group === null) {
    const plain = !reserved(title, groupNames) && !(first && !hasSections(persona))
    heading = plain ? escapePart(title) : `- ${escapePart(title)}`
  } else {
    const name = collapseSpaces(group.name)
    const description = collapseSpaces(group.description)
    const parts = [escapePart(name)]
    if (description !== '') parts.push(escapePart(description))
    if (description === '' || title !== name) parts.push(escapePart(title))
    heading = parts.join(' - ')
  }
  const out = [`### ${heading}`, '']
  for (const p of paragraphs(persona.description)) out.push(escapeParagraph(p), '')
  for (const [key, label] of SECTIONS) {
    const items = persona[key]
    if (items.length > 0) out.push(label, '', ...itemLines(items), '')
  }
  if (persona.links.length > 0) {
    out.push('**Links**', '', ...persona.links.map((l) => `- ${markdownLink(l.label, l.url)}`), '')
  }
  return out
}

/**
 * The workspace's personas as an ESDC-shaped page: front matter with the workspace's name, the
 * profile-group list (the categories), then one heading per persona, grouped personas first in
 * board order, then uncategorised ones. Roles are not part of this shape.
 */
export function serializePersonas(workspace: Workspace): string {
  const personas = workspace.cards.filter((c): c is PersonaCard => c.kind === 'persona')
  const categories = [...workspace.categories].sort((a, b) => a.order - b.order)
  const groupNames = new Set(categories.map((c) => normalizeTitle(c.name)))
  const name = collapseSpaces(workspace.name) || 'Personas'
  const out = [
    '---',
    stringify({ title: name }, { lineWidth: 0 }).trimEnd(),
    '---',
    '',
    `# ${escapeText(name)}`,
    ''
  ]
  if (categories.length > 0) {
    out.push('## Profiles', '')
    for (const c of categories) {
      const description = collapseSpaces(c.description)
      const parts = [escapePart(collapseSpaces(c.name))]
      if (description !== '') parts.push(escapePart(description))
      out.push(`- ${parts.join(' - ')}`)
    }
    out.push('')
  }
  const byOrder = (a: PersonaCard, b: PersonaCard): number => a.order - b.order
  let first = true
  for (const c of categories) {
    for (const p of personas.filter((x) => x.categoryId === c.id).sort(byOrder)) {
      out.push(...personaMarkdown(p, c, groupNames, first))
      first = false
    }
  }
  const known = new Set(categories.map((c) => c.id))
  for (const p of personas.filter((x) => x.categoryId === null || !known.has(x.categoryId)).sort(byOrder)) {
    out.push(...personaMarkdown(p, null, groupNames, first))
    first = false
  }
  return out.join('\n')
}
