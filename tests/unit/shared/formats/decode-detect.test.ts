import { describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import {
  ImportError,
  MAX_IMPORT_BYTES,
  decodeBytes,
  decodeText,
  detectFormat,
  parseProfileBytes
} from '../../../../src/shared/formats'
import { FIXTURES, PERSONAS, TAXONOMY, readFixture, utf16, utf8, utf8Bom, windows1252 } from './helpers'

const refusal = (fn: () => unknown): ImportError => {
  try {
    fn()
  } catch (error) {
    if (error instanceof ImportError) return error
    throw error
  }
  throw new Error('expected an ImportError')
}

describe('decodeText', () => {
  const text = 'Naïve café – “quoted” ’s €5 …\nsecond line'

  it('decodes UTF-8 with and without BOM, UTF-16 LE/BE with BOM and Windows-1252 to the same text', () => {
    for (const bytes of [
      utf8(text),
      utf8Bom(text),
      utf16(text, 'le'),
      utf16(text, 'be'),
      windows1252(text)
    ]) {
      expect(decodeText(bytes, 'a.md')).toBe(text)
    }
  })

  it('takes bytes that are not valid UTF-8 as Windows-1252', () => {
    expect(decodeText(new Uint8Array([0x43, 0x61, 0x66, 0xe9, 0x20, 0x93, 0x78, 0x94]), 'a.md')).toBe(
      'Café “x”'
    )
  })

  it('refuses a file over 50 MB, naming it and the limit', () => {
    const error = refusal(() => decodeText(new Uint8Array(MAX_IMPORT_BYTES + 1), 'huge.md'))
    expect(error.code).toBe('too-large')
    expect(error.message).toBe('huge.md is 50.0 MB; files over 50.0 MB cannot be imported.')
  })

  it('refuses empty files (also a lone BOM, or only blank space)', () => {
    for (const bytes of [
      new Uint8Array(0),
      new Uint8Array([0xef, 0xbb, 0xbf]),
      utf8(' \n\t\n'),
      new Uint8Array([0xff, 0xfe])
    ]) {
      const error = refusal(() => decodeText(bytes, 'empty.csv'))
      expect([error.code, error.message]).toEqual(['validation', 'empty.csv is empty.'])
    }
  })

  it('refuses binary files: NUL bytes, mostly control characters, UTF-16 without BOM, UTF-32', () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48])
    const controls = new Uint8Array(
      Array.from({ length: 100 }, (_, i) => (i % 3 === 0 ? 0x41 : 0x01 + (i % 8)))
    )
    const cases: [Uint8Array, RegExp][] = [
      [png, /photo\.md looks like a binary file/],
      [controls, /photo\.md looks like a binary file \(it is mostly control characters\)/],
      [utf16('# Title', 'le', false), /byte-order mark/],
      [new Uint8Array([0xff, 0xfe, 0, 0, 0x41, 0, 0, 0]), /photo\.md is UTF-32/],
      [utf16('a\u0000b', 'le'), /NUL characters/]
    ]
    for (const [bytes, message] of cases) {
      const error = refusal(() => decodeText(bytes, 'photo.md'))
      expect(error.code).toBe('unsupported')
      expect(error.message).toMatch(message)
    }
  })

  it('refuses UTF-16 that cannot be decoded (odd length)', () => {
    const error = refusal(() => decodeText(new Uint8Array([0xff, 0xfe, 0x41, 0x00, 0x42]), 'odd.md'))
    expect([error.code, error.message]).toEqual(['unsupported', 'odd.md is not valid UTF-16LE text.'])
  })

  it('parseProfileBytes throws only ImportError, and a few control characters in text are fine', () => {
    expect(() => parseProfileBytes(new Uint8Array(0), 'x.md')).toThrow(ImportError)
    expect(parseProfileBytes(utf8('# T\n\n### Role\u0007\n\nText\u001b.\n'), 'x.md').cards).toHaveLength(1)
  })
})

