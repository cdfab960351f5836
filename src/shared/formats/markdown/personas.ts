/**
 * Persona Markdown, the ESDC shape: optional YAML front matter; an optional list naming the
 * profile groups ("- Management - Manager and above"); one heading per persona, at any level,
 * named "Group - group description - Name" (or "Group - group description" when the persona is
 * the group itself); labelled sections Goals / Habits / Needs / Problems (or Objectifs, Habitudes,
 * Besoins, Problèmes) with bullet lists that may nest. Parts may be separated by a hyphen, an en
 * dash or an em dash between blanks, or by a colon after the first part. The page's title and the
 * text outside any persona (its introduction) are kept as the workspace's name and description.
 */
import type { Heading, List, RootContent, Table } from 'mdast'
import { stringify } from 'yaml'
import { CATEGORY_COLORS, newCategory, newNeed, newPersona } from '../../model/defaults'
import type { Category, ListItem, PersonaCard, Workspace } from '../../model/schema'
import { collapseSpaces, normalizeTitle } from '../../text/normalize'
import type { ParseContext } from '../context'
import {
  blocksMarkdown,
  canonicalMarkdown,
  canonicalTable,
  escapePersonaPart,
  isTableBlock,
  tableMarkdown
} from './blocks'
import { escapeParagraph, escapeText, markdownLink } from './escape'
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
  /** The page's title: its first `#` or `##` heading before the personas; null when it has none. */
  title: string | null
  /** The text outside any persona (the introduction, and any closing sections), as Markdown with its links. */
  description: string
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

/** Where the profile-group list is: the block indexes of the list and of its heading, -1 for none. */
interface GroupList {
  listIndex: number
  headingIndex: number
}

interface PersonaDraft {
  card: PersonaCard
  level: number
  description: string[]
}

/** The section a persona is filling, and whether its list has come (prose after the list ends it). */
interface OpenSection {
  name: PersonaSection
  line: number
  listed: boolean
}

/** What parsePersonas carries from one phase to the next, made once per file. */
interface State {
  readonly ctx: ParseContext
  /** Headings that are not section labels, by block index. */
  readonly headings: ReadonlyMap<number, HeadingInfo>
  readonly groupList: GroupList
  /** Block index of the page's title heading, -1 for none. */
  titleIndex: number
  /** Groups by normalizeTitle of their name; categories in order of appearance. */
  readonly groups: Map<string, Group>
  readonly categories: Category[]
  /** Whether the page has a profile-group list (read before any persona). */
  listedGroups: boolean
  /** Block indexes of the persona headings. */
  personaIndexes: ReadonlySet<number>
  readonly cards: PersonaCard[]
  readonly columnSizes: Map<string | null, number>
  /** The persona being filled, its open section, and whether a `**Links**` list comes next. */
  persona: PersonaDraft | null
  section: OpenSection | null
  pendingLinks: boolean
  /** Blocks outside any persona: the workspace's description. */
  readonly intro: RootContent[]
}

export function parsePersonas(
  text: string,
  ctx: ParseContext,
  onProgress?: (fraction: number) => void
): PersonasResult {
  const { blocks, metadata } = readMarkdown(text, ctx, { markSeparators: true, onProgress })
  const headings = readHeadings(blocks)
  const groupList = findGroupList(blocks, headings)
  const state: State = {
    ctx,
    headings: new Map(headings.map((h) => [h.index, h])),
    groupList,
    titleIndex: -1,
    groups: new Map(),
    categories: [],
    listedGroups: false,
    personaIndexes: new Set(),
    cards: [],
    columnSizes: new Map(),
    persona: null,
    section: null,
    pendingLinks: false,
    intro: []
  }
  readGroupList(state, blocks)
  state.personaIndexes = findPersonas(state, headings)
  const titleHeading = findTitle(state, headings)
  state.titleIndex = titleHeading?.index ?? -1
  blocks.forEach((block, index) => {
    if (index !== groupList.listIndex && index !== groupList.headingIndex && index !== state.titleIndex)
      readBlock(state, block, index)
  })
  finishPersona(state)
  for (const card of state.cards) card.links = dedupeLinks(card.links)
  return {
    categories: state.categories,
    cards: state.cards,
    metadata,
    title: titleHeading === undefined ? null : nodeText(titleHeading.node, titleHeading.chunk) || null,
    description: blocksMarkdown(state.intro)
  }
}

