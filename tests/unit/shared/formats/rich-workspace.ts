/** A workspace with every field of the model set: the losses and registry tests export it in every format. */
import {
  emptyWorkspace,
  newCapability,
  newCategory,
  newItem,
  newNeed,
  newPersona,
  newRole
} from '../../../../src/shared/model/defaults'
import type { Card, ListItem, Workspace } from '../../../../src/shared/model/schema'
import { FIXED_TIME } from './helpers'

// eslint-disable-next-line @microsoft/sdl/no-insecure-url -- ESCO's occupation URIs are http, as in the taxonomy
const ESCO_MINISTER = 'http://data.europa.eu/esco/occupation/0001'

/** Every field of the model set, text in the form the importers give (single spaces, trimmed). */
export function richWorkspace(): Workspace {
  const ws = emptyWorkspace(FIXED_TIME)
  ws.name = 'Ministry of Examples'
  ws.description =
    'How the ministry works, written for the planning team.\n\nA second paragraph of the introduction.'
  ws.categories = [
    newCategory({
      id: 'cat-policy',
      name: 'Policy makers',
      description: 'People who set the direction.\n\nThey also sign off the budget.',
      color: 'grape',
      order: 0
    }),
    newCategory({ id: 'cat-field', name: 'Field staff', description: 'Away from a desk.', order: 1 }),
    newCategory({ id: 'cat-empty', name: 'Contractors', description: 'None hired yet.', order: 2 })
  ]
  ws.capabilities = [
    newCapability({
      id: 'cap-case',
      name: 'Case management',
      description: 'Tracks every case from intake to closing.',
      state: 'partial',
      horizon: 'medium',
      owner: 'Digital office',
      notes: 'The licence ends next spring.'
    }),
    newCapability({
      id: 'cap-forms',
      name: 'Mobile forms',
      state: 'planned',
      horizon: 'long',
      owner: 'Field IT'
    }),
    newCapability({
      id: 'cap-archive',
      name: 'Archive search',
      state: 'in-place',
      description: 'Search old files.'
    })
  ]
  const minister = newRole({
    id: 'role-minister',
    title: 'Government minister',
    description: 'Decides on policy for the ministry.',
    categoryId: 'cat-policy',
    order: 0,
    qualifications: ['A degree in public administration', 'Ten years in office'],
    occupationUri: ESCO_MINISTER,
    links: [
      { label: 'Government minister', url: ESCO_MINISTER },
      { label: 'Ministry site', url: 'https://example.org/ministry' }
    ],
    tags: ['senior', 'elected'],
    notes: 'Ask the cabinet office for the headcount.'
  })
  const officer = newRole({
    id: 'role-budget',
    title: 'Budget officer',
    description: 'Prepares the yearly budget.',
    categoryId: 'cat-policy',
    order: 1,
    links: [{ label: 'Shared drive', url: 'file://budget-share/budget' }]
  })
  const steward = newRole({
    id: 'role-steward',
    title: 'Data steward',
    description: 'Keeps the registers clean.',
    qualifications: ['Data protection training']
  })
  const item = (id: string, text: string, children: ListItem[] = []): ListItem => newItem(id, text, children)
  const deputy = newPersona({
    id: 'p-deputy',
    title: 'Deputy minister',
    subtitle: 'Manager and above',
    description: 'Runs the ministry day to day.',
    categoryId: 'cat-policy',
    order: 2,
    goals: [item('g1', 'Deliver the programme', [item('g2', 'On time')])],
    habits: [item('h1', 'Reads briefings on paper')],
    problems: [item('pr1', 'Too many meetings')],
    needs: [
      newNeed({
        id: 'n1',
        text: 'A dashboard of open cases',
        children: [item('n1a', 'Updated daily')],
        kind: 'it',
        priority: 'must',
        horizon: 'now',
        capabilityIds: ['cap-case'],
        override: { status: 'met', rationale: 'The weekly report covers it.' }
      }),
      newNeed({ id: 'n2', text: 'Fewer meetings' })
    ],
    links: [{ label: 'Briefing guide', url: 'https://example.org/briefings' }],
    tags: ['executive'],
    notes: 'Met on Tuesday.',
    linkedRoleIds: ['role-minister'],
    headcount: 12
  })
  const inspector = newPersona({
    id: 'p-inspector',
    title: 'Inspector',
    categoryId: 'cat-field',
    order: 0,
    needs: [
      newNeed({
        id: 'n3',
        text: 'Forms that work offline',
        kind: 'business',
        horizon: 'long',
        capabilityIds: ['cap-case', 'cap-forms']
      })
    ],
    links: [{ label: 'Handbook', url: 'file://handbook-share/handbook.pdf' }]
  })
  const visitor = newPersona({
    id: 'p-visitor',
    title: 'Visitor',
    description: 'Comes in once a year.',
    goals: [item('g3', 'Find the right office')]
  })
  ws.cards = [minister, officer, steward, deputy, inspector, visitor] satisfies Card[]
  return ws
}
