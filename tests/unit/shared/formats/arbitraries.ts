/**
 * fast-check generators of workspaces in the canonical form the importers produce: text with
 * single spaces and no outer blanks (Markdown and CSV collapse white space), descriptions as
 * paragraphs separated by a blank line, names with at least one letter or digit (names are matched
 * by their normalised form), lists at most 8 deep. The text pool is rich in Markdown, HTML and CSV
 * specials, so escaping is what is being tested.
 */
import fc from 'fast-check'
import {
  CAPABILITY_STATES,
  HORIZONS,
  NEED_KINDS,
  PRIORITIES,
  SCHEMA_VERSION,
  type Capability,
  type Card,
  type Category,
  type Link,
  type ListItem,
  type Need,
  type Workspace
} from '../../../../src/shared/model/schema'
import { collapseSpaces, normalizeTitle } from '../../../../src/shared/text/normalize'

/** Runs per property: moderate for `npm test`, FUZZ_RUNS=10000 for a long fuzzing session. */
export const RUNS = Number(process.env.FUZZ_RUNS ?? 200)

const CHARS = [...'abcdefgXYZ0129 ', ...'!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~', ...'éÉ’“”–—…€中😀', '\t', '\n']
const TOKENS = [
  'Goals:',
  'Needs :',
  'Besoins :',
  'Problèmes:',
  '**Qualifications**',
  '**Links**',
  '**Occupation**:',
  '- ',
  ' - ',
  '* ',
  '+ ',
  '1. ',
  '2) ',
  '# ',
  '### ',
  '> ',
  '<details>',
  '</details>',
  '<summary>',
  '<b>',
  '<!--',
  '&amp;',
  '&#x20;',
  '&nbsp;',
  '&copy',
  '\\',
  '\\-',
  '[x](http://y)',
  '<http://a.b>',
  'www.example.org',
  '---',
  '===',
  '|',
  '~~',
  '[ ] ',
  '[^1]',
  '```',
  '    ',
  '=SUM(A1)',
  "'=",
  '@',
  'sep=;',
  '"',
  ';',
  ',',
  'Profiles',
  'Management',
  ':'
]

const piece = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...CHARS) },
  { weight: 1, arbitrary: fc.constantFrom(...TOKENS) }
)

/** One line of canonical text (may be empty). */
export const line = (maxPieces = 12): fc.Arbitrary<string> =>
  fc.array(piece, { maxLength: maxPieces }).map((pieces) => collapseSpaces(pieces.join('')))

/** A name: canonical, with a letter or digit. */
export const name = line(8).filter((text) => normalizeTitle(text) !== '')

/** A description: 0 to 3 paragraphs separated by a blank line. */
export const description = fc
  .array(
    line().filter((p) => p !== ''),
    { maxLength: 3 }
  )
  .map((paragraphs) => paragraphs.join('\n\n'))

let counter = 0
const nextId = (prefix: string): string => `${prefix}-${++counter}`

const itemText = line(10).filter((t) => t !== '')

/** A list up to `depth` levels deep. */
export function items(depth: number): fc.Arbitrary<ListItem[]> {
  const item: fc.Arbitrary<ListItem> =
    depth <= 1
      ? itemText.map((text) => ({ id: nextId('i'), text, children: [] }))
      : fc
          .record({
            text: itemText,
            children: fc.oneof(
              { weight: 3, arbitrary: fc.constant<ListItem[]>([]) },
              { weight: 1, arbitrary: items(depth - 1) }
            )
          })
          .map(({ text, children }) => ({ id: nextId('i'), text, children }))
  return fc.array(item, { maxLength: 3 })
}

const urlPath = fc.array(fc.constantFrom(...'abc019-_.~()&% é'), { maxLength: 10 }).map((p) => p.join(''))
export const url = urlPath.map((p) => `https://example.org/${p}`)
export const escoUri = fc
  .array(fc.constantFrom(...'0123456789abcdef'), { minLength: 4, maxLength: 8 })
  // ESCO occupation URIs are http identifiers (not fetched), as ESCO publishes them.
  // eslint-disable-next-line @microsoft/sdl/no-insecure-url
  .map((h) => `http://data.europa.eu/esco/occupation/${h.join('')}`)

const link: fc.Arbitrary<Link> = fc.record({ label: line(6), url })
const links = fc.uniqueArray(link, { maxLength: 2, selector: (l) => `${l.label}\u0000${l.url}` })

interface CardDraft {
  kind: 'role' | 'persona'
  title: string
  subtitle: string
  description: string
  category: number | null
  links: Link[]
  headingLink: 'none' | 'occupation' | 'title'
  occupationUri: string | null
  qualifications: string[]
  goals: ListItem[]
  habits: ListItem[]
  needs: {
    text: string
    children: ListItem[]
    kind: Need['kind']
    priority: Need['priority']
    horizon: Need['horizon']
    capabilities: number[]
  }[]
  problems: ListItem[]
}

