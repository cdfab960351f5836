import {
  CATEGORY_COLORS,
  SCHEMA_VERSION,
  type Capability,
  type Category,
  type ListItem,
  type Need,
  type PersonaCard,
  type RoleCard,
  type Workspace
} from './schema'

/** The name of the inbox: the board column, search filter and report group of cards with no category. */
export const INBOX_NAME = 'Uncategorised'

/** Column colours offered by the board: defined beside CategorySchema, which admits only these. */
export { CATEGORY_COLORS } from './schema'

export function emptyWorkspace(now = new Date().toISOString()): Workspace {
  return {
    schemaVersion: SCHEMA_VERSION,
    name: 'My workspace',
    description: '',
    createdAt: now,
    updatedAt: now,
    categories: [],
    cards: [],
    capabilities: [],
    sources: [],
    dismissedDuplicates: []
  }
}

export function newCategory(fields: Partial<Category> & Pick<Category, 'id' | 'name'>): Category {
  return { description: '', color: CATEGORY_COLORS[0], order: 0, ...fields }
}

/** Fresh arrays on every call: cards must never share a list (immer freezes what it commits). */
const cardDefaults = () => ({
  description: '',
  categoryId: null,
  order: 0,
  tags: [],
  links: [],
  notes: '',
  provenance: null
})

// Cards are built with Object.assign rather than spreads: in V8 a spread whose later keys override
// earlier ones took about 7 µs a card, Object.assign under 1 µs (imports make tens of thousands).

export function newRole(fields: Partial<RoleCard> & Pick<RoleCard, 'id' | 'title'>): RoleCard {
  return Object.assign(cardDefaults(), { qualifications: [], occupationUri: null }, fields, {
    kind: 'role' as const
  })
}

export function newPersona(fields: Partial<PersonaCard> & Pick<PersonaCard, 'id' | 'title'>): PersonaCard {
  return Object.assign(
    cardDefaults(),
    { subtitle: '', goals: [], habits: [], needs: [], problems: [], linkedRoleIds: [], headcount: null },
    fields,
    { kind: 'persona' as const }
  )
}

export function newItem(id: string, text: string, children: ListItem[] = []): ListItem {
  return { id, text, children }
}

export function newNeed(fields: Partial<Need> & Pick<Need, 'id' | 'text'>): Need {
  return {
    children: [],
    kind: null,
    priority: null,
    horizon: null,
    capabilityIds: [],
    override: null,
    ...fields
  }
}

export function newCapability(fields: Partial<Capability> & Pick<Capability, 'id' | 'name'>): Capability {
  return { description: '', state: 'absent', horizon: null, owner: '', notes: '', ...fields }
}
