/**
 * Reads the text back out of a PDF that Chromium printed (Playwright's page.pdf in tests/e2e,
 * Electron's printToPDF in tests/electron): both come from the same Skia PDF backend.
 */
import { inflateSync } from 'node:zlib'

/**
 * The text of a PDF as Chromium (Skia) writes it: Flate-compressed content streams showing
 * two-byte glyph codes through Type0 fonts, each with a ToUnicode CMap. Enough for a test, not a
 * general PDF reader.
 */
export function pdfText(pdf: Buffer): string {
  const raw = pdf.toString('latin1')
  const objects = new Map<string, { dict: string; stream: string }>()
  const objectStart = /(\d+) 0 obj\b/g
  for (let m = objectStart.exec(raw); m; m = objectStart.exec(raw)) {
    const from = m.index + m[0].length
    const streamAt = raw.indexOf('stream', from)
    const endobjAt = raw.indexOf('endobj', from)
    if (streamAt === -1 || streamAt > endobjAt) {
      objects.set(m[1], { dict: raw.slice(from, endobjAt), stream: '' })
      continue
    }
    const dict = raw.slice(from, streamAt)
    const dataAt = streamAt + (raw.startsWith('\r\n', streamAt + 6) ? 8 : 7)
    const length = /\/Length (\d+)(?! \d+ R)/.exec(dict)?.[1]
    const data = raw.slice(dataAt, length ? dataAt + Number(length) : raw.indexOf('endstream', dataAt))
    const stream = dict.includes('/FlateDecode')
      ? inflateSync(Buffer.from(data, 'latin1')).toString('latin1')
      : data
    objects.set(m[1], { dict, stream })
    objectStart.lastIndex = dataAt + data.length
  }

  const unicode = (hex: string): string =>
    String.fromCodePoint(...(hex.match(/.{4}/g) ?? []).map((c) => parseInt(c, 16)))
  const cmapOf = (fontId: string | undefined): Map<number, string> => {
    const map = new Map<number, string>()
    const ref = /\/ToUnicode (\d+) 0 R/.exec(objects.get(fontId ?? '')?.dict ?? '')?.[1]
    const cmap = objects.get(ref ?? '')?.stream ?? ''
    for (const [, block] of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g))
      for (const [, code, text] of block.matchAll(/<(\w+)>\s*<(\w+)>/g))
        map.set(parseInt(code, 16), unicode(text))
    for (const [, block] of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g))
      for (const [, from, to, text] of block.matchAll(/<(\w+)>\s*<(\w+)>\s*<(\w+)>/g))
        for (let code = parseInt(from, 16); code <= parseInt(to, 16); code++)
          map.set(code, String.fromCodePoint(parseInt(text, 16) + code - parseInt(from, 16)))
    return map
  }
  const fonts = new Map<string, Map<number, string>>()
  for (const { dict } of objects.values())
    for (const [, entries] of dict.matchAll(/\/Font\s*<<([^>]*)>>/g))
      for (const [, name, id] of entries.matchAll(/\/(\S+?)\s+(\d+) 0 R/g)) fonts.set(name, cmapOf(id))

  let text = ''
  for (const { stream } of objects.values()) {
    if (!/\bBT\b/.test(stream) || !stream.includes(' Tf')) continue
    let cmap = new Map<number, string>()
    const show = (hex: string): void => {
      for (const code of hex.match(/.{4}/g) ?? []) text += cmap.get(parseInt(code, 16)) ?? ''
    }
    for (const op of stream.matchAll(/\/(\S+) [\d.]+ Tf|\[([^\]]*)\]\s*TJ|<(\w*)>\s*Tj|\bET\b/g)) {
      if (op[1] !== undefined) cmap = fonts.get(op[1]) ?? new Map()
      else if (op[2] !== undefined) for (const [, hex] of op[2].matchAll(/<(\w+)>/g)) show(hex)
      else if (op[3] !== undefined) show(op[3])
      else text += '\n'
    }
  }
  return text
}