const need = fc.record({
  text: itemText,
  children: items(3),
  // null: not set, as a source that does not say them leaves them.
  kind: fc.option(fc.constantFrom(...NEED_KINDS), { nil: null }),
  priority: fc.option(fc.constantFrom(...PRIORITIES), { nil: null }),
  horizon: fc.option(fc.constantFrom(...HORIZONS), { nil: null }),
  capabilities: fc.uniqueArray(fc.nat(5), { maxLength: 3 })
})

const cardDraft: fc.Arbitrary<CardDraft> = fc.record({
  kind: fc.constantFrom('role' as const, 'persona' as const),
  title: name,
  subtitle: fc.oneof(fc.constant(''), name),
  description,
  category: fc.option(fc.nat(5), { nil: null }),
  links,
  headingLink: fc.constantFrom('none' as const, 'occupation' as const, 'title' as const),
  occupationUri: fc.option(escoUri, { nil: null }),
  qualifications: fc.array(itemText, { maxLength: 3 }),
  goals: items(8),
  habits: items(2),
  needs: fc.array(need, { maxLength: 3 }),
  problems: items(3)
})

const capabilityDraft = fc.record({
  name,
  description: fc.oneof(description, fc.constant('Line one\nline two')),
  state: fc.constantFrom(...CAPABILITY_STATES),
  horizon: fc.option(fc.constantFrom(...HORIZONS), { nil: null }),
  owner: line(5)
})

export interface WorkspaceOptions {
  /** Give every persona a distinct title (the needs CSV joins rows by persona title). */
  distinctPersonas?: boolean
}

/** A valid workspace in canonical form. */
export function workspace(options: WorkspaceOptions = {}): fc.Arbitrary<Workspace> {
  return fc
    .record({
      name: line(6),
      // Empty: roundTrip (helpers.ts) imports into a workspace of the same name and does not carry
      // the document's title and description over, so a described workspace would not come back.
      description: fc.constant(''),
      categories: fc.uniqueArray(fc.record({ name, description }), {
        maxLength: 4,
        selector: (c) => normalizeTitle(c.name)
      }),
      cards: options.distinctPersonas
        ? fc.uniqueArray(cardDraft, {
            maxLength: 8,
            selector: (c) => (c.kind === 'persona' ? normalizeTitle(c.title) : nextId('r'))
          })
        : fc.array(cardDraft, { maxLength: 8 }),
      capabilities: fc.uniqueArray(capabilityDraft, { maxLength: 5, selector: (c) => normalizeTitle(c.name) })
    })
    .map(
      ({
        name: wsName,
        description: wsDescription,
        categories: categoryDrafts,
        cards: drafts,
        capabilities: capabilityDrafts
      }) => {
        const categories: Category[] = categoryDrafts.map((c, order) => ({
          id: nextId('c'),
          name: c.name,
          description: c.description,
          color: 'blue',
          order
        }))
        const capabilities: Capability[] = capabilityDrafts.map((c) => ({ id: nextId('k'), notes: '', ...c }))
        const columns = new Map<string | null, number>()
        const cards: Card[] = drafts.map((d) => {
          const categoryId =
            d.category === null || categories.length === 0
              ? null
              : categories[d.category % categories.length].id
          const order = columns.get(categoryId) ?? 0
          columns.set(categoryId, order + 1)
          const base = {
            id: nextId('card'),
            title: d.title,
            description: d.description,
            categoryId,
            order,
            tags: [],
            notes: '',
            provenance: null
          }
          if (d.kind === 'role') {
            const heading: Link[] =
              d.headingLink === 'occupation' && d.occupationUri !== null
                ? [{ label: d.title, url: d.occupationUri }]
                : d.headingLink === 'title'
                  ? [{ label: d.title, url: 'https://example.org/role' }]
                  : []
            const rest = d.links.filter((l) => !(l.label === d.title && heading.length > 0))
            return {
              ...base,
              kind: 'role',
              links: [...heading, ...rest],
              qualifications: d.qualifications,
              occupationUri: d.occupationUri
            }
          }
          return {
            ...base,
            kind: 'persona',
            subtitle: d.subtitle,
            links: d.links,
            goals: d.goals,
            habits: d.habits,
            problems: d.problems,
            needs: d.needs.map((n) => ({
              id: nextId('n'),
              text: n.text,
              children: n.children,
              kind: n.kind,
              priority: n.priority,
              horizon: n.horizon,
              capabilityIds:
                capabilities.length === 0
                  ? []
                  : [...new Set(n.capabilities.map((i) => capabilities[i % capabilities.length].id))],
              override: null
            })),
            linkedRoleIds: [],
            headcount: null
          }
        })
        return {
          schemaVersion: SCHEMA_VERSION,
          name: wsName,
          description: wsDescription,
          createdAt: '2026-01-15T09:30:00.000Z',
          updatedAt: '2026-01-15T09:30:00.000Z',
          categories,
          cards,
          capabilities,
          sources: []
        } satisfies Workspace
      }
    )
}
