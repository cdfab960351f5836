/**
 * Pathological importer input: 100,000-character lines and deep nesting, several of which took from
 * 10 s to several minutes to parse before the line scanner. fuzz.test.ts checks that each gives a
 * well-formed result; bench/pathological.bench.ts times them against their goal.
 */
const L = 100_000

/** Whole files, by name. */
export const PATHOLOGICAL_FILES: [string, string][] = [
  ['emphasis', '*a'.repeat(L / 2)],
  ['unclosed links', '[a]('.repeat(L / 4)],
  ['images', '![a]('.repeat(L / 5)],
  ['references', 'x [a]'.repeat(L / 5)],
  ['code spans', '`a'.repeat(L / 2)],
  ['strikethrough', '~a'.repeat(L / 2)],
  ['footnotes', 'x[^a]'.repeat(L / 5)],
  ['a table row', `${'a|'.repeat(L / 2)}\n${'-|'.repeat(L / 2)}`],
  ['list markers', `${'- '.repeat(L / 2)}x`],
  ['quote markers', `${'>'.repeat(L)}x`],
  ['quote and list markers', `${'> 1. '.repeat(L / 5)}x`],
  ['a heading', `## ${'*a'.repeat(L / 2)}`],
  [
    'indented lists, 2,000 levels',
    Array.from({ length: 2000 }, (_, i) => `${' '.repeat(i * 2)}- x`).join('\n')
  ],
  ['emphasis over 4,000 lines', Array.from({ length: 4000 }, () => '*a').join('\n')],
  ['a CSV cell', `kind,title,description\nrole,A,"${'"",'.repeat(L / 3)}"\n`],
  ['a JSON string', `{"name":"${'\\"'.repeat(L / 2)}"}`]
]

/** Where a card's text begins, by name: each of CARD_BODIES after it must still make one card. */
export const CARD_PREFIXES: [string, string][] = [
  ['in a persona’s list item', '## G - D - N\n\nGoals:\n\n- '],
  ['in a role description', '<details>\n<summary>A</summary>\n\n### R\n\n']
]

/** Pathological lines inside a card, by name. */
export const CARD_BODIES: [string, string][] = [
  ['emphasis', '*a'.repeat(L / 2)],
  ['images', '![a]('.repeat(L / 5)],
  ['list markers', `${'- '.repeat(L / 2)}x`]
]
