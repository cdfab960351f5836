/**
 * The losses a format lists cannot lie: a rich workspace (every field of the model set) goes
 * through each format's serialize and back through parseProfileText and an import; everything the
 * format's losses do not mention comes back equal, and everything they mention does not.
 */
import { isDeepStrictEqual } from 'node:util'
import { describe, expect, it } from 'vitest'
import { applyCommand } from '../../../../src/shared/commands/apply'
import {
  FORMATS,
  exportLosses,
  parseProfileText,
  serialize,
  type Format,
  type LossKind
} from '../../../../src/shared/formats'
import { emptyWorkspace, newNeed, newPersona } from '../../../../src/shared/model/defaults'
import type { Card, PersonaCard, RoleCard, Workspace } from '../../../../src/shared/model/schema'
import { FIXED_TIME, sequentialIds, tree } from './helpers'
import { richWorkspace } from './rich-workspace'

/** Export in `format`, read the text back, and import it into an empty workspace (as the app's add). */
function roundTrip(ws: Workspace, format: Format): Workspace {
  const text = serialize(ws, format.id)
  const parsed = parseProfileText(text, `export.${format.extensions[0]}`, { newId: sequentialIds('rt') })
  expect(parsed.format).toBe(format.id)
  expect(parsed.diagnostics.filter((d) => d.severity === 'error')).toEqual([])
  return applyCommand(
    emptyWorkspace(FIXED_TIME),
    {
      type: 'import.apply',
      mode: 'add',
      categories: parsed.categories,
      cards: parsed.cards,
      capabilities: parsed.capabilities,
      sources: [],
      title: parsed.title,
      description: parsed.description
    },
    FIXED_TIME
  ).next
}

const roles = (ws: Workspace): RoleCard[] => ws.cards.filter((c): c is RoleCard => c.kind === 'role')
const personas = (ws: Workspace): PersonaCard[] =>
  ws.cards.filter((c): c is PersonaCard => c.kind === 'persona')
const sorted = (values: string[]): string[] => [...values].sort()

/** One thing a workspace holds, as plain data keyed by titles and names (ids differ after a round trip). */
interface Aspect {
  name: string
  /** The loss kinds that would explain a difference. */
  coveredBy: LossKind[]
  /** The aspect of a workspace; `common` holds the titles and names both workspaces have. */
  get: (ws: Workspace, common: Set<string>) => unknown
}

/** Per card or capability, over the titles and names both sides have (presence is its own aspect). */
function perCard<T extends Card>(pick: (ws: Workspace) => T[], value: (card: T, ws: Workspace) => unknown) {
  return (ws: Workspace, common: Set<string>): Record<string, unknown> =>
    Object.fromEntries(
      pick(ws)
        .filter((c) => common.has(c.title))
        .map((c) => [c.title, value(c, ws)])
    )
}
const cards = (ws: Workspace): Card[] => ws.cards
const titleOf = (ws: Workspace, id: string): string | undefined => ws.cards.find((c) => c.id === id)?.title
const capabilityName = (ws: Workspace, id: string): string | undefined =>
  ws.capabilities.find((c) => c.id === id)?.name

/** Columns of common cards of one kind, non-empty ones only: category name (or null) and titles in order. */
function columnsOf(kind: Card['kind']) {
  return (ws: Workspace, common: Set<string>): [string | null, string[]][] => {
    const column = (id: string | null): string[] =>
      ws.cards
        .filter((c) => c.kind === kind && c.categoryId === id && common.has(c.title))
        .sort((a, b) => a.order - b.order)
        .map((c) => c.title)
    return [...[...ws.categories].sort((a, b) => a.order - b.order).map((c) => c.id), null]
      .map((id): [string | null, string[]] => [
        id === null ? null : (ws.categories.find((c) => c.id === id)?.name ?? null),
        column(id)
      ])
      .filter(([, titles]) => titles.length > 0)
  }
}

