/**
 * Round trips of taxonomy Markdown in the shapes people write (fast-check): categories as
 * `<details>` blocks or `##` headings, qualifications as a `#### Qualifications` sub-heading or a
 * bold `**Qualifications**` line, followed by paragraphs or a list, other sub-headings in between.
 * Reading such a document gives the qualifications written; exporting and reading again gives the
 * same roles, title and introduction; exporting that gives the same text.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parseProfileText, serialize, type ParsedFile } from '../../../../src/shared/formats'
import { escapeParagraph, escapeText } from '../../../../src/shared/formats/markdown/escape'
import type { RoleCard } from '../../../../src/shared/model/schema'
import { escapeHtml } from '../../../../src/shared/text/html'
import { RUNS, escoUri, line, name } from './arbitraries'
import { importInto, sequentialIds } from './helpers'

interface RoleDoc {
  title: string
  description: string[]
  occupation: string | null
  qualifications: string[]
  heading: boolean
  list: boolean
  part: string | null
}

const text = line(10).filter((t) => t !== '')

const roleDoc: fc.Arbitrary<RoleDoc> = fc.record({
  title: name,
  description: fc.array(text, { maxLength: 2 }),
  occupation: fc.option(escoUri, { nil: null }),
  qualifications: fc.array(text, { maxLength: 3 }),
  heading: fc.boolean(),
  list: fc.boolean(),
  part: fc.option(fc.constantFrom('Responsibilities', 'Skills', 'Day to day'), { nil: null })
})

const doc = fc.record({
  title: name,
  intro: fc.array(text, { maxLength: 2 }),
  headingCategories: fc.boolean(),
  categories: fc.array(fc.record({ name, roles: fc.array(roleDoc, { minLength: 1, maxLength: 3 }) }), {
    minLength: 1,
    maxLength: 3
  })
})

/** A role written as in the GovStack playbook, with its qualifications in the chosen shape. */
function writeRole(role: RoleDoc): string[] {
  const title = escapeText(role.title)
  const out = [role.occupation === null ? `### ${title}` : `### [${title}](${role.occupation})`, '']
  for (const p of role.description) out.push(escapeParagraph(p), '')
  if (role.part !== null) out.push(`#### ${role.part}`, '', 'Some text for this part.', '')
  if (role.qualifications.length > 0) {
    out.push(role.heading ? '#### Qualifications' : '**Qualifications**', '')
    if (role.list) out.push(...role.qualifications.map((q) => `- ${escapeText(q)}`), '')
    else for (const q of role.qualifications) out.push(escapeParagraph(q), '')
  }
  return out
}

type Doc = typeof doc extends fc.Arbitrary<infer T> ? T : never

function writeDoc(d: Doc): string {
  const out = [`# ${escapeText(d.title)}`, '']
  for (const p of d.intro) out.push(escapeParagraph(p), '')
  for (const category of d.categories) {
    if (d.headingCategories) out.push(`## ${escapeText(category.name)}`, '')
    else out.push('<details>', `<summary>${escapeHtml(category.name)}</summary>`, '')
    for (const role of category.roles) out.push(...writeRole(role))
    if (!d.headingCategories) out.push('</details>', '')
  }
  return out.join('\n')
}

/** The roles' fields, in a fixed order (an import into a workspace orders cards by column). */
const roleFields = (p: Pick<ParsedFile, 'cards'>): string[] =>
  p.cards
    .filter((c): c is RoleCard => c.kind === 'role')
    .map((r) => JSON.stringify([r.title, r.description, r.qualifications, r.occupationUri, r.links]))
    .sort()

describe('taxonomy Markdown round trip, qualifications in every shape (fast-check)', () => {
  it(
    'reads the qualifications written, and export → import → export is stable',
    () => {
      fc.assert(
        fc.property(doc, (d) => {
          const parsed = parseProfileText(writeDoc(d), 'doc.md', { newId: sequentialIds() })
          expect(parsed.diagnostics).toEqual([])
          expect(parsed.title).toBe(d.title)
          expect(parsed.categories.map((c) => c.name)).toEqual(d.categories.map((c) => c.name))
          const written = d.categories.flatMap((c) => c.roles)
          const roles = parsed.cards.filter((c): c is RoleCard => c.kind === 'role')
          expect(roles.map((r) => r.qualifications)).toEqual(written.map((r) => r.qualifications))
          expect(roles.map((r) => r.title)).toEqual(written.map((r) => r.title))

          const ws = { ...importInto([parsed]), name: parsed.title ?? '', description: parsed.description }
          const exported = serialize(ws, 'md-taxonomy')
          const back = parseProfileText(exported, 'export.md', { newId: sequentialIds('b') })
          expect(back.diagnostics).toEqual([])
          expect([back.title, back.description]).toEqual([parsed.title, parsed.description])
          expect(roleFields(back)).toEqual(roleFields(ws))
          const again = { ...importInto([back]), name: back.title ?? '', description: back.description }
          expect(serialize(again, 'md-taxonomy')).toBe(exported)
        }),
        { numRuns: RUNS }
      )
    },
    Math.max(30_000, RUNS * 60)
  )
})
