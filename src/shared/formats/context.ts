import type { Diagnostic } from '../ipc/types'
import { MAX_LIST_DEPTH, type ListItem } from '../model/schema'
import { randomId } from './platform'

/** Lists nest at most this deep in an imported card (deeper items join the deepest level). */
export { MAX_LIST_DEPTH }
/** A file reports at most this many diagnostics, then one line that says how many more there were. */
const MAX_DIAGNOSTICS = 500

/** What every importer carries while it reads one file: its name, id maker and diagnostics. */
export class ParseContext {
  readonly diagnostics: Diagnostic[] = []
  private hidden = 0

  constructor(
    readonly fileName: string,
    readonly newId: () => string = randomId
  ) {}

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

/**
 * Caps the nesting of a list at `maxDepth` levels: whatever hangs below an item of the deepest
 * level joins that level, after it, in document order. Returns whether anything was moved.
 */
export function capListDepth(
  items: ListItem[],
  maxDepth = MAX_LIST_DEPTH
): { items: ListItem[]; capped: boolean } {
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
