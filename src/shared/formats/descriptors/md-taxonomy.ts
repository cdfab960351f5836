/** Taxonomy Markdown (the GovStack shape): categories as `<details>` blocks, roles as headings. */
import { lossesOf } from '../losses'
import { parseTaxonomy, serializeTaxonomy } from '../markdown/taxonomy'
import { defineFormat } from '../types'

const DETAILS = /^[ \t]{0,3}<details[\s>]/im
const SUMMARY = /<summary[\s>]/i
const HEADING = /^ {0,3}#{1,6}[ \t]+\S/m

export const mdTaxonomyFormat = defineFormat({
  id: 'md-taxonomy',
  aliases: [],
  label: 'GovStack taxonomy (Markdown)',
  name: 'taxonomy Markdown',
  help: 'Categories and roles, GovStack style, for a wiki.',
  extensions: ['md', 'markdown', 'txt'],
  fileName: 'taxonomy.md',
  byteOrderMark: false,
  detect: [
    {
      rank: 40,
      when: '`<details>` and `<summary>`',
      test: (s) => DETAILS.test(s.text) && SUMMARY.test(s.text)
    },
    { rank: 60, when: 'any Markdown heading', test: (s) => HEADING.test(s.text) },
    { rank: 99, when: 'anything else', test: () => true }
  ],
  parse: (text, ctx, options) => parseTaxonomy(text, ctx, options.onProgress),
  serialize: serializeTaxonomy,
  ...lossesOf(['personas', 'capabilities', 'text-links', 'tags', 'notes'], (card) => card.kind === 'role')
})