/** The page's title: its first heading at level 1 or 2, when it comes before the profile list and every persona. */
function findTitle(state: State, headings: HeadingInfo[]): HeadingInfo | undefined {
  const first = headings.find((h) => h.node.depth <= 2)
  if (
    first === undefined ||
    state.personaIndexes.has(first.index) ||
    first.index === state.groupList.headingIndex
  )
    return undefined
  const before = (index: number): boolean => index < 0 || first.index < index
  const firstPersona = Math.min(...state.personaIndexes)
  return before(state.groupList.listIndex) && (state.personaIndexes.size === 0 || first.index < firstPersona)
    ? first
    : undefined
}

/** Phase 1: the headings that are not section labels, and whether a section label follows each. */
function readHeadings(blocks: MdBlock[]): HeadingInfo[] {
  const headings: HeadingInfo[] = []
  blocks.forEach(({ node, chunk }, index) => {
    if (node.type === 'heading') {
      const parts = splitParts(node, chunk)
      const text = parts.filter((p) => p !== '').join(' - ')
      // A "#" or "##" heading before any other labels nothing: it is the page's title ("# Goals:").
      const isTitle = headings.length === 0 && node.depth <= 2
      if (parts.length === 1 && !isTitle && headingSection(text) !== null) {
        if (headings.length > 0) headings[headings.length - 1].labelled = true
        return
      }
      headings.push({ index, node, chunk, parts, text, labelled: false })
    } else if (node.type === 'paragraph' && headings.length > 0 && personaLabel(node, chunk) !== null) {
      headings[headings.length - 1].labelled = true
    }
  })
  return headings
}

/**
 * Phase 2: the group list, under a "Profiles" heading, else the first list before the first
 * labelled heading whose items all read "Group - description" and name a heading's group.
 */
function findGroupList(blocks: MdBlock[], headings: HeadingInfo[]): GroupList {
  for (const heading of headings) {
    const next = blocks[heading.index + 1]
    // The page's "# Title" is not the list's heading, even when the title is "Profiles".
    if (heading === headings[0] && heading.node.depth === 1) continue
    if (GROUP_LIST_HEADING.test(heading.text) && next?.node.type === 'list' && !heading.labelled) {
      return { listIndex: heading.index + 1, headingIndex: heading.index }
    }
  }
  const firstLabelled = headings.find((h) => h.labelled)?.index ?? blocks.length
  const headingGroups = new Set(headings.map((h) => normalizeTitle(h.parts[0])))
  for (let i = 0; i < firstLabelled; i++) {
    const { node, chunk } = blocks[i]
    if (node.type !== 'list') continue
    const items = node.children.map((item) => splitParts(item, chunk, NESTED_LISTS))
    const isGroupList =
      items.every((p) => p.length >= 2) && items.some((p) => headingGroups.has(normalizeTitle(p[0])))
    return { listIndex: isGroupList ? i : -1, headingIndex: -1 }
  }
  return { listIndex: -1, headingIndex: -1 }
}

/** The group of that name, made (as the next category) when new; a known group without a description takes this one. */
function addGroup(state: State, name: string, description: string): Group {
  const existing = state.groups.get(normalizeTitle(name))
  if (existing) {
    if (existing.category.description === '' && description !== '') {
      existing.category.description = description
      existing.descriptionKey = normalizeTitle(description)
    }
    return existing
  }
  const { categories } = state
  const category = newCategory({
    id: state.ctx.newId(),
    name,
    description,
    order: categories.length,
    color: CATEGORY_COLORS[categories.length % CATEGORY_COLORS.length]
  })
  categories.push(category)
  const group = { category, descriptionKey: normalizeTitle(description) }
  state.groups.set(normalizeTitle(name), group)
  return group
}

