/**
 * Bytes to text: UTF-8 (with or without BOM), UTF-16 LE/BE with BOM, else Windows-1252. Refuses
 * what cannot be a profile document (too large, empty, binary) with a message naming the file.
 */
import { ImportError, MAX_IMPORT_BYTES } from './errors'
import { newTextDecoder } from './platform'

const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`

/** Control characters other than tab, line feed, form feed and carriage return. */
function isControl(code: number): boolean {
  return (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0c && code !== 0x0d) || code === 0x7f
}

function refuseBinary(fileName: string, why: string): never {
  throw new ImportError(
    'unsupported',
    `${fileName} looks like a binary file (${why}), not a Markdown, CSV or JSON document.`
  )
}

/** Refuses text of which more than a tenth (in its first 64 KB) is control characters. */
function checkControls(text: string, fileName: string): void {
  const sample = Math.min(text.length, 65536)
  let controls = 0
  for (let i = 0; i < sample; i++) {
    const code = text.charCodeAt(i)
    if (code === 0) refuseBinary(fileName, 'it contains NUL characters')
    if (isControl(code)) controls++
  }
  if (sample > 0 && controls / sample > 0.1) refuseBinary(fileName, 'it is mostly control characters')
  if (text.length > sample && text.includes('\u0000', sample)) {
    refuseBinary(fileName, 'it contains NUL characters')
  }
}

/** Windows-1252 bytes 0x80–0x9F (the rest is ISO-8859-1); five unassigned bytes keep their C1 code. */
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d,
  0x17d, 0x8f, 0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a,
  0x153, 0x9d, 0x17e, 0x178
]

/**
 * Windows-1252, decoded here rather than by TextDecoder: Node 20's TextDecoder('windows-1252')
 * decodes 0x80–0x9F as ISO-8859-1 control characters instead of ’ “ – € ….
 */
function decodeWindows1252(bytes: Uint8Array): string {
  const parts: string[] = []
  const size = 8192
  for (let start = 0; start < bytes.length; start += size) {
    const codes = Array.from(bytes.subarray(start, start + size), (b) =>
      b >= 0x80 && b < 0xa0 ? CP1252_HIGH[b - 0x80] : b
    )
    parts.push(String.fromCharCode(...codes))
  }
  return parts.join('')
}

function decodeWith(encoding: string, bytes: Uint8Array, fileName: string): string {
  try {
    return newTextDecoder(encoding, { fatal: true }).decode(bytes)
  } catch {
    throw new ImportError('unsupported', `${fileName} is not valid ${encoding.toUpperCase()} text.`)
  }
}

/**
 * Decodes a file's bytes: the byte-order mark decides (UTF-8, UTF-16 LE, UTF-16 BE); without one,
 * UTF-8 if the bytes are valid UTF-8, else Windows-1252. The BOM is not part of the result.
 * Throws ImportError ('too-large', 'validation' for an empty file, 'unsupported' for binary or
 * undecodable content).
 */
export function decodeText(bytes: Uint8Array, fileName: string): string {
  if (bytes.byteLength > MAX_IMPORT_BYTES) {
    throw new ImportError(
      'too-large',
      `${fileName} is ${mb(bytes.byteLength)}; files over ${mb(MAX_IMPORT_BYTES)} cannot be imported.`
    )
  }
  let text: string
  const [b0, b1, b2, b3] = bytes
  if (b0 === 0xff && b1 === 0xfe && b2 === 0 && b3 === 0 && bytes.byteLength >= 4) {
    throw new ImportError('unsupported', `${fileName} is UTF-32 text; save it as UTF-8 and import it again.`)
  } else if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) {
    text = decodeWith('utf-8', bytes.subarray(3), fileName)
  } else if (b0 === 0xff && b1 === 0xfe) {
    text = decodeWith('utf-16le', bytes.subarray(2), fileName)
  } else if (b0 === 0xfe && b1 === 0xff) {
    text = decodeWith('utf-16be', bytes.subarray(2), fileName)
  } else {
    if (bytes.includes(0)) refuseBinary(fileName, 'it contains NUL bytes; UTF-16 needs a byte-order mark')
    try {
      text = newTextDecoder('utf-8', { fatal: true }).decode(bytes)
    } catch {
      text = decodeWindows1252(bytes)
    }
  }
  if (text.trim() === '') throw new ImportError('validation', `${fileName} is empty.`)
  checkControls(text, fileName)
  return text
}
