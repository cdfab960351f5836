/** The accessibility checks the specs share: an axe scan of the whole page, app shell and toasts included. */
import AxeBuilder from '@axe-core/playwright'
import { expect, test, type Page } from '@playwright/test'

type Impact = 'minor' | 'moderate' | 'serious' | 'critical'

/** The violations of the given impacts, each with its rule, help and (up to 40) elements. */
async function violations(page: Page, impacts: readonly Impact[]): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).analyze()
  return violations
    .filter((v) => v.impact != null && impacts.includes(v.impact))
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} at ${v.nodes
          .map((n) => `${n.target.join(' ')} ${n.html.slice(0, 200)} (${n.any[0]?.message ?? ''})`)
          .slice(0, 40)
          .join(' | ')}`
    )
}

/** Fails with each serious or critical violation. */
export async function expectNoSeriousViolations(page: Page, what: string): Promise<void> {
  expect(await violations(page, ['serious', 'critical']), `axe on ${what}`).toEqual([])
}

/**
 * Fails with each violation of any impact, minor included. A soft assertion: the test goes on, so
 * one run lists what every view and dialog it visits gets wrong.
 */
export async function expectNoViolations(page: Page, what: string): Promise<void> {
  await test.step(`axe on ${what}`, async () => {
    expect
      .soft(await violations(page, ['minor', 'moderate', 'serious', 'critical']), `axe on ${what}`)
      .toEqual([])
  })
}