/** Phase 3: the groups of the group list, when there is one. */
function readGroupList(state: State, blocks: MdBlock[]): void {
  if (state.groupList.listIndex >= 0) {
    const { node, chunk } = blocks[state.groupList.listIndex]
    for (const item of (node as List).children) {
      const [name, ...description] = splitParts(item, chunk, NESTED_LISTS)
      if (name === '') {
        state.ctx.warn(lineOf(item, chunk), 'A profile group without a name was skipped.')
        continue
      }
      addGroup(state, name, description.join(' - '))
    }
  }
  state.listedGroups = state.groups.size > 0
}

/** Phase 4: which headings are personas (block indexes). */
function findPersonas(state: State, headings: HeadingInfo[]): Set<number> {
  const { listIndex, headingIndex } = state.groupList
  const labelledLevels = new Set(headings.filter((h) => h.labelled).map((h) => h.node.depth))
  const isPersona = new Set<number>()
  for (const h of headings) {
    if (h.index === headingIndex) continue
    // Above the profile list is the page's title and introduction: a persona there needs its sections.
    if (h.index < listIndex && !h.labelled) continue
    const namesGroup = state.listedGroups && h.parts[0] !== '' && state.groups.has(normalizeTitle(h.parts[0]))
    const multiPart =
      h.parts.length >= 2 &&
      (labelledLevels.has(h.node.depth) || (labelledLevels.size === 0 && h.node.depth > 1))
    if (h.labelled || namesGroup || multiPart) isPersona.add(h.index)
  }
  const personaLevels = new Set(headings.filter((h) => isPersona.has(h.index)).map((h) => h.node.depth))
  if (personaLevels.size === 0) {
    const levels = headings
      .filter((h) => h.index !== headingIndex && h.node.depth > 1)
      .map((h) => h.node.depth)
    // The cast: a maximum of heading depths is itself a heading depth.
    if (levels.length > 0) personaLevels.add(Math.max(...levels) as Heading['depth'])
    for (const h of headings)
      if (personaLevels.has(h.node.depth) && h.index !== headingIndex) isPersona.add(h.index)
  } else {
    const first = Math.min(...isPersona)
    for (const h of headings) {
      if (h.index > first && h.index !== headingIndex && personaLevels.has(h.node.depth))
        isPersona.add(h.index)
    }
  }
  return isPersona
}

/** Phase 5, block by block: a heading starts, ends or labels a persona; other blocks fill the open one, or the introduction. */
function readBlock(state: State, block: MdBlock, index: number): void {
  const { node, chunk } = block
  if (node.type === 'heading') {
    readHeading(state, node, chunk, index)
    return
  }
  const persona = state.persona
  if (persona === null) {
    state.intro.push(node)
    return
  }
  const links = persona.card.links
  if (node.type === 'list') {
    readList(state, persona, node, chunk)
    return
  }
  if (node.type === 'paragraph') {
    const label = personaLabel(node, chunk, links)
    if (label) {
      state.section = { name: label.section, line: lineOf(node, chunk), listed: false }
      state.pendingLinks = false
      if (label.rest !== '') addText(state, persona, label.rest)
      return
    }
    if (strongLabel(node, chunk)?.label === 'links') {
      strongLabel(node, chunk, links)
      state.pendingLinks = true
      state.section = null
      return
    }
  }
  // Prose after a section's list is the persona's description again.
  if (state.section?.listed) state.section = null
  if (node.type === 'table') {
    readTable(state, persona, node, chunk)
  } else if (node.type !== 'definition' && node.type !== 'thematicBreak' && node.type !== 'html') {
    addText(state, persona, nodeText(node, chunk, { links }))
  }
}

/** A list: a `**Links**` list, the open section's items, or else lines of the description. */
function readList(state: State, persona: PersonaDraft, node: List, chunk: MdChunk): void {
  const links = persona.card.links
  if (state.pendingLinks) {
    const found = linkList(node, chunk)
    links.push(...found.links)
    persona.description.push(...found.texts)
    state.pendingLinks = false
    return
  }
  const items = listItems(node, chunk, state.ctx, links)
  if (state.section !== null) {
    addItems(persona, state.section.name, items)
    state.section.listed = true
  } else persona.description.push(...flattenItems(items))
}

