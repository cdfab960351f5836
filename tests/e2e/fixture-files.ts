/** Our own documents in the shape of the GovStack taxonomy and the ESDC persona page (tests/fixtures/formats). */
import { fileURLToPath } from 'node:url'

export const TAXONOMY_FIXTURE = fileURLToPath(
  new URL('../fixtures/formats/govstack-like-taxonomy.md', import.meta.url)
)
export const PERSONAS_FIXTURE = fileURLToPath(
  new URL('../fixtures/formats/esdc-like-personas.md', import.meta.url)
)
