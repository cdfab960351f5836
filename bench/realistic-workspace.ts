/**
 * A realistic large workspace for the renderer benches (board, views): role and persona cards with
 * job titles in duplicate families (tests/unit/shared/analysis/duplicate-families.ts), every fifth
 * card a persona with five needs linked to capabilities, so 10,000 cards hold 2,000 personas and
 * 10,000 needs. Generated with a fixed seed, so every run measures the same workspace.
 */
import {
  newCapability,
  newCategory,
  newItem,
  newNeed,
  newPersona,
  newRole
} from '../src/shared/model/defaults'
import {
  CAPABILITY_STATES,
  HORIZONS,
  PRIORITIES,
  type Capability,
  type Card,
  type Category
} from '../src/shared/model/schema'
import { realisticFamilies } from '../tests/unit/shared/analysis/duplicate-families'
import { seededRandom } from './types'

export const COLUMNS = 10
const CAPABILITIES = 300
const NEEDS_PER_PERSONA = 5
/** Distinct need texts: fewer than the needs, so personas share needs as real ones do. */
const NEED_TEXTS = 2_500

export interface RealisticWorkspace {
  categories: Category[]
  capabilities: Capability[]
  cards: Card[]
}

export function realisticWorkspace(size: number, seed = 42): RealisticWorkspace {
  const rand = seededRandom(seed)
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]
  const categories = Array.from({ length: COLUMNS }, (_, i) =>
    newCategory({ id: `cat-${i}`, name: `Category ${i + 1}`, order: i })
  )
  const capabilities = Array.from({ length: CAPABILITIES }, (_, i) =>
    newCapability({
      id: `cap-${i}`,
      name: `Capability ${i}`,
      state: pick(CAPABILITY_STATES),
      horizon: pick([null, ...HORIZONS])
    })
  )
  const titles = realisticFamilies(size, seed)
  let needId = 0
  const cards = titles.map(({ title }, i): Card => {
    const fields = {
      id: `card-${i}`,
      title,
      description: `${title}: a description long enough to wrap onto a second line on the board.`,
      categoryId: rand() < 0.03 ? null : `cat-${i % COLUMNS}`,
      order: Math.floor(i / COLUMNS),
      tags: i % 3 === 0 ? ['bench'] : []
    }
    if (i % 5 !== 0) return newRole(fields)
    return newPersona({
      ...fields,
      goals: [newItem(`g-${i}`, 'Deliver services on time')],
      headcount: rand() < 0.5 ? 10 + Math.floor(rand() * 5_000) : null,
      needs: Array.from({ length: NEEDS_PER_PERSONA }, () => {
        const links = rand() < 0.15 ? 0 : 1 + Math.floor(rand() * 3)
        return newNeed({
          id: `need-${needId++}`,
          text: `Need number ${Math.floor(rand() * NEED_TEXTS)}: access to tools, data & devices`,
          priority: pick([null, ...PRIORITIES]),
          horizon: pick([null, ...HORIZONS]),
          capabilityIds: Array.from({ length: links }, () => `cap-${Math.floor(rand() * CAPABILITIES)}`)
        })
      })
    })
  })
  return { categories, capabilities, cards }
}