const ASPECTS: Aspect[] = [
  { name: 'role titles', coveredBy: ['roles'], get: (ws) => sorted(roles(ws).map((r) => r.title)) },
  {
    name: 'persona titles',
    coveredBy: ['personas', 'personas-without-needs', 'duplicate-personas'],
    get: (ws) => sorted(personas(ws).map((p) => p.title))
  },
  {
    name: 'capability names',
    coveredBy: ['capabilities', 'unnamed-capabilities'],
    get: (ws) => sorted(ws.capabilities.map((c) => c.name))
  },
  {
    name: 'capability state, horizon, owner and description',
    coveredBy: ['capability-details'],
    get: (ws, common) =>
      Object.fromEntries(
        ws.capabilities
          .filter((c) => common.has(c.name))
          .map((c) => [c.name, [c.state, c.horizon, c.owner, c.description]])
      )
  },
  {
    name: 'capability notes',
    coveredBy: ['capability-details', 'capability-notes'],
    get: (ws, common) =>
      Object.fromEntries(ws.capabilities.filter((c) => common.has(c.name)).map((c) => [c.name, c.notes]))
  },
  {
    name: 'category names',
    coveredBy: ['categories', 'empty-categories'],
    get: (ws) => [...ws.categories].sort((a, b) => a.order - b.order).map((c) => c.name)
  },
  {
    name: 'category descriptions',
    coveredBy: ['category-descriptions', 'category-line-breaks'],
    get: (ws, common) =>
      Object.fromEntries(ws.categories.filter((c) => common.has(c.name)).map((c) => [c.name, c.description]))
  },
  { name: 'role columns', coveredBy: ['categories'], get: columnsOf('role') },
  { name: 'persona columns', coveredBy: ['categories'], get: columnsOf('persona') },
  { name: 'workspace description', coveredBy: ['workspace-description'], get: (ws) => ws.description },
  // A link that is not a web or mail link is written as text, after the description.
  { name: 'role descriptions', coveredBy: ['text-links'], get: perCard(roles, (r) => r.description) },
  {
    name: 'persona descriptions',
    coveredBy: ['persona-descriptions', 'text-links'],
    get: perCard(personas, (p) => p.description)
  },
  { name: 'qualifications', coveredBy: ['qualifications'], get: perCard(roles, (r) => r.qualifications) },
  { name: 'occupations', coveredBy: ['occupations'], get: perCard(roles, (r) => r.occupationUri) },
  { name: 'links', coveredBy: ['links', 'text-links'], get: perCard(cards, (c) => c.links) },
  { name: 'tags', coveredBy: ['tags'], get: perCard(cards, (c) => c.tags) },
  { name: 'notes', coveredBy: ['notes'], get: perCard(cards, (c) => c.notes) },
  { name: 'subtitles', coveredBy: ['subtitles'], get: perCard(personas, (p) => p.subtitle) },
  { name: 'goals', coveredBy: ['goals'], get: perCard(personas, (p) => tree(p.goals)) },
  { name: 'habits', coveredBy: ['habits'], get: perCard(personas, (p) => tree(p.habits)) },
  { name: 'problems', coveredBy: ['problems'], get: perCard(personas, (p) => tree(p.problems)) },
  { name: 'need texts', coveredBy: [], get: perCard(personas, (p) => p.needs.map((n) => n.text)) },
  {
    name: 'items under needs',
    coveredBy: ['need-items'],
    get: perCard(personas, (p) => p.needs.map((n) => tree(n.children)))
  },
  {
    name: 'need kind, priority and horizon',
    coveredBy: ['need-settings'],
    get: perCard(personas, (p) => p.needs.map((n) => [n.kind, n.priority, n.horizon]))
  },
  {
    name: 'need capabilities',
    coveredBy: ['need-capabilities'],
    get: perCard(personas, (p, ws) => p.needs.map((n) => n.capabilityIds.map((id) => capabilityName(ws, id))))
  },
  {
    name: 'coverage overrides',
    coveredBy: ['overrides'],
    get: perCard(personas, (p) => p.needs.map((n) => n.override))
  },
  {
    name: 'linked roles',
    coveredBy: ['linked-roles'],
    get: perCard(personas, (p, ws) => p.linkedRoleIds.map((id) => titleOf(ws, id)))
  },
  { name: 'headcounts', coveredBy: ['headcounts'], get: perCard(personas, (p) => p.headcount) }
]

