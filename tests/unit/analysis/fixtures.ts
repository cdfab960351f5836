/** Workspaces for the gap-analysis tests: a small hand-made one and the ESDC seed. */
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { applyCommand } from '../../../src/shared/commands/apply'
import type { Command } from '../../../src/shared/commands/schema'
import {
  emptyWorkspace,
  newCapability,
  newCategory,
  newItem,
  newNeed,
  newPersona
} from '../../../src/shared/model/defaults'
import type {
  Capability,
  Card,
  Category,
  Need,
  PersonaCard,
  Workspace
} from '../../../src/shared/model/schema'
import { normalizeTitle } from '../../../src/shared/text/normalize'

export const FIXED_TIME = '2026-01-15T09:30:00.000Z'

export function run(ws: Workspace, ...commands: Command[]): Workspace {
  return commands.reduce((acc, command) => applyCommand(acc, command, FIXED_TIME).next, ws)
}

/**
 * The hand-made workspace whose expected numbers are worked out in gap-analysis.test.ts.
 * Capabilities, in column order: A in place, B partial, C planned medium, D planned long,
 * E absent, F planned with no horizon.
 */
export function handWorkspace(): Workspace {
  const ws = emptyWorkspace(FIXED_TIME)
  ws.name = 'Hand-made'
  ws.capabilities = [
    newCapability({ id: 'A', name: 'Wi-Fi', state: 'in-place' }),
    newCapability({ id: 'B', name: 'VPN', state: 'partial' }),
    newCapability({ id: 'C', name: 'Classification', state: 'planned', horizon: 'medium' }),
    newCapability({ id: 'D', name: 'Tablets', state: 'planned', horizon: 'long' }),
    newCapability({ id: 'E', name: 'Legacy', state: 'absent' }),
    newCapability({ id: 'F', name: 'Someday', state: 'planned', horizon: null })
  ]
  // Stored out of board order on purpose: Office (order 0) comes before Field (order 1).
  ws.categories = [
    newCategory({ id: 'field', name: 'Field', order: 1 }),
    newCategory({ id: 'office', name: 'Office', order: 0 })
  ]
  const need = (id: string, text: string, priority: Need['priority'], capabilityIds: string[]): Need =>
    newNeed({ id, text, priority, capabilityIds })
  ws.cards = [
    newPersona({
      id: 'P1',
      title: 'Clerk',
      categoryId: 'office',
      order: 1,
      headcount: 100,
      needs: [
        need('n1', 'Secure file sharing', 'must', ['C']),
        need('n2', 'Wi-Fi everywhere', 'should', ['A']),
        need('n3', 'Remote access', 'should', ['B']),
        need('n4', 'Tablets for feedback', 'could', [])
      ]
    }),
    newPersona({
      id: 'P2',
      title: 'Manager',
      categoryId: 'office',
      order: 0,
      needs: [
        need('n5', 'Secure  file-sharing!', 'should', ['C', 'E']),
        need('n6', 'Remote access', 'must', ['B', 'D'])
      ]
    }),
    newPersona({
      id: 'P3',
      title: 'Agent',
      categoryId: 'field',
      order: 0,
      headcount: 50,
      needs: [
        need('n7', 'secure file sharing', 'could', ['E']),
        { ...need('n8', 'Printer', 'must', ['F']), override: { status: 'met', rationale: 'Vendor loaner' } },
        { ...need('n9', 'Dashboards', 'should', ['E']), override: { status: 'partial', rationale: 'Excel' } }
      ]
    }),
    newPersona({
      id: 'P4',
      title: 'Loose',
      categoryId: null,
      order: 0,
      needs: [need('n10', 'Printer', 'should', ['E'])]
    })
  ]
  return ws
}

export const ESDC_SEED = '/work/shared/fixtures/seeds/esdc-employee-profiles.md'

export const readEsdcSeed = (): string => readFileSync(ESDC_SEED, 'utf8')

/** The Markdown importer another engineer is writing; used for the ESDC seed once it exists. */
const IMPORTER = new URL('../../../src/shared/formats/index.ts', import.meta.url)

interface ParsedProfile {
  categories: Category[]
  cards: Card[]
  capabilities: Capability[]
}

/**
 * The ESDC seed as a workspace: through the project's importer (`parseProfileText`, then the
 * `import.apply` command) when src/shared/formats/index.ts exists, else built by hand
 * (`esdcWorkspace`). The import is loaded by URL so this file compiles with or without it.
 */
