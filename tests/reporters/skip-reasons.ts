/**
 * Prints why tests were skipped. The list reporter marks a skipped test with `-` and drops the
 * reason given to `test.skip(condition, reason)`; this reporter, run beside it, prints each reason
 * once at the end of the run with the tests it skipped, so "8 skipped" never goes unexplained.
 */
import { relative } from 'node:path'
import type { Reporter, TestCase, TestResult } from '@playwright/test/reporter'

const MAX_TITLES = 5

export default class SkipReasons implements Reporter {
  /** Reason → the titles of the tests it skipped, in the order they ended. */
  private readonly skipped = new Map<string, string[]>()

  onTestEnd(test: TestCase, result: TestResult): void {
    if (result.status !== 'skipped') return
    const reasons = result.annotations
      .filter((annotation) => annotation.type === 'skip' || annotation.type === 'fixme')
      .map((annotation) => annotation.description?.trim() || `${annotation.type} (no reason given)`)
    const title = `${relative(process.cwd(), test.location.file)} › ${test.title}`
    for (const reason of reasons.length > 0 ? reasons : ['(no reason given)']) {
      const titles = this.skipped.get(reason) ?? []
      if (!titles.includes(title)) titles.push(title)
      this.skipped.set(reason, titles)
    }
  }

  onEnd(): void {
    if (this.skipped.size === 0) return
    const lines = ['', 'Skipped, and why:']
    for (const [reason, titles] of this.skipped) {
      lines.push(`  ${titles.length} ${titles.length === 1 ? 'test' : 'tests'}: ${reason}`)
      for (const title of titles.slice(0, MAX_TITLES)) lines.push(`    - ${title}`)
      if (titles.length > MAX_TITLES) lines.push(`    - … and ${titles.length - MAX_TITLES} more`)
    }
    process.stdout.write(`${lines.join('\n')}\n`)
  }

  printsToStdio(): boolean {
    return true
  }
}
