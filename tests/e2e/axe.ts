/** The accessibility check the specs share: an axe scan of the whole page, app shell and toasts included. */
import AxeBuilder from '@axe-core/playwright'
import { expect, type Page } from '@playwright/test'

/** Fails with each serious or critical violation, its rule, help and (up to 40) elements. */
export async function expectNoSeriousViolations(page: Page, what: string): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).analyze()
  const serious = violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} at ${v.nodes
          .map((n) => n.html.slice(0, 200))
          .slice(0, 40)
          .join(' | ')}`
    )
  expect(serious, `axe on ${what}`).toEqual([])
}
