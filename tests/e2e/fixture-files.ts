/** Our own documents in the shape of the GovStack taxonomy and the ESDC persona page (tests/fixtures/formats). */
import { fileURLToPath } from 'node:url'

export const TAXONOMY_FIXTURE = fileURLToPath(
  new URL('../fixtures/formats/govstack-like-taxonomy.md', import.meta.url)
)
export const PERSONAS_FIXTURE = fileURLToPath(
  new URL('../fixtures/formats/esdc-like-personas.md', import.meta.url)
)

/**
 * A taxonomy of about 41 MB (under the 50 MB limit): 20 categories of 1,800 roles with a long
 * description each, so that even the markdown-it importer takes seconds over it.
 */
export function largeTaxonomy(): string {
  const description = 'This role plans, delivers and reviews the service with its partners. '.repeat(16)
  const parts: string[] = ['# A large taxonomy\n']
  for (let c = 0; c < 20; c++) {
    parts.push(`<details>\n<summary>Category ${c}</summary>\n`)
    for (let r = 0; r < 1800; r++) parts.push(`### Role ${c}-${r}\n\n${description}\n`)
    parts.push('</details>\n')
  }
  return parts.join('\n')
}
