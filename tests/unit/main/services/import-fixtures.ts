/** Generated import outcomes shared by the import-service tests and bench/import-preview.bench.ts. */
import type { FileOutcome } from '../../../../src/main/services/import-service'
import { newCategory, newRole } from '../../../../src/shared/model/defaults'

const SPELLINGS = ['Data officer', 'data officer', 'DATA  Officer']

/**
 * One parsed file of `count` roles that all share one normalised title (spelt three ways, in turn),
 * alternating between two categories.
 */
export function identicalTitles(count: number): FileOutcome[] {
  const categories = [newCategory({ id: 'k1', name: 'Staff' }), newCategory({ id: 'k2', name: 'Partners' })]
  const cards = Array.from({ length: count }, (_, i) =>
    newRole({ id: `r${i}`, title: SPELLINGS[i % 3], categoryId: i % 2 === 0 ? 'k1' : 'k2', order: i })
  )
  return [
    {
      ok: true,
      parsed: {
        fileName: 'same.csv',
        format: 'csv-cards',
        categories,
        cards,
        capabilities: [],
        metadata: {},
        title: null,
        description: '',
        diagnostics: [],
        lineCount: count + 1
      }
    }
  ]
}