/** The titles and names both workspaces have. */
function commonNames(a: Workspace, b: Workspace): Set<string> {
  const names = (ws: Workspace): string[] => [
    ...ws.cards.map((c) => c.title),
    ...ws.capabilities.map((c) => c.name),
    ...ws.categories.map((c) => c.name)
  ]
  const inB = new Set(names(b))
  return new Set(names(a).filter((n) => inB.has(n)))
}

describe('each format’s losses, on a workspace with every field set', () => {
  const ws = richWorkspace()

  it('every loss kind is covered by an aspect of the round trip', () => {
    const covered = new Set(ASPECTS.flatMap((a) => a.coveredBy))
    expect(FORMATS.flatMap((f) => f.drops).filter((k) => !covered.has(k))).toEqual([])
  })

  it.each(FORMATS.map((f) => [f.id, f] as const))(
    '%s: what the losses do not mention comes back, and what they mention does not',
    (_id, format) => {
      const losses = exportLosses(ws, format.id)
      const listed = new Set(losses.map((l) => l.what))
      // The workspace exercises every kind the format drops (duplicate titles have their own test).
      expect(sorted([...listed])).toEqual(sorted(format.drops.filter((k) => k !== 'duplicate-personas')))
      const back = roundTrip(ws, format)
      const common = commonNames(ws, back)
      const kept = ASPECTS.filter((a) => !a.coveredBy.some((k) => listed.has(k)))
      for (const aspect of kept) {
        expect([aspect.name, aspect.get(back, common)]).toEqual([aspect.name, aspect.get(ws, common)])
      }
      for (const loss of losses) {
        const differs = ASPECTS.filter((a) => a.coveredBy.includes(loss.what)).some(
          (a) => !isDeepStrictEqual(a.get(back, common), a.get(ws, common))
        )
        expect([loss.message, differs]).toEqual([loss.message, true])
      }
    }
  )

  it('JSON holds everything: no losses, and the workspace comes back whole', () => {
    expect(exportLosses(ws, 'json')).toEqual([])
  })

  it('persona Markdown lists what it cannot hold, counted', () => {
    expect(exportLosses(ws, 'md-personas').map((l) => l.message)).toEqual([
      '3 roles are not exported.',
      '3 capabilities are not exported.',
      'One category description loses its line breaks: the profile list holds one line each.',
      '2 needs lose their kind, priority and horizon.',
      '3 links from needs to capabilities are not exported.',
      'One coverage override is not exported.',
      'One link from a persona to a role is not exported.',
      'The headcount of one persona is not exported.',
      'One link is not a web or mail link: it is written as text after the description.',
      'One tag is not exported.',
      'The notes of one card are not exported.'
    ])
  })

  it('cards CSV lists the links and occupations it cannot hold', () => {
    const byKind = Object.fromEntries(exportLosses(ws, 'csv-cards').map((l) => [l.what, l.count]))
    expect(byKind).toMatchObject({ links: 5, occupations: 1, tags: 3, notes: 2 })
  })
})

describe('needs CSV: personas of the same title', () => {
  it('are listed, and do read back as one', () => {
    const ws = emptyWorkspace(FIXED_TIME)
    ws.cards = [
      newPersona({ id: 'a', title: 'Clerk', needs: [newNeed({ id: 'n1', text: 'A quiet room' })] }),
      newPersona({
        id: 'b',
        title: 'clerk',
        order: 1,
        needs: [newNeed({ id: 'n2', text: 'A second screen' })]
      })
    ]
    expect(exportLosses(ws, 'csv-needs').map((l) => l.message)).toEqual([
      'One persona has the title of another; their needs will read back as one persona’s.'
    ])
    const format = FORMATS.find((f) => f.id === 'csv-needs')
    if (format === undefined) throw new Error('no needs CSV in the registry')
    expect(personas(roundTrip(ws, format)).map((p) => p.needs.map((n) => n.text))).toEqual([
      ['A quiet room', 'A second screen']
    ])
  })
})