describe('decodeBytes: UTF-8 with a few bytes that are not', () => {
  const bytes = (...parts: (string | number[])[]): Uint8Array =>
    new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...utf8(p)] : p)))

  it('reads the file as UTF-8 and only the stray bytes as Windows-1252, naming each line', () => {
    const data = new Uint8Array(readFileSync(resolve(FIXTURES, 'mixed-encoding-personas.md')))
    const { text, diagnostics } = decodeBytes(data, 'mixed.md')
    const lines = text.split('\n')
    expect(lines[1]).toBe('title: Équipe des opérations')
    expect(lines[13]).toBe('- Réduire les délais d’attente')
    expect(lines[18]).toBe('- Un accès sécurisé au réseau')
    expect(lines[23]).toBe('- Formation trop courte à l’arrivée')
    expect(diagnostics).toEqual([
      {
        file: 'mixed.md',
        line: 14,
        severity: 'warning',
        message: 'Line 14 is not all UTF-8: 1 byte was read as Windows-1252 (“’”); check this line.'
      },
      {
        file: 'mixed.md',
        line: 19,
        severity: 'warning',
        message: 'Line 19 is not all UTF-8: 2 bytes were read as Windows-1252 (“é”, “é”); check this line.'
      },
      {
        file: 'mixed.md',
        line: 24,
        severity: 'warning',
        message: 'Line 24 is not all UTF-8: 1 byte was read as Windows-1252 (“à”); check this line.'
      }
    ])
  })

  it('parseProfileBytes keeps the warnings with the parser’s own, in line order', () => {
    const data = new Uint8Array(readFileSync(resolve(FIXTURES, 'mixed-encoding-personas.md')))
    const parsed = parseProfileBytes(data, 'mixed.md')
    expect(parsed.format).toBe('md-personas')
    expect(parsed.cards[0].kind === 'persona' && parsed.cards[0].needs.map((n) => n.text)).toEqual([
      'Un tableau de bord partagé',
      'Un accès sécurisé au réseau'
    ])
    const lines = parsed.diagnostics.map((d) => d.line ?? 0)
    expect(lines).toEqual([...lines].sort((a, b) => a - b))
    expect(parsed.diagnostics.filter((d) => d.message.includes('UTF-8')).map((d) => d.line)).toEqual([
      14, 19, 24
    ])
  })

  it('counts lines as the parsers do (CRLF, and a lone CR) and in a file with a BOM', () => {
    const data = bytes([0xef, 0xbb, 0xbf], 'é\r\nb\rc ', [0x93], 'x', [0x94], '\r\n')
    const { text, diagnostics } = decodeBytes(data, 'a.md')
    expect(text).toBe('é\r\nb\rc “x”\r\n')
    expect(diagnostics.map((d) => [d.line, d.message])).toEqual([
      [3, 'Line 3 is not all UTF-8: 2 bytes were read as Windows-1252 (““”, “””); check this line.']
    ])
  })

  it('lists the first 20 lines, then how many more', () => {
    const data = bytes('café\n', ...Array.from({ length: 25 }, () => [[0xe9], '\n']).flat())
    const { diagnostics } = decodeBytes(data, 'a.md')
    expect(diagnostics).toHaveLength(21)
    expect(diagnostics[19].line).toBe(21)
    expect(diagnostics[20]).toEqual({
      file: 'a.md',
      line: 22,
      severity: 'warning',
      message:
        '5 more lines, from line 22 on, are not all UTF-8; their stray bytes were read as Windows-1252 too.'
    })
  })

  it('quotes the first 5 stray bytes of a line and counts them all', () => {
    const { diagnostics } = decodeBytes(bytes('café ', Array<number>(7).fill(0xe9)), 'a.md')
    expect(diagnostics.map((d) => d.message)).toEqual([
      'Line 1 is not all UTF-8: 7 bytes were read as Windows-1252 (“é”, “é”, “é”, “é”, “é” …); check this line.'
    ])
  })

  it('reads a file with no valid UTF-8 sequence wholly as Windows-1252, without a warning', () => {
    const text = 'Équipe: café, thé, “élan” – à côté\n'.repeat(50)
    expect(decodeBytes(windows1252(text), 'w.md')).toEqual({ text, diagnostics: [] })
  })

  it('keeps a truncated sequence at the end and an overlong or surrogate form as Windows-1252 bytes', () => {
    const { text } = decodeBytes(
      bytes('é ', [0xc0, 0xaf], ' ', [0xed, 0xa0, 0x80], ' ', [0xe2, 0x82]),
      'a.md'
    )
    expect(text).toBe('é À¯ í\u00a0€ â‚')
  })
})

describe('detectFormat: by content, the extension only breaking ties', () => {
  it('recognises each shape whatever the file is called', () => {
    const cases: [string, string][] = [
      [readFixture(TAXONOMY), 'md-taxonomy'],
      [readFixture(PERSONAS), 'md-personas'],
      ['{"schemaVersion":1}', 'json'],
      ['  \n[1]', 'json'],
      ['kind,category,title,description\n', 'csv-cards'],
      ['Title;Kind\nA;role\n', 'csv-cards'],
      ['name\tstate\thorizon\n', 'csv-capabilities'],
      ['"persona","need"\nA,b\n', 'csv-needs'],
      ['sep=;\npersona;need\n', 'csv-needs'],
      ['## Clerk\n\nBesoins :\n\n- x\n', 'md-personas'],
      ['---\ntitle: x\n---\n\n## Someone\n', 'md-personas'],
      ['# Page\n\n## Profiles\n\n- Staff - All\n', 'md-personas'],
      ['# Roles\n\n### Analyst\n\nText\n', 'md-taxonomy']
    ]
    for (const [text, format] of cases) {
      for (const name of ['file.md', 'file.csv', 'file.json', 'file'])
        expect([text.slice(0, 20), name, detectFormat(text, name)]).toEqual([text.slice(0, 20), name, format])
    }
  })

  it('uses the extension when the content does not decide', () => {
    expect(detectFormat('just words\n', 'notes.csv')).toBe('csv-cards')
    expect(detectFormat('just words\n', 'notes.json')).toBe('json')
    expect(detectFormat('just words\n', 'notes.md')).toBe('md-taxonomy')
    expect(detectFormat('[Home](index.md)\n', 'page.md')).toBe('md-taxonomy')
  })
})
