import { afterEach, describe, expect, it, vi } from 'vitest'
import {
  guardFormula,
  readRecords,
  unguardFormula,
  writeCsv
} from '../../../../../src/shared/formats/csv/table'

afterEach(() => {
  vi.restoreAllMocks()
})

/**
 * Counts the characters `String.prototype.indexOf` walks over on `text` while `run` runs: from
 * the start position to the match, or to the end when there is none.
 */
function charactersScanned(text: string, run: () => void): number {
  const original = String.prototype.indexOf
  let scanned = 0
  vi.spyOn(String.prototype, 'indexOf').mockImplementation(function (
    this: string,
    search: string,
    position?: number
  ) {
    const found = original.call(this, search, position)
    if (this === text) scanned += (found === -1 ? this.length : found + search.length) - (position ?? 0)
    return found
  })
  run()
  return scanned
}

describe('readRecords', () => {
  it('scans an escape-heavy quoted cell in linear work, not once per "" escape to the next line end', () => {
    // 20,000 "" escapes, then a long unquoted tail before the only line end.
    const text = `title\n"${'""'.repeat(20_000)}",${'x'.repeat(100_000)}\nnext\n`
    let records: ReturnType<typeof readRecords>['records'] = []
    const scanned = charactersScanned(text, () => {
      records = readRecords(text, null).records
    })
    expect(records.map((r) => [r.line, r.cells[0].length])).toEqual([
      [1, 5],
      [2, 20_000],
      [3, 4]
    ])
    expect(scanned).toBeLessThanOrEqual(2 * text.length)
  })

  it('counts the lines of quoted multi-line cells with escapes, so later records keep their line', () => {
    const text = 'a,b\n"one ""x""\ntwo ""y""\nthree",z\n"""\n""",w\nlast,row\n'
    const { records } = readRecords(text, null)
    expect(records.map((r) => [r.line, r.cells])).toEqual([
      [1, ['a', 'b']],
      [2, ['one "x"\ntwo "y"\nthree', 'z']],
      [5, ['"\n"', 'w']],
      [7, ['last', 'row']]
    ])
  })
})

describe('unescaping quoted cells', () => {
  it('reads cells with few and many "" escapes, with any text between them, as written', () => {
    const cells = [
      'say "hi"',
      '"'.repeat(15),
      '"'.repeat(16),
      `“quoted” ${'"é😀"'.repeat(40)} ${'"'.repeat(100)}`,
      'a\n"b"\nc'.repeat(30)
    ]
    // The reader takes LF line ends (parseProfileText normalises them).
    const written = writeCsv(
      ['x'],
      cells.map((c) => [c])
    ).replaceAll('\r\n', '\n')
    expect(
      readRecords(written, null)
        .records.slice(1)
        .map((r) => r.cells[0])
    ).toEqual(cells)
  })
})

describe('guardFormula', () => {
  const hidden = [' =HYPERLINK("http://evil","x")', '\n=1+1', ' \n@SUM(A1)', ' \t -2+3', '\t+1', '  @cmd']

  it('guards a formula character behind leading spaces, tabs or line ends', () => {
    expect(hidden.map(guardFormula)).toEqual(hidden.map((cell) => `'${cell}`))
    expect(guardFormula("' =x")).toBe("'' =x")
    for (const cell of [' plain', '\nplain', ' ', '\n', 'a =b', " 'x"]) expect(guardFormula(cell)).toBe(cell)
  })

  it('is undone exactly by unguardFormula, through a written and read file too', () => {
    const cells = [...hidden, "' =x", "'' \n=y", ' plain', "' plain", '\n']
    for (const cell of cells) expect(unguardFormula(guardFormula(cell))).toBe(cell)
    const { records } = readRecords(
      writeCsv(
        ['h'],
        cells.map((c) => [c])
      ).replaceAll('\r\n', '\n'),
      null
    )
    const read = records.slice(1).map((r) => unguardFormula(r.cells[0]))
    expect(read).toEqual(cells.filter((c) => c.trim() !== ''))
  })
})