export async function loadEsdcWorkspace(): Promise<{ workspace: Workspace; builtBy: 'importer' | 'hand' }> {
  if (!existsSync(fileURLToPath(IMPORTER))) return { workspace: esdcWorkspace(), builtBy: 'hand' }
  const formats = (await import(/* @vite-ignore */ IMPORTER.href)) as {
    parseProfileText?: (text: string, fileName: string) => ParsedProfile
  }
  if (typeof formats.parseProfileText !== 'function') {
    throw new Error('src/shared/formats/index.ts exists but exports no parseProfileText')
  }
  const parsed = formats.parseProfileText(readEsdcSeed(), 'esdc-employee-profiles.md')
  const workspace = run(
    emptyWorkspace(FIXED_TIME),
    { type: 'workspace.rename', name: 'ESDC employee profiles' },
    {
      type: 'import.apply',
      mode: 'add',
      categories: parsed.categories,
      cards: parsed.cards,
      capabilities: parsed.capabilities,
      sources: []
    }
  )
  return { workspace, builtBy: 'importer' }
}

/**
 * The ESDC seed as a workspace, built by hand from the seed text, for as long as the Markdown
 * importer is not in the repository. Categories are the five profile
 * groups; each "####" heading is one persona; its "Needs:" bullets (with nested bullets as
 * children) are its needs, with the model's defaults (IT, should, medium term).
 */
export function esdcWorkspace(seed = readEsdcSeed()): Workspace {
  const lines = seed.replace(/\r\n?/g, '\n').split('\n')
  const groups = ['Management', 'Power users', 'Client services', 'General users', 'Special needs']
  const categories = groups.map((name, order) => newCategory({ id: `cat-${order}`, name, order }))
  const cards: PersonaCard[] = []
  let persona: PersonaCard | null = null
  let section = ''
  let n = 0
  for (const line of lines) {
    const heading = /^####\s+(.*)$/.exec(line)
    if (heading) {
      const parts = heading[1].split(' - ').map((s) => s.trim())
      const group = groups.indexOf(parts[0])
      const title = parts.length > 2 ? parts.slice(2).join(' - ') : parts[0]
      persona = newPersona({
        id: `persona-${cards.length + 1}`,
        title,
        description: parts.length > 2 ? parts[1] : parts.slice(1).join(' - '),
        categoryId: group >= 0 ? categories[group].id : null,
        order: cards.filter((c) => c.categoryId === (group >= 0 ? categories[group].id : null)).length
      })
      cards.push(persona)
      section = ''
      continue
    }
    const label = /^([A-Za-z]+)\s*:\s*$/.exec(line)
    if (label) {
      section = label[1].toLowerCase()
      continue
    }
    if (persona === null) continue
    const bullet = /^(\s*)- (.*)$/.exec(line)
    if (!bullet) continue
    const text = bullet[2].trim()
    const nested = bullet[1].length > 0
    const list =
      section === 'goals'
        ? persona.goals
        : section === 'habits'
          ? persona.habits
          : section === 'problems'
            ? persona.problems
            : null
    if (section === 'needs') {
      const id = `need-${++n}`
      if (nested && persona.needs.length > 0) {
        persona.needs[persona.needs.length - 1].children.push(newItem(id, text))
      } else persona.needs.push(newNeed({ id, text }))
    } else if (list) {
      if (nested && list.length > 0) list[list.length - 1].children.push(newItem(`item-${++n}`, text))
      else list.push(newItem(`item-${++n}`, text))
    }
  }
  return run(
    emptyWorkspace(FIXED_TIME),
    { type: 'workspace.rename', name: 'ESDC employee profiles' },
    { type: 'import.apply', mode: 'add', categories, cards, capabilities: [], sources: [] }
  )
}

export const isManagement = (card: { kind: string; title: string }): boolean =>
  card.kind === 'persona' && normalizeTitle(card.title).startsWith('management')

/**
 * The scenario: add "Classification tool" (planned, medium term) and "DLP tool" (in
 * place) and link the Management persona's first need to the first, its second to the second.
 */
export function withEsdcCapabilities(ws: Workspace): Workspace {
  const management = ws.cards.find(isManagement)
  if (!management || management.kind !== 'persona') throw new Error('No Management persona in the seed')
  const [classificationNeed, dlpNeed] = management.needs
  return run(
    ws,
    {
      type: 'capability.create',
      capability: newCapability({
        id: 'cap-classification',
        name: 'Classification tool',
        state: 'planned',
        horizon: 'medium'
      })
    },
    {
      type: 'capability.create',
      capability: newCapability({ id: 'cap-dlp', name: 'DLP tool', state: 'in-place' })
    },
    {
      type: 'need.link',
      cardId: management.id,
      needId: classificationNeed.id,
      capabilityId: 'cap-classification',
      linked: true
    },
    { type: 'need.link', cardId: management.id, needId: dlpNeed.id, capabilityId: 'cap-dlp', linked: true }
  )
}

export const EXAMPLES_DIR = join(import.meta.dirname, '..', '..', '..', 'docs', 'examples')
