/**
 * Bytes to text: UTF-8 (with or without BOM), UTF-16 LE/BE with BOM, else Windows-1252. A UTF-8
 * file with a few bytes that are not UTF-8 stays UTF-8: only those bytes are read as Windows-1252,
 * with a warning per line. Refuses what cannot be a profile document (too large, empty, binary)
 * with a message naming the file.
 */
import type { Diagnostic } from '../ipc/types'
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
 * Windows-1252. Node 20's TextDecoder('windows-1252') decodes 0x80–0x9F as ISO-8859-1 control
 * characters instead of ’ “ – € …, so those are mapped here after decoding (a runtime that does it
 * right leaves only the five unassigned bytes there, which map to themselves).
 */
function decodeWindows1252(bytes: Uint8Array): string {
  return newTextDecoder('windows-1252')
    .decode(bytes)
    .replace(/[\u0080-\u009f]/g, (c) => String.fromCharCode(CP1252_HIGH[c.charCodeAt(0) - 0x80]))
}

/** Lines named one by one in the warnings about stray bytes; the rest are counted. */
const MAX_REPAIR_LINES = 20
/** Characters quoted per line in such a warning. */
const MAX_REPAIR_CHARS = 5

/** The length of the valid UTF-8 sequence at `i` (WHATWG rules: no overlong forms, no surrogates), or 0. */
function utf8SequenceLength(bytes: Uint8Array, i: number): number {
  const b = bytes[i]
  const n = bytes.length
  if (b >= 0xc2 && b <= 0xdf) {
    return i + 1 < n && (bytes[i + 1] & 0xc0) === 0x80 ? 2 : 0
  }
  if (b >= 0xe0 && b <= 0xef) {
    if (i + 2 >= n) return 0
    const b1 = bytes[i + 1]
    const lo = b === 0xe0 ? 0xa0 : 0x80
    const hi = b === 0xed ? 0x9f : 0xbf
    return b1 >= lo && b1 <= hi && (bytes[i + 2] & 0xc0) === 0x80 ? 3 : 0
  }
  if (b >= 0xf0 && b <= 0xf4) {
    if (i + 3 >= n) return 0
    const b1 = bytes[i + 1]
    const lo = b === 0xf0 ? 0x90 : 0x80
    const hi = b === 0xf4 ? 0x8f : 0xbf
    return b1 >= lo && b1 <= hi && (bytes[i + 2] & 0xc0) === 0x80 && (bytes[i + 3] & 0xc0) === 0x80 ? 4 : 0
  }
  return 0
}

/** Whether the bytes hold at least one valid UTF-8 sequence of two to four bytes. */
function hasMultibyteUtf8(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] >= 0xc2 && utf8SequenceLength(bytes, i) > 0) return true
  }
  return false
}

interface Repaired {
  text: string
  /** Per line (1-based, counted as the parsers do: LF, CRLF or a lone CR), the stray bytes as read. */
  strays: Map<number, Strays>
}

/** The stray bytes of one line: how many, and the first few as read. */
interface Strays {
  count: number
  chars: string[]
}

/** UTF-8, except that each byte that starts no valid sequence is read as Windows-1252. */
function decodeUtf8Repairing(bytes: Uint8Array): Repaired {
  const utf8 = newTextDecoder('utf-8')
  const parts: string[] = []
  const strays = new Map<number, Strays>()
  // Lines are counted up to each stray byte only, resuming from the last one.
  let counted = 0
  let line = 1
  const lineAt = (offset: number): number => {
    for (; counted < offset; counted++) {
      const b = bytes[counted]
      if (b === 0x0a || (b === 0x0d && bytes[counted + 1] !== 0x0a)) line++
    }
    return line
  }
  let runStart = 0
  let i = 0
  const n = bytes.length
  while (i < n) {
    if (bytes[i] < 0x80) {
      i++
      continue
    }
    const length = utf8SequenceLength(bytes, i)
    if (length > 0) {
      i += length
      continue
    }
    parts.push(utf8.decode(bytes.subarray(runStart, i)))
    const b = bytes[i]
    const char = String.fromCharCode(b < 0xa0 ? CP1252_HIGH[b - 0x80] : b) // b >= 0x80 here
    parts.push(char)
    const at = lineAt(i)
    const entry = strays.get(at)
    if (!entry) strays.set(at, { count: 1, chars: [char] })
    else if (entry.count++ < MAX_REPAIR_CHARS) entry.chars.push(char)
    i++
    runStart = i
  }
  parts.push(utf8.decode(bytes.subarray(runStart)))
  return { text: parts.join(''), strays }
}

