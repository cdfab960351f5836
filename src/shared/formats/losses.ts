/**
 * What an export format cannot hold, counted on the workspace being exported: the export dialog
 * and `convert` list it before writing. Each format's descriptor names the kinds it drops and
 * which cards it writes; the counts are over those cards only (a format that writes no personas
 * says "6 personas are not exported", not also each of their goals). The losses round-trip test
 * (tests/unit/shared/formats/registry-losses.test.ts) checks that all a format does not list
 * comes back when its export is imported, and that all it lists does not.
 */
import type { Card, Need, PersonaCard, RoleCard, Workspace } from '../model/schema'
import { isExportableLink } from '../text/export-safety'
import { normalizeTitle } from '../text/normalize'
import type { Loss } from './types'

/** The cards a format writes, and so the ones whose fields its losses count. */
export type KeptCards = (card: Card, workspace: Workspace) => boolean

interface Scope {
  workspace: Workspace
  roles: RoleCard[]
  personas: PersonaCard[]
  needs: Need[]
}

interface LossText {
  /** Words for docs/FORMATS.md: what the format cannot hold, whatever the workspace. */
  doc: string
  /** The sentence for a count of one, and for any other count ({count} is the number). */
  one: string
  other: string
  count: (scope: Scope) => number
}

const sum = <T>(items: readonly T[], count: (item: T) => number): number =>
  items.reduce((n, item) => n + count(item), 0)
const itemCount = (items: readonly { children: readonly unknown[] }[]): number =>
  sum(items, (item) => 1 + itemCount(item.children as { children: readonly unknown[] }[]))
const kept = (scope: Scope): Card[] => [...scope.roles, ...scope.personas]

/** Capabilities that a written need names. */
function namedCapabilityIds(scope: Scope): Set<string> {
  return new Set(scope.needs.flatMap((n) => n.capabilityIds))
}

