/** The cards CSV: one row per card, for spreadsheets. */
import { parseCardsCsv, serializeCardsCsv } from '../csv/cards'
import { lossesOf } from '../losses'
import { defineFormat } from '../types'

export const csvCardsFormat = defineFormat({
  id: 'csv-cards',
  aliases: ['csv'],
  label: 'Cards (CSV)',
  name: 'cards CSV',
  help: 'One row per card, for spreadsheets.',
  extensions: ['csv', 'tsv'],
  fileName: 'cards.csv',
  byteOrderMark: true,
  detect: [
    {
      rank: 22,
      when: 'first line is a header with `title` and one of `kind`, `category`, `description`',
      test: ({ header }) =>
        header !== null &&
        header.includes('title') &&
        ['kind', 'category', 'description'].some((name) => header.includes(name))
    },
    {
      rank: 90,
      when: 'none of the above, in a file named `.csv` or `.tsv`',
      test: (s) => s.ext === 'csv' || s.ext === 'tsv'
    }
  ],
  parse: (text, ctx) => parseCardsCsv(text, ctx),
  serialize: serializeCardsCsv,
  ...lossesOf(
    [
      'capabilities',
      'empty-categories',
      'category-descriptions',
      'workspace-description',
      'subtitles',
      'need-settings',
      'need-capabilities',
      'overrides',
      'linked-roles',
      'headcounts',
      'occupations',
      'links',
      'tags',
      'notes'
    ],
    () => true
  )
})