function strayWarnings(strays: Map<number, Strays>, fileName: string): Diagnostic[] {
  const warning = (line: number | null, message: string): Diagnostic => ({
    file: fileName,
    line,
    severity: 'warning',
    message
  })
  const out: Diagnostic[] = []
  for (const [line, { count, chars }] of strays) {
    if (out.length === MAX_REPAIR_LINES) break
    const quoted = chars.map((c) => `“${c}”`).join(', ')
    const shown = count > chars.length ? `${quoted} …` : quoted
    out.push(
      warning(
        line,
        count === 1
          ? `Line ${line} is not all UTF-8: 1 byte was read as Windows-1252 (${shown}); check this line.`
          : `Line ${line} is not all UTF-8: ${count} bytes were read as Windows-1252 (${shown}); check this line.`
      )
    )
  }
  const more = strays.size - out.length
  if (more > 0) {
    // Named after the first line not listed, so that it sorts after the listed ones.
    const from = [...strays.keys()][MAX_REPAIR_LINES]
    out.push(
      warning(
        from,
        more === 1
          ? `Line ${from} is not all UTF-8 either; its stray bytes were read as Windows-1252 too.`
          : `${more} more lines, from line ${from} on, are not all UTF-8; their stray bytes were read as Windows-1252 too.`
      )
    )
  }
  return out
}

function decodeWith(encoding: string, bytes: Uint8Array, fileName: string): string {
  try {
    return newTextDecoder(encoding, { fatal: true }).decode(bytes)
  } catch {
    throw new ImportError('unsupported', `${fileName} is not valid ${encoding.toUpperCase()} text.`)
  }
}

/**
 * Decodes a file's bytes: the byte-order mark decides (UTF-8, UTF-16 LE, UTF-16 BE). Without one,
 * valid UTF-8 is UTF-8; bytes that are not valid UTF-8 but hold at least one valid multi-byte
 * sequence are UTF-8 with stray bytes, each of which is read as Windows-1252 with a warning naming
 * its line (so is a file with a UTF-8 BOM); bytes with no valid multi-byte sequence are
 * Windows-1252. The BOM is not part of the result. Throws ImportError ('too-large', 'validation'
 * for an empty file, 'unsupported' for binary or undecodable content).
 */
export function decodeBytes(
  bytes: Uint8Array,
  fileName: string
): { text: string; diagnostics: Diagnostic[] } {
  if (bytes.byteLength > MAX_IMPORT_BYTES) {
    throw new ImportError(
      'too-large',
      `${fileName} is ${mb(bytes.byteLength)}; files over ${mb(MAX_IMPORT_BYTES)} cannot be imported.`
    )
  }
  let text: string
  let strays = new Map<number, Strays>()
  const [b0, b1, b2, b3] = bytes
  if (b0 === 0xff && b1 === 0xfe && b2 === 0 && b3 === 0 && bytes.byteLength >= 4) {
    throw new ImportError('unsupported', `${fileName} is UTF-32 text; save it as UTF-8 and import it again.`)
  } else if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) {
    ;({ text, strays } = decodeUtf8(bytes.subarray(3), true))
  } else if (b0 === 0xff && b1 === 0xfe) {
    text = decodeWith('utf-16le', bytes.subarray(2), fileName)
  } else if (b0 === 0xfe && b1 === 0xff) {
    text = decodeWith('utf-16be', bytes.subarray(2), fileName)
  } else {
    if (bytes.includes(0)) refuseBinary(fileName, 'it contains NUL bytes; UTF-16 needs a byte-order mark')
    ;({ text, strays } = decodeUtf8(bytes, false))
  }
  if (text.trim() === '') throw new ImportError('validation', `${fileName} is empty.`)
  checkControls(text, fileName)
  return { text, diagnostics: strayWarnings(strays, fileName) }
}

/**
 * UTF-8; bytes that are not valid UTF-8 are repaired (`strays` holds what was read as
 * Windows-1252, by line) when `declared` (a BOM) or a valid multi-byte sequence says the file is
 * UTF-8, else read wholly as Windows-1252.
 */
function decodeUtf8(bytes: Uint8Array, declared: boolean): { text: string; strays: Map<number, Strays> } {
  try {
    return { text: newTextDecoder('utf-8', { fatal: true }).decode(bytes), strays: new Map() }
  } catch {
    if (!declared && !hasMultibyteUtf8(bytes)) return { text: decodeWindows1252(bytes), strays: new Map() }
    return decodeUtf8Repairing(bytes)
  }
}

/** decodeBytes without the warnings about stray bytes: the text alone. */
export function decodeText(bytes: Uint8Array, fileName: string): string {
  return decodeBytes(bytes, fileName).text
}
