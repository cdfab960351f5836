/**
 * The real source documents, the GovStack taxonomy and the ESDC persona page, sit beside the
 * repository in ../shared/fixtures/seeds on our machines and CI, but not in a user's clone. This
 * is the one file that knows where: the conformance tests on the real documents ask it for their
 * paths and skip, saying why, when they are absent. Every other test reads our own fixtures in
 * tests/fixtures. PP_SEEDS_DIR points elsewhere; `PP_SEEDS_DIR=/nonexistent npx vitest run` shows
 * the suite passing without them.
 *
 * Vitest: `const seeds = realSeeds(import.meta.url)` then `describe.skipIf(seeds === null)(…)`;
 * read inside with `readSeed` (a skipped suite's body still runs to collect its tests).
 * Playwright: `test.skip(realSeeds(import.meta.url) === null, SEEDS_MISSING)`.
 */
import { existsSync, readFileSync } from 'node:fs'
import { basename, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

export const GOVSTACK_SEED = 'govstack-user-profiles-taxonomy.md'
export const ESDC_SEED = 'esdc-employee-profiles.md'

export const SEEDS_DIR = process.env.PP_SEEDS_DIR
  ? resolve(process.env.PP_SEEDS_DIR)
  : fileURLToPath(new URL('../../shared/fixtures/seeds/', import.meta.url))

/** A seed's path, or null when it is not there. */
export function seedPath(name: string): string | null {
  const path = join(SEEDS_DIR, name)
  return existsSync(path) ? path : null
}

export interface Seeds {
  govstack: string
  esdc: string
}

const govstack = seedPath(GOVSTACK_SEED)
const esdc = seedPath(ESDC_SEED)
const SEEDS: Seeds | null = govstack !== null && esdc !== null ? { govstack, esdc } : null

export const SEEDS_MISSING =
  `the real seed documents are not in ${SEEDS_DIR}, so the tests on them are skipped ` +
  '(every other test uses tests/fixtures; PP_SEEDS_DIR points to another folder).'

const warned = new Set<string>()

/**
 * Both seeds' paths, or null after saying on stderr, once per test file, that its tests on the
 * real documents skip and why: Vitest and Playwright show stderr by default but not skip reasons.
 */
export function realSeeds(testFile: string): Seeds | null {
  if (SEEDS === null && !warned.has(testFile)) {
    warned.add(testFile)
    console.warn(`${basename(fileURLToPath(testFile))}: ${SEEDS_MISSING}`)
  }
  return SEEDS
}

/** A seed's text; empty when it is missing, for the body of a suite that skips without it. */
export function readSeed(name: string): string {
  const path = seedPath(name)
  return path === null ? '' : readFileSync(path, 'utf8')
}
