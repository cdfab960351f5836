/**
 * Title normalisation for duplicate detection: case, spacing, punctuation, HTML entities and
 * Markdown link syntax never make two titles different.
 */
const NAMED_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' '
}

/** Replaces HTML character references (`&#x20;`, `&#39;`, `&amp;`) with their characters. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, body: string) => {
    if (body[0] === '#') {
      const code =
        body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10)
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole
    }
    return NAMED_ENTITIES[body.toLowerCase()] ?? whole
  })
}

/** White space other than a single space: what collapseSpaces has to replace. */
const UNUSUAL_SPACE = /[^\S ]| {2}/

/** Collapses runs of white space (including no-break spaces) to one space and trims. */
export function collapseSpaces(text: string): string {
  // Testing first is several times faster than replacing when there is nothing to replace (most text).
  return UNUSUAL_SPACE.test(text) ? text.replace(/\s+/g, ' ').trim() : text.trim()
}

export function normalizeTitle(title: string): string {
  return collapseSpaces(
    decodeEntities(title)
      .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
  )
}
