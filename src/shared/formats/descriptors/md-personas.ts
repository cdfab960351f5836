/** Persona Markdown (the ESDC shape): a profile list, then a heading per persona with its sections. */
import { lossesOf } from '../losses'
import { parsePersonas, serializePersonas } from '../markdown/personas'
import { defineFormat } from '../types'

const SECTION_LABEL =
  /^[ \t]{0,3}[*_]{0,3}(?:goals?|habits?|needs?|problems?|objectifs?|habitudes?|besoins?|probl[eè]mes?)[*_]{0,3}[ \t]*[*_]{0,3}:/im
const FRONT_MATTER = /^---[ \t]*\n/
const PROFILES_LIST = /^[ \t]{0,3}#{1,6}[ \t]+(?:profiles?|profils?)[ \t#]*\n\s*\n?[ \t]{0,3}[-*+][ \t]/im

export const mdPersonasFormat = defineFormat({
  id: 'md-personas',
  aliases: [],
  label: 'ESDC persona page (Markdown)',
  name: 'persona Markdown',
  help: 'Personas with goals, habits, needs and problems, ESDC style.',
  extensions: ['md', 'markdown'],
  fileName: 'personas.md',
  byteOrderMark: false,
  detect: [
    {
      rank: 30,
      when: 'a section label line (`Goals:`, `Besoins :` …)',
      test: (s) => SECTION_LABEL.test(s.text)
    },
    {
      rank: 50,
      when: 'YAML front matter, or a `Profiles` heading followed by a list',
      test: (s) => FRONT_MATTER.test(s.text) || PROFILES_LIST.test(s.text)
    }
  ],
  parse: (text, ctx, options) => parsePersonas(text, ctx, options.onProgress),
  serialize: serializePersonas,
  ...lossesOf(
    [
      'roles',
      'capabilities',
      'category-line-breaks',
      'need-settings',
      'need-capabilities',
      'overrides',
      'linked-roles',
      'headcounts',
      'text-links',
      'tags',
      'notes'
    ],
    (card) => card.kind === 'persona'
  )
})