/** Every kind of loss, in the order they are listed. One table, in whole sentences, for translation. */
const LOSSES = {
  roles: {
    doc: 'roles',
    one: 'One role is not exported.',
    other: '{count} roles are not exported.',
    count: ({ workspace, roles }) => workspace.cards.filter((c) => c.kind === 'role').length - roles.length
  },
  personas: {
    doc: 'personas',
    one: 'One persona is not exported.',
    other: '{count} personas are not exported.',
    count: ({ workspace, personas }) =>
      workspace.cards.filter((c) => c.kind === 'persona').length - personas.length
  },
  'personas-without-needs': {
    doc: 'personas without needs',
    one: 'One persona has no needs and is not exported.',
    other: '{count} personas have no needs and are not exported.',
    count: ({ workspace, personas }) =>
      workspace.cards.filter((c) => c.kind === 'persona').length - personas.length
  },
  'duplicate-personas': {
    doc: 'personas of the same title apart (their needs read back as one persona’s)',
    one: 'One persona has the title of another; their needs will read back as one persona’s.',
    other: '{count} personas have the title of another; their needs will read back as one persona’s.',
    count: ({ personas }) => personas.length - new Set(personas.map((p) => normalizeTitle(p.title))).size
  },
  capabilities: {
    doc: 'capabilities',
    one: 'One capability is not exported.',
    other: '{count} capabilities are not exported.',
    count: ({ workspace }) => workspace.capabilities.length
  },
  'unnamed-capabilities': {
    doc: 'capabilities that no need names',
    one: 'One capability is named by no need and is not exported.',
    other: '{count} capabilities are named by no need and are not exported.',
    count: (scope) => {
      const named = namedCapabilityIds(scope)
      return scope.workspace.capabilities.filter((c) => !named.has(c.id)).length
    }
  },
  'capability-details': {
    doc: 'a capability’s state, horizon, owner, description and notes',
    one: 'One capability keeps only its name: its state, horizon, owner, description and notes are not exported.',
    other:
      '{count} capabilities keep only their names: their state, horizon, owner, description and notes are not exported.',
    count: (scope) => {
      const named = namedCapabilityIds(scope)
      return scope.workspace.capabilities.filter(
        (c) =>
          named.has(c.id) &&
          (c.state !== 'absent' ||
            c.horizon !== null ||
            c.owner !== '' ||
            c.description !== '' ||
            c.notes !== '')
      ).length
    }
  },
  'capability-notes': {
    doc: 'capability notes',
    one: 'The notes of one capability are not exported.',
    other: 'The notes of {count} capabilities are not exported.',
    count: ({ workspace }) => workspace.capabilities.filter((c) => c.notes !== '').length
  },
  categories: {
    doc: 'categories',
    one: 'One category is not exported.',
    other: '{count} categories are not exported.',
    count: ({ workspace }) => workspace.categories.length
  },
  'empty-categories': {
    doc: 'categories without cards',
    one: 'One category has no cards and is not exported.',
    other: '{count} categories have no cards and are not exported.',
    count: (scope) => {
      const used = new Set(kept(scope).map((c) => c.categoryId))
      return scope.workspace.categories.filter((c) => !used.has(c.id)).length
    }
  },
  'category-descriptions': {
    doc: 'category descriptions',
    one: 'One category description is not exported.',
    other: '{count} category descriptions are not exported.',
    // Of the categories that hold a written card; the others are counted as not exported at all.
    count: (scope) => {
      const used = new Set(kept(scope).map((c) => c.categoryId))
      return scope.workspace.categories.filter((c) => used.has(c.id) && c.description.trim() !== '').length
    }
  },
  'category-line-breaks': {
    doc: 'line breaks in category descriptions (the profile list holds one line each)',
    one: 'One category description loses its line breaks: the profile list holds one line each.',
    other: '{count} category descriptions lose their line breaks: the profile list holds one line each.',
    count: ({ workspace }) => workspace.categories.filter((c) => c.description.trim().includes('\n')).length
  },
  'workspace-description': {
    doc: 'the workspace description',
    one: 'The workspace description is not exported.',
    other: 'The workspace description is not exported.',
    count: ({ workspace }) => (workspace.description.trim() === '' ? 0 : 1)
  },
  'persona-descriptions': {
    doc: 'persona descriptions',
    one: 'The description of one persona is not exported.',
    other: 'The descriptions of {count} personas are not exported.',
    count: ({ personas }) => personas.filter((p) => p.description !== '').length
  },
  subtitles: {
    doc: 'persona subtitles',
    one: 'The subtitle of one persona is not exported.',
    other: 'The subtitles of {count} personas are not exported.',
    count: ({ personas }) => personas.filter((p) => p.subtitle !== '').length
  },
  goals: {
    doc: 'goals',
    one: 'One goal is not exported.',
    other: '{count} goals are not exported.',
    count: ({ personas }) => sum(personas, (p) => itemCount(p.goals))
  },
  habits: {
    doc: 'habits',
    one: 'One habit is not exported.',
    other: '{count} habits are not exported.',
    count: ({ personas }) => sum(personas, (p) => itemCount(p.habits))
  },
  problems: {
    doc: 'problems',
    one: 'One problem is not exported.',
    other: '{count} problems are not exported.',
    count: ({ personas }) => sum(personas, (p) => itemCount(p.problems))
  },
  'need-items': {
    doc: 'items nested under a need',
    one: 'One item nested under a need is not exported.',
    other: '{count} items nested under needs are not exported.',
    count: ({ needs }) => sum(needs, (n) => itemCount(n.children))
  },
  'need-settings': {
    doc: 'a need’s kind, priority and horizon',
    one: 'One need loses its kind, priority and horizon.',
    other: '{count} needs lose their kind, priority and horizon.',
    count: ({ needs }) =>
      needs.filter((n) => n.kind !== null || n.priority !== null || n.horizon !== null).length
  },
  'need-capabilities': {
    doc: 'links from needs to capabilities',
    one: 'One link from a need to a capability is not exported.',
    other: '{count} links from needs to capabilities are not exported.',
    count: ({ needs }) => sum(needs, (n) => n.capabilityIds.length)
  },
  overrides: {
    doc: 'coverage overrides',
    one: 'One coverage override is not exported.',
    other: '{count} coverage overrides are not exported.',
    count: ({ needs }) => needs.filter((n) => n.override !== null).length
  },
  'linked-roles': {
    doc: 'links from personas to roles',
    one: 'One link from a persona to a role is not exported.',
    other: '{count} links from personas to roles are not exported.',
    count: ({ personas }) => sum(personas, (p) => p.linkedRoleIds.length)
  },
  headcounts: {
    doc: 'persona headcounts',
    one: 'The headcount of one persona is not exported.',
    other: 'The headcounts of {count} personas are not exported.',
    count: ({ personas }) => personas.filter((p) => p.headcount !== null).length
  },
  occupations: {
    doc: 'occupations',
    one: 'One occupation is not exported.',
    other: '{count} occupations are not exported.',
    count: ({ roles }) => roles.filter((r) => r.occupationUri !== null).length
  },
  qualifications: {
    doc: 'qualifications',
    one: 'One qualification is not exported.',
    other: '{count} qualifications are not exported.',
    count: ({ roles }) => sum(roles, (r) => r.qualifications.length)
  },
  links: {
    doc: 'links',
    one: 'One link is not exported.',
    other: '{count} links are not exported.',
    count: (scope) => sum(kept(scope), (c) => c.links.length)
  },
  'text-links': {
    doc: 'links other than http, https and mailto (written as text after the description)',
    one: 'One link is not a web or mail link: it is written as text after the description.',
    other: '{count} links are not web or mail links: they are written as text after the description.',
    count: (scope) => sum(kept(scope), (c) => c.links.filter((l) => !isExportableLink(l.url)).length)
  },
  tags: {
    doc: 'tags',
    one: 'One tag is not exported.',
    other: '{count} tags are not exported.',
    count: (scope) => sum(kept(scope), (c) => c.tags.length)
  },
  notes: {
    doc: 'card notes',
    one: 'The notes of one card are not exported.',
    other: 'The notes of {count} cards are not exported.',
    count: (scope) => kept(scope).filter((c) => c.notes !== '').length
  }
} as const satisfies Record<string, LossText>

