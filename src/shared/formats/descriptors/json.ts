/** The workspace JSON: the whole workspace, for a colleague or a backup. */
import { parseWorkspaceJson, serializeJson } from '../json'
import { lossesOf } from '../losses'
import { defineFormat } from '../types'

export const jsonFormat = defineFormat({
  id: 'json',
  aliases: [],
  label: 'Persona Planner workspace (JSON)',
  name: 'workspace JSON',
  help: 'Everything, for a colleague or a backup; imports back exactly.',
  extensions: ['json'],
  fileName: 'workspace.json',
  byteOrderMark: false,
  detect: [
    {
      rank: 10,
      when: 'starts with `{` (or is a `[ … ]` array)',
      test: (s) =>
        s.start.startsWith('{') ||
        (s.start.startsWith('[') && (s.ext === 'json' || s.text.trimEnd().endsWith(']')))
    },
    { rank: 91, when: 'none of the above, in a file named `.json`', test: (s) => s.ext === 'json' }
  ],
  parse: (text, ctx) => parseWorkspaceJson(text, ctx),
  serialize: serializeJson,
  ...lossesOf([], () => true)
})