/** A table is kept as a Markdown table in the description; under a section label, with a warning (items come from lists). */
function readTable(state: State, persona: PersonaDraft, node: Table, chunk: MdChunk): void {
  if (state.section !== null) {
    state.ctx.warn(
      lineOf(node, chunk),
      `A table under the “${SECTION_LABELS[state.section.name]}” label was kept in the persona’s description: a section’s items are read from a list.`
    )
    state.section = null
  }
  persona.description.push(tableMarkdown(node))
}

/** A heading: a section label, a new persona, a sub-heading of the open one (text, or a `Links` label), or the end of it. */
function readHeading(state: State, node: Heading, chunk: MdChunk, index: number): void {
  const h = state.headings.get(index)
  if (h === undefined) {
    const section = headingSection(nodeText(node, chunk))
    state.section = section === null ? null : { name: section, line: lineOf(node, chunk), listed: false }
    state.pendingLinks = false
    if (state.persona === null) state.intro.push(node)
  } else if (state.personaIndexes.has(index)) {
    finishPersona(state)
    startPersona(state, h)
  } else if (state.persona !== null && node.depth > state.persona.level) {
    const text = nodeText(node, chunk)
    state.pendingLinks = /^(?:links?|liens?)$/i.test(text)
    if (!state.pendingLinks) state.persona.description.push(text)
    state.section = null
  } else {
    finishPersona(state)
    state.intro.push(node)
  }
}

/**
 * A persona heading, "Group - subtitle - Name" and its shorter forms, as a new card. The subtitle
 * (the group's description as the heading gives it) is kept on the card; a group not in the
 * profile list takes it as its description.
 */
function startPersona(state: State, h: HeadingInfo): void {
  const { ctx } = state
  const line = lineOf(h.node, h.chunk)
  const [first, ...rest] = h.parts
  let categoryId: string | null = null
  let title: string
  let subtitle = ''
  if (first === '') {
    if (rest.length >= 2) subtitle = rest[0]
    title = rest.slice(rest.length >= 2 ? 1 : 0).join(' - ')
  } else if (h.parts.length === 1) {
    const group = state.groups.get(normalizeTitle(first))
    categoryId = group?.category.id ?? null
    title = first
  } else {
    const known = state.groups.get(normalizeTitle(first))
    if (!known && state.listedGroups)
      ctx.info(line, `The group “${first}” is not in the profile list; it was added.`)
    const group = known ?? addGroup(state, first, rest[0])
    categoryId = group.category.id
    if (rest.length >= 2) {
      title = rest.slice(1).join(' - ')
      subtitle = rest[0]
    } else if (isGroupDescription(group, rest[0])) {
      title = first
      subtitle = rest[0]
    } else title = rest[0]
    // A group the headings made (no profile list) takes its first subtitle; a listed group keeps the list's.
    if (!state.listedGroups && group.category.description === '' && subtitle !== '') {
      group.category.description = subtitle
      group.descriptionKey = normalizeTitle(subtitle)
    }
  }
  if (title === '') {
    ctx.warn(line, 'A persona heading has no name; the persona is called “Untitled persona”.')
    title = 'Untitled persona'
  }
  const order = state.columnSizes.get(categoryId) ?? 0
  state.columnSizes.set(categoryId, order + 1)
  const card = newPersona({
    id: ctx.newId(),
    title,
    subtitle,
    categoryId,
    order,
    // Fresh arrays: the defaults' own arrays are shared between cards and must not be pushed to.
    tags: [],
    links: [],
    provenance: { source: ctx.fileName, line }
  })
  state.cards.push(card)
  state.persona = { card, level: h.node.depth, description: [] }
  state.section = null
  state.pendingLinks = false
}

/** Whether a heading's second part is the group's description ("Management - Manager and above"). */
const isGroupDescription = (group: Group, text: string): boolean =>
  text === group.category.description ||
  (group.descriptionKey !== '' && normalizeTitle(text) === group.descriptionKey)

function finishPersona(state: State): void {
  if (state.persona !== null) state.persona.card.description = state.persona.description.join('\n\n')
  state.persona = null
  state.section = null
  state.pendingLinks = false
}

