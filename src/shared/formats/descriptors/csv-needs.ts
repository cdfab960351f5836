/** The needs CSV: one row per persona need, with its kind, priority, horizon and capabilities. */
import { parseNeedsCsv, serializeNeedsCsv } from '../csv/needs'
import { lossesOf } from '../losses'
import { defineFormat } from '../types'

export const csvNeedsFormat = defineFormat({
  id: 'csv-needs',
  aliases: [],
  label: 'Needs (CSV)',
  name: 'needs CSV',
  help: 'One row per persona need, with priority, horizon and capabilities.',
  extensions: ['csv', 'tsv'],
  fileName: 'needs.csv',
  byteOrderMark: true,
  detect: [
    {
      rank: 20,
      when: 'first line is a header with `persona` and `need`',
      test: ({ header }) => header !== null && header.includes('persona') && header.includes('need')
    }
  ],
  parse: (text, ctx) => parseNeedsCsv(text, ctx),
  serialize: serializeNeedsCsv,
  ...lossesOf(
    [
      'roles',
      'personas-without-needs',
      'duplicate-personas',
      'categories',
      'workspace-description',
      'unnamed-capabilities',
      'capability-details',
      'persona-descriptions',
      'subtitles',
      'goals',
      'habits',
      'problems',
      'need-items',
      'overrides',
      'linked-roles',
      'headcounts',
      'links',
      'tags',
      'notes'
    ],
    (card) => card.kind === 'persona' && card.needs.length > 0
  )
})