export type LossKind = keyof typeof LOSSES
export const LOSS_KINDS = Object.keys(LOSSES) as LossKind[] // the keys of the table just above

/** The sentence for `count` losses of a kind. */
export function lossMessage(kind: LossKind, count: number): string {
  const text: LossText = LOSSES[kind]
  return (count === 1 ? text.one : text.other).replace('{count}', String(count))
}

/** What docs/FORMATS.md says a format cannot hold: the kinds' words, in table order. */
export const lossWords = (kinds: readonly LossKind[]): string[] =>
  LOSS_KINDS.filter((k) => kinds.includes(k)).map((k) => LOSSES[k].doc)

/**
 * A descriptor's `drops` and `losses`: the kinds it cannot hold, and a function that counts them
 * on a workspace over the cards the format writes (`keep`), listing only those with a count.
 */
export function lossesOf(
  drops: readonly LossKind[],
  keep: KeptCards
): { drops: readonly LossKind[]; losses: (workspace: Workspace) => Loss[] } {
  const losses = (workspace: Workspace): Loss[] => {
    const cards = workspace.cards.filter((c) => keep(c, workspace))
    const personas = cards.filter((c): c is PersonaCard => c.kind === 'persona')
    const scope: Scope = {
      workspace,
      roles: cards.filter((c): c is RoleCard => c.kind === 'role'),
      personas,
      needs: personas.flatMap((p) => p.needs)
    }
    return LOSS_KINDS.filter((k) => drops.includes(k)).flatMap((what) => {
      const text: LossText = LOSSES[what]
      const count = text.count(scope)
      return count > 0 ? [{ what, count, message: lossMessage(what, count) }] : []
    })
  }
  return { drops, losses }
}

/** The heading above a format's losses, in the export dialog and on the CLI's stderr. */
export const lossesHeading = (formatLabel: string): string =>
  `${formatLabel} cannot hold everything in this workspace:`
