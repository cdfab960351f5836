/** The real source documents, in ../shared beside the repository (as on CI and every developer's machine). */
import { fileURLToPath } from 'node:url'

const seed = (name: string): string =>
  fileURLToPath(new URL(`../../shared/fixtures/seeds/${name}`, import.meta.url))
export const GOVSTACK_SEED = seed('govstack-user-profiles-taxonomy.md')
export const ESDC_SEED = seed('esdc-employee-profiles.md')
