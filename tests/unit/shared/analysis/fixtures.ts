/**
 * Workspaces for the gap-analysis tests: a small hand-made one, and persona pages through the
 * importer; and cards for the duplicate detection at scale (also bench/duplicates.bench.ts).
 */
import { join } from 'node:path'
import { applyCommand } from '../../../../src/shared/commands/apply'
import type { Command } from '../../../../src/shared/commands/schema'
import { parseProfileText } from '../../../../src/shared/formats'
import {
  emptyWorkspace,
  newCapability,
  newCategory,
  newNeed,
  newPersona
} from '../../../../src/shared/model/defaults'
import type { Need, Workspace } from '../../../../src/shared/model/schema'
import { normalizeTitle } from '../../../../src/shared/text/normalize'

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
  // Every need says its kind and horizon: the unset ones have their own workspace, unsetWorkspace.
  const need = (id: string, text: string, priority: Need['priority'], capabilityIds: string[]): Need =>
    newNeed({ id, text, kind: 'it', priority, horizon: 'medium', capabilityIds })
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

/**
 * A workspace whose needs mostly leave kind, priority and horizon unset, as an imported persona
 * page does. Capabilities, in column order: B badges, S scanner service, E legacy (all absent).
 *   u1 Agent   (order 0, headcount 10)  "Badge reader"  unset       [B]
 *   u2 Manager (order 1, no headcount)  "Badge reader"  unset       [B]
 *   u3 Clerk   (order 2, headcount 100) "Scanner"       unset       [S]
 *   u4 Clerk                            "Fax"           business, could, now  [E]
 *   u5 Typist  (order 3, headcount 20)  "Scanner"       kind it, priority and horizon unset  [S]
 *   u6 Typist                           "Shredder"      unset, no capability (unassessed)
 * Board order puts the badge readers (2 personas × 10 people) before the scanners (2 × 120).
 */
export function unsetWorkspace(): Workspace {
  const ws = emptyWorkspace(FIXED_TIME)
  ws.name = 'Unset values'
  ws.capabilities = [
    newCapability({ id: 'B', name: 'Badges', state: 'absent' }),
    newCapability({ id: 'S', name: 'Scanner service', state: 'absent' }),
    newCapability({ id: 'E', name: 'Legacy', state: 'absent' })
  ]
  ws.categories = [newCategory({ id: 'office', name: 'Office', order: 0 })]
  const persona = (id: string, title: string, order: number, headcount: number | null, needs: Need[]) =>
    newPersona({ id, title, categoryId: 'office', order, headcount, needs })
  ws.cards = [
    persona('P1', 'Agent', 0, 10, [newNeed({ id: 'u1', text: 'Badge reader', capabilityIds: ['B'] })]),
    persona('P2', 'Manager', 1, null, [newNeed({ id: 'u2', text: 'Badge reader', capabilityIds: ['B'] })]),
    persona('P3', 'Clerk', 2, 100, [
      newNeed({ id: 'u3', text: 'Scanner', capabilityIds: ['S'] }),
      newNeed({
        id: 'u4',
        text: 'Fax',
        kind: 'business',
        priority: 'could',
        horizon: 'now',
        capabilityIds: ['E']
      })
    ]),
    persona('P4', 'Typist', 3, 20, [
      newNeed({ id: 'u5', text: 'Scanner', kind: 'it', capabilityIds: ['S'] }),
      newNeed({ id: 'u6', text: 'Shredder' })
    ])
  ]
  return ws
}

/**
 * A persona page as a workspace named `name`: through the project's importer and the
 * `import.apply` command, as the app imports it.
 */
export function importPersonas(text: string, fileName: string, name: string): Workspace {
  const parsed = parseProfileText(text, fileName)
  return run(
    emptyWorkspace(FIXED_TIME),
    { type: 'workspace.update', patch: { name } },
    {
      type: 'import.apply',
      mode: 'add',
      categories: parsed.categories,
      cards: parsed.cards,
      capabilities: parsed.capabilities,
      sources: []
    }
  )
}

export const isManagement = (card: { kind: string; title: string }): boolean =>
  card.kind === 'persona' && normalizeTitle(card.title).startsWith('management')

/**
 * The scenario: add "Classification tool" (planned, medium term) and "DLP tool" (in
 * place) and link the Management persona's first need to the first, its second to the second.
 */
export function withClassificationAndDlp(ws: Workspace): Workspace {
  const management = ws.cards.find(isManagement)
  if (!management || management.kind !== 'persona') throw new Error('No Management persona in the workspace')
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

export const EXAMPLES_DIR = join(import.meta.dirname, '..', '..', '..', '..', 'docs', 'examples')

/**
 * `count` role cards whose titles share their words and differ only by a number ("Data officer 0",
 * "Cloud officer 1", …): no two are duplicates, though every title shares its words with a
 * quarter of the others.
 */
export function numberedRoles(count: number): { id: string; kind: string; title: string }[] {
  const words = ['Data', 'Cloud', 'Policy', 'Service']
  return Array.from({ length: count }, (_, i) => ({
    id: `c${i}`,
    kind: 'role',
    title: `${words[i % 4]} officer ${i}`
  }))
}
