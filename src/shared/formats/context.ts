import type { Diagnostic } from '../ipc/types'
import { MAX_LIST_DEPTH, type ListItem } from '../model/schema'
import { randomId } from './platform'

/** Lists nest at most this deep in an imported card (deeper items join the deepest level). */
export { MAX_LIST_DEPTH }
/** A file reports at most this many diagnostics, then one line that says how many more there were. */
const MAX_DIAGNOSTICS = 500

/**
 * What one imported file may create, counted while it is read: a file past a limit stops there and
 * is refused (docs/FORMATS.md, "Limits"). Five times the 10,000-card scale the app is built for.
 */
export const IMPORT_LIMITS = {
  cards: 50_000,
  categories: 10_000,
  capabilities: 50_000,
  /** Needs, goals, habits, problems, qualifications and their sub-items, together. */
  items: 200_000,
  /** CSV records, the header included. */
  rows: 250_000,
  /** Markdown headings and <details>, <summary> and </details> lines. */
  sections: 200_000
} as const

export type LimitKind = keyof typeof IMPORT_LIMITS

/** The refusal of a file past one of its limits, as a whole sentence. */
export function limitMessage(fileName: string, kind: LimitKind, limit: number): string {
  const n = limit.toLocaleString('en-US')
  switch (kind) {
    case 'cards':
      return `${fileName} has more than ${n} cards; one file may hold at most ${n}. Split the file.`
    case 'categories':
      return `${fileName} has more than ${n} categories; one file may hold at most ${n}. Split the file.`
    case 'capabilities':
      return `${fileName} has more than ${n} capabilities; one file may hold at most ${n}. Split the file.`
    case 'items':
      return `${fileName} has more than ${n} needs and list items; one file may hold at most ${n}. Split the file.`
    case 'rows':
      return `${fileName} has more than ${n} rows; one file may hold at most ${n}. Split the file.`
    case 'sections':
      return `${fileName} has more than ${n} headings and <details> lines; one file may hold at most ${n}. Split the file.`
  }
}

/** Thrown by ParseContext.created when a file passes a limit; parseProfileText turns it into a refusal. */
export class ImportLimitReached extends Error {
  constructor(
    readonly kind: LimitKind,
    readonly limit: number,
    readonly line: number | null,
    message: string
  ) {
    super(message)
    this.name = 'ImportLimitReached'
  }
}

export interface ParseContextOptions {
  /** Limits to enforce; none when left out (the store reads its own workspace without them). */
  limits?: Readonly<Record<LimitKind, number>>
  /** Called as reading advances: a fraction from 0 to 1 of the text, and the cards made so far. */
  onProgress?: (fraction: number, cards: number) => void
}

/** What every importer carries while it reads one file: its name, id maker, counters and diagnostics. */
export class ParseContext {
  readonly diagnostics: Diagnostic[] = []
  /** What the parsers made so far, counted through created(). */
  readonly counts: Record<LimitKind, number> = {
    cards: 0,
    categories: 0,
    capabilities: 0,
    items: 0,
    rows: 0,
    sections: 0
  }
  private hidden = 0
  private lastProgress = -1

  constructor(
    readonly fileName: string,
    readonly newId: () => string = randomId,
    private readonly options: ParseContextOptions = {}
  ) {}

  /**
   * Counts what a parser made (`count` of `kind`, at `line`); past the file's limit, throws
   * ImportLimitReached so the parse stops there.
   */
  created(kind: LimitKind, line: number | null = null, count = 1): void {
    const limit = this.options.limits?.[kind]
    if (limit !== undefined && this.counts[kind] + count > limit) {
      throw new ImportLimitReached(kind, limit, line, limitMessage(this.fileName, kind, limit))
    }
    this.counts[kind] += count
  }

  /** Reports how far reading got (0 to 1), at most once per percent. */
  progress(fraction: number): void {
    const onProgress = this.options.onProgress
    if (onProgress === undefined) return
    const clamped = Math.min(1, Math.max(0, fraction))
    if (clamped < 1 && clamped - this.lastProgress < 0.01) return
    this.lastProgress = clamped
    onProgress(clamped, this.counts.cards)
  }

