/** The capabilities CSV: the IT capabilities catalogue, one row per capability. */
import { parseCapabilitiesCsv, serializeCapabilitiesCsv } from '../csv/capabilities'
import { lossesOf } from '../losses'
import { defineFormat } from '../types'

export const csvCapabilitiesFormat = defineFormat({
  id: 'csv-capabilities',
  aliases: [],
  label: 'Capabilities (CSV)',
  name: 'capabilities CSV',
  help: 'The IT capabilities catalogue.',
  extensions: ['csv', 'tsv'],
  fileName: 'capabilities.csv',
  byteOrderMark: true,
  detect: [
    {
      rank: 21,
      when: 'first line is a header with `name` and one of `state`, `horizon`, `owner`',
      test: ({ header }) =>
        header !== null &&
        header.includes('name') &&
        ['state', 'horizon', 'owner'].some((n) => header.includes(n))
    }
  ],
  parse: (text, ctx) => ({ capabilities: parseCapabilitiesCsv(text, ctx) }),
  serialize: serializeCapabilitiesCsv,
  ...lossesOf(['roles', 'personas', 'categories', 'workspace-description', 'capability-notes'], () => false)
})