/** Loose text: an item of the open section, else a paragraph of the persona's description. */
function addText(state: State, persona: PersonaDraft, text: string): void {
  if (text === '') return
  if (state.section !== null)
    addItems(persona, state.section.name, [{ id: state.ctx.newId(), text, children: [] }])
  else persona.description.push(text)
}

function addItems(persona: PersonaDraft, section: PersonaSection, items: ListItem[]): void {
  const card = persona.card
  if (section === 'needs') {
    card.needs.push(
      ...items.map((item) => newNeed({ id: item.id, text: item.text, children: item.children }))
    )
  } else {
    card[section].push(...items)
  }
}

const SECTION_LABELS: Record<PersonaSection, string> = {
  goals: 'Goals',
  habits: 'Habits',
  needs: 'Needs',
  problems: 'Problems'
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
 * A persona's heading parts. In a group: "Group - subtitle - Name", shortened to "Group - subtitle"
 * when the persona is the group and its subtitle the group's description (the ESDC form), to
 * "Group" or "Group - Name" without a subtitle; an empty subtitle part is written where the short
 * form would read otherwise. Uncategorised: "Name", or "- subtitle - Name", or "- Name" when the
 * name alone would read as something else: a group, a section label, the profile list, or, for the
 * page's first persona when it has no sections, the page's introduction.
 */
function headingParts(
  persona: PersonaCard,
  group: Category | null,
  groupNames: Set<string>,
  first: boolean
): string[] {
  const title = collapseSpaces(persona.title)
  const subtitle = collapseSpaces(persona.subtitle)
  if (group === null) {
    if (subtitle !== '') return ['', subtitle, title]
    return !reserved(title, groupNames) && !(first && !hasSections(persona)) ? [title] : ['', title]
  }
  const name = collapseSpaces(group.name)
  const description = collapseSpaces(group.description)
  const descriptionKey = normalizeTitle(description)
  // As the importer tells a group's description from a persona's name (isGroupDescription).
  const readsAsDescription = (text: string): boolean =>
    text === description || (descriptionKey !== '' && normalizeTitle(text) === descriptionKey)
  if (title === name) {
    if (subtitle === '')
      return headingSection(name) === null && !GROUP_LIST_HEADING.test(name) ? [name] : [name, '', name]
    return readsAsDescription(subtitle) ? [name, subtitle] : [name, subtitle, title]
  }
  if (subtitle !== '') return [name, subtitle, title]
  return readsAsDescription(title) ? [name, '', title] : [name, title]
}

function personaMarkdown(
  persona: PersonaCard,
  group: Category | null,
  groupNames: Set<string>,
  first: boolean
): string[] {
  const heading = headingParts(persona, group, groupNames, first)
    .map(escapePersonaPart)
    .join(' - ')
    .trimStart()
  const out = [`### ${heading}`, '']
  for (const block of descriptionBlocks(persona.description)) out.push(block, '')
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
 * A description as Markdown blocks: each paragraph (text between blank lines) on one line,
 * escaped, and a Markdown table as a table.
 */
function descriptionBlocks(description: string): string[] {
  const out: string[] = []
  for (const block of description.split(/\n[ \t]*\n/)) {
    const table = isTableBlock(block) ? canonicalTable(block) : null
    if (table !== null) out.push(table)
    else {
      const text = block.replace(/\s+/g, ' ').trim()
      if (text !== '') out.push(escapeParagraph(text))
    }
  }
  return out
}

/**
 * The workspace's personas as an ESDC-shaped page: front matter with the workspace's name, the
 * name as the title, the workspace's description as the introduction, the profile-group list (the
 * categories), then one heading per persona, grouped personas first in board order, then
 * uncategorised ones. Roles are not part of this shape.
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
  // With no persona heading to set the level, a heading of the introduction would read as a persona.
  const introduction = canonicalMarkdown(workspace.description, personas.length === 0)
  if (introduction !== '') out.push(introduction, '')
  if (categories.length > 0) {
    out.push('## Profiles', '')
    for (const c of categories) {
      const description = collapseSpaces(c.description)
      const parts = [collapseSpaces(c.name)]
      if (description !== '') parts.push(description)
      out.push(`- ${parts.map(escapePersonaPart).join(' - ')}`)
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
