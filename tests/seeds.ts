/** The real source documents, in ../shared beside the repository (as on CI and every developer's machine). */
import { resolve } from 'node:path'

const SEEDS = resolve(__dirname, '../../shared/fixtures/seeds')
export const GOVSTACK_SEED = resolve(SEEDS, 'govstack-user-profiles-taxonomy.md')
export const ESDC_SEED = resolve(SEEDS, 'esdc-employee-profiles.md')
