import { describe, expect, it } from 'vitest'
import {
  ImportError,
  MAX_IMPORT_BYTES,
  decodeText,
  detectFormat,
  parseProfileBytes
} from '../../../../src/shared/formats'
import { PERSONAS, TAXONOMY, readFixture, utf16, utf8, utf8Bom, windows1252 } from './helpers'

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