  /** Keeps the refusal whatever the cap on diagnostics: it must reach the user. */
  refuse(line: number | null, message: string): void {
    this.diagnostics.push({ file: this.fileName, line, severity: 'error', message })
  }

  report(severity: Diagnostic['severity'], line: number | null, message: string): void {
    if (this.diagnostics.length < MAX_DIAGNOSTICS) {
      // One line each: `validate` prints them as file:line: severity: message.
      this.diagnostics.push({
        file: this.fileName,
        line,
        severity,
        message: message.replace(/\s*[\r\n]+\s*/g, ' ')
      })
    } else {
      this.hidden++
    }
  }

  error(line: number | null, message: string): void {
    this.report('error', line, message)
  }

  warn(line: number | null, message: string): void {
    this.report('warning', line, message)
  }

  info(line: number | null, message: string): void {
    this.report('info', line, message)
  }

  /** The diagnostics in line order (sortDiagnostics), with a closing note when some were not kept. */
  finish(): Diagnostic[] {
    const sorted = sortDiagnostics(this.diagnostics)
    if (this.hidden === 0) return sorted
    return [
      ...sorted,
      {
        file: this.fileName,
        line: null,
        severity: 'info',
        message: `${this.hidden} more diagnostics were not listed.`
      }
    ]
  }
}

/**
 * Diagnostics in line order: those about the whole file (no line) first, then by line; the order
 * they were reported in is kept among equals. A closing "more diagnostics" note stays last.
 */
export function sortDiagnostics(diagnostics: Diagnostic[]): Diagnostic[] {
  const rank = (d: Diagnostic): number => d.line ?? 0
  return diagnostics
    .map((d, i) => ({ d, i }))
    .sort((a, b) => rank(a.d) - rank(b.d) || a.i - b.i)
    .map(({ d }) => d)
}

/** Lines in a text: 0 for empty text, and a final line break does not start a new line. */
export function countLines(text: string): number {
  if (text === '') return 0
  let lines = 1
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lines++
  return text.endsWith('\n') ? lines - 1 : lines
}

/** Whether any item of the list sits more than `maxDepth` levels deep (iterative). */
function deeperThan(items: ListItem[], maxDepth: number): boolean {
  const stack: [ListItem[], number][] = [[items, 1]]
  while (stack.length > 0) {
    const [list, level] = stack.pop() as [ListItem[], number] // non-empty by the loop condition
    if (list.length > 0 && level > maxDepth) return true
    for (const item of list) if (item.children.length > 0) stack.push([item.children, level + 1])
  }
  return false
}

/**
 * Caps the nesting of a list at `maxDepth` levels: whatever hangs below an item of the deepest
 * level joins that level, after it, in document order. Returns whether anything was moved.
 */
export function capListDepth(
  items: ListItem[],
  maxDepth = MAX_LIST_DEPTH
): { items: ListItem[]; capped: boolean } {
  // Most lists are shallow: they come back as they are, without a copy.
  if (!deeperThan(items, maxDepth)) return { items, capped: false }
  let capped = false
  const flatten = (children: ListItem[]): ListItem[] => {
    const out: ListItem[] = []
    const stack = [...children].reverse()
    while (stack.length > 0) {
      const item = stack.pop() as ListItem // the loop condition guarantees an element
      out.push({ id: item.id, text: item.text, children: [] })
      if (item.children.length > 0) capped = true
      for (let i = item.children.length - 1; i >= 0; i--) stack.push(item.children[i])
    }
    return out
  }
  const visit = (list: ListItem[], level: number): ListItem[] =>
    list.map((item) => ({
      id: item.id,
      text: item.text,
      children: level + 1 >= maxDepth ? flatten(item.children) : visit(item.children, level + 1)
    }))
  const result = visit(items, 1)
  return { items: result, capped }
}
