/**
 * Import on files: read and parse them (src/shared/formats), preview what an import would do, and
 * build the one `import.apply` command that applies it. Plain Node; no Electron.
 */
import { randomUUID } from 'node:crypto'
import { constants as fsConstants, promises as fs, type Stats } from 'node:fs'
import type { FileHandle } from 'node:fs/promises'
import { basename } from 'node:path'
import type { Command, ImportMode } from '../../shared/commands/schema'
import {
  ImportError,
  MAX_IMPORT_BYTES,
  parseProfileBytes,
  type ParseOptions,
  type ParsedFile
} from '../../shared/formats'
import type {
  Diagnostic,
  DuplicateGroup,
  ImportCategoryPreview,
  ImportFileSummary,
  ImportPreview
} from '../../shared/ipc/types'
import { INBOX_NAME } from '../../shared/model/defaults'
import type { Capability, Card, Category, Source, Workspace } from '../../shared/model/schema'
import { AppFailure, type AppError } from '../../shared/result'
import { normalizeTitle } from '../../shared/text/normalize'
import { describeFsError } from './fs-port'

export type FileOutcome = { ok: true; parsed: ParsedFile } | { ok: false; fileName: string; error: AppError }

function failure(fileName: string, error: unknown): FileOutcome {
  if (error instanceof AppFailure) {
    return {
      ok: false,
      fileName,
      error: error.details
        ? { code: error.code, message: error.message, details: error.details }
        : { code: error.code, message: error.message }
    }
  }
  return {
    ok: false,
    fileName,
    error: {
      code: 'internal',
      message: `${fileName} could not be read: ${error instanceof Error ? error.message : String(error)}`
    }
  }
}

/** Parses one file's bytes in this thread: parseProfileBytes, its ImportError as the file's failure. Never throws. */
export function parseOutcome(data: Uint8Array, fileName: string, options: ParseOptions = {}): FileOutcome {
  try {
    return { ok: true, parsed: parseProfileBytes(data, fileName, options) }
  } catch (error) {
    return failure(fileName, error)
  }
}

/** How a file's bytes become its outcome: parseOutcome here (the CLI), or in a worker (the app, parse-worker.ts). */
export type ParseFile = (data: Uint8Array, fileName: string) => FileOutcome | Promise<FileOutcome>

/** Parses files already in memory (dropped or picked in the renderer). Never throws. */
export function parseProfileBuffers(files: { name: string; data: Uint8Array }[]): FileOutcome[] {
  return files.map(({ name, data }) => parseOutcome(data, name))
}

/** What a path that is not a regular file is, in words. */
function kindOf(stat: Stats): string {
  if (stat.isFIFO()) return 'a named pipe'
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return 'a device'
  if (stat.isSocket()) return 'a socket'
  return 'not a file'
}

/** Why a path cannot be read as an import, or null when it is a regular file. */
function notAFile(fileName: string, stat: Stats): FileOutcome | null {
  if (stat.isFile()) return null
  const message = stat.isDirectory()
    ? `${fileName} is a folder, not a file.`
    : `${fileName} is not a regular file (it is ${kindOf(stat)}); only files can be imported.`
  return { ok: false, fileName, error: { code: 'io', message } }
}

const CHUNK_BYTES = 1024 * 1024

/**
 * Reads at most `limit` bytes from an open file, whatever its size claims to be; returns fewer
 * when the file ends first.
 */
async function readAtMost(handle: FileHandle, limit: number): Promise<Uint8Array> {
  const chunks: Uint8Array[] = []
  let total = 0
  while (total < limit) {
    const chunk = new Uint8Array(Math.min(CHUNK_BYTES, limit - total))
    const { bytesRead } = await handle.read(chunk, 0, chunk.byteLength, null)
    if (bytesRead === 0) break
    chunks.push(chunk.subarray(0, bytesRead))
    total += bytesRead
  }
  return chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, total)
}

/**
 * Reads and parses files from disk. A missing or unreadable file becomes an `io` failure naming
 * it; so does anything that is not a regular file (a folder, a named pipe, a device), refused
 * before it is read. A file is read through a byte limit, not trusting its size: over
 * MAX_IMPORT_BYTES it is refused as too large. `parse` reads the bytes (in this thread unless
 * the caller passes a worker's). Never throws.
 */
export async function readProfileFiles(
  paths: string[],
  parse: ParseFile = parseOutcome
): Promise<FileOutcome[]> {
  return Promise.all(
    paths.map(async (path): Promise<FileOutcome> => {
      const fileName = basename(path)
      let data: Uint8Array
      let handle: FileHandle | undefined
      try {
        // stat does not open the path, so a named pipe cannot block here.
        const refused = notAFile(fileName, await fs.stat(path))
        if (refused) return refused
        // O_NONBLOCK: should the path become a named pipe before the open, the open does not wait.
        handle = await fs.open(path, fsConstants.O_RDONLY | (fsConstants.O_NONBLOCK ?? 0))
        const stat = await handle.stat()
        const swapped = notAFile(fileName, stat)
        if (swapped) return swapped
        if (stat.size > MAX_IMPORT_BYTES) {
          // Let decodeText word the refusal, without reading 50 MB first.
          return failure(fileName, new ImportError('too-large', tooLargeMessage(fileName, stat.size)))
        }
        data = await readAtMost(handle, MAX_IMPORT_BYTES + 1)
        if (data.byteLength > MAX_IMPORT_BYTES) {
          // A size that lied (it grew, or the system reports none): say only that it is over the limit.
          const limit = `${MAX_IMPORT_BYTES / 1024 / 1024} MB`
          const message = `${fileName} is over ${limit}; files over ${limit} cannot be imported.`
          return failure(fileName, new ImportError('too-large', message))
        }
      } catch (error) {
        return {
          ok: false,
          fileName,
          error: { code: 'io', message: `${fileName} could not be read: ${describeFsError(error)}.` }
        }
      } finally {
        await handle?.close().catch(() => undefined)
      }
      return parse(data, fileName)
    })
  )
}

const tooLargeMessage = (fileName: string, bytes: number): string =>
  `${fileName} is ${(bytes / 1024 / 1024).toFixed(1)} MB; files over ${MAX_IMPORT_BYTES / 1024 / 1024} MB cannot be imported.`

/**
 * Why a parsed file is refused, or null: one that yielded nothing and reported an error (a JSON
 * of a newer version, with schema or syntax errors, nested too deep) counts as unreadable.
 */
function fatalError(parsed: ParsedFile): string | null {
  const empty = parsed.categories.length + parsed.cards.length + parsed.capabilities.length === 0
  const error = parsed.diagnostics.find((d) => d.severity === 'error')
  return empty && error ? error.message : null
}

/** Whether nothing can be taken from this file: it could not be read, or its content was refused. */
export const isRefused = (outcome: FileOutcome): boolean => !outcome.ok || fatalError(outcome.parsed) !== null

/** The name of a file, read or not. */
export const outcomeFileName = (outcome: FileOutcome): string =>
  outcome.ok ? outcome.parsed.fileName : outcome.fileName

function summarise(outcome: FileOutcome): ImportFileSummary {
  if (!outcome.ok) {
    return {
      file: outcome.fileName,
      format: 'unknown',
      categories: 0,
      roles: 0,
      personas: 0,
      needs: 0,
      capabilities: 0,
      error: outcome.error.message
    }
  }
  const { parsed } = outcome
  return {
    file: parsed.fileName,
    format: parsed.format,
    categories: parsed.categories.length,
    roles: parsed.cards.filter((c) => c.kind === 'role').length,
    personas: parsed.cards.filter((c) => c.kind === 'persona').length,
    needs: parsed.cards.reduce((n, c) => n + (c.kind === 'persona' ? c.needs.length : 0), 0),
    capabilities: parsed.capabilities.length,
    error: fatalError(parsed)
  }
}

/** How many titles the preview lists per category: enough to recognise the file, bounded for huge ones. */
export const PREVIEW_TITLES = 20

const cardKey = (card: Card): string => `${card.kind}:${normalizeTitle(card.title)}`

/**
 * What an import would do: counts per file, cards per category with their first titles (categories
 * of the same name in several files are counted together), every diagnostic, and duplicates by normalised title
 * within the files and against the workspace. `canApply` is false when no file could be read.
 */
export function buildImportPreview(
  outcomes: FileOutcome[],
  workspace: Workspace
): Omit<ImportPreview, 'token'> {
  const files = outcomes.map(summarise)
  const readable = outcomes.filter(
    (o): o is { ok: true; parsed: ParsedFile } => o.ok && fatalError(o.parsed) === null
  )
  const diagnostics: Diagnostic[] = outcomes.flatMap((o) => (o.ok ? o.parsed.diagnostics : []))

  const byCategory = new Map<string, ImportCategoryPreview>()
  const incoming: { card: Card; category: string | null }[] = []
  for (const { parsed } of readable) {
    const names = new Map(parsed.categories.map((c) => [c.id, c.name]))
    for (const category of [...parsed.categories].sort((a, b) => a.order - b.order)) {
      const key = normalizeTitle(category.name)
      if (!byCategory.has(key)) byCategory.set(key, { category: category.name, cards: 0, titles: [] })
    }
    for (const card of parsed.cards) {
      const name = card.categoryId === null ? null : (names.get(card.categoryId) ?? null)
      incoming.push({ card, category: name })
      const key = name === null ? `\u0000${INBOX_NAME}` : normalizeTitle(name)
      const entry = byCategory.get(key) ?? { category: name ?? INBOX_NAME, cards: 0, titles: [] }
      entry.cards++
      if (entry.titles.length < PREVIEW_TITLES) entry.titles.push(card.title)
      byCategory.set(key, entry)
    }
  }

  const groups = new Map<string, DuplicateGroup['entries']>()
  for (const { card, category } of incoming) {
    const key = cardKey(card)
    const entry = { title: card.title, where: 'file' as const, category }
    const group = groups.get(key)
    if (group) group.push(entry)
    else groups.set(key, [entry])
  }
  const duplicatesWithin: DuplicateGroup[] = [...groups.values()]
    .filter((entries) => entries.length > 1)
    .map((entries) => ({ title: entries[0].title, entries }))

  const workspaceNames = new Map(workspace.categories.map((c) => [c.id, c.name]))
  const existing = new Map<string, DuplicateGroup['entries']>()
  for (const card of workspace.cards) {
    const key = cardKey(card)
    if (!groups.has(key)) continue
    const category = card.categoryId === null ? null : (workspaceNames.get(card.categoryId) ?? null)
    const entry = { title: card.title, where: 'workspace' as const, category }
    const group = existing.get(key)
    if (group) group.push(entry)
    else existing.set(key, [entry])
  }
  const duplicatesAgainstWorkspace: DuplicateGroup[] = [...existing].map(([key, entries]) => ({
    title: entries[0].title,
    entries: [...entries, ...(groups.get(key) ?? [])]
  }))

  return {
    files,
    byCategory: [...byCategory.values()],
    diagnostics,
    duplicatesWithin,
    duplicatesAgainstWorkspace,
    canApply: readable.length > 0
  }
}

/** Capabilities a needs CSV invents know nothing; one from a capabilities CSV or a workspace wins over them. */
const knowsState = (format: ParsedFile['format']): boolean => format !== 'csv-needs'

/**
 * One `import.apply` command for every readable file: one source per file (front matter kept as
 * its metadata). Categories and capabilities of the same normalised name in several files become
 * one; ids that two files share are made distinct; each card's order is its position in the
 * combined column (file by file, in document order).
 */
export function importCommand(outcomes: FileOutcome[], mode: ImportMode, now: string): Command {
  const categories: Category[] = []
  const capabilities: Capability[] = []
  const cards: Card[] = []
  const sources: Source[] = []
  const categoryByName = new Map<string, Category>()
  const capabilityByName = new Map<string, { capability: Capability; known: boolean }>()
  const taken = new Set<string>()
  const fresh = (id: string): string => {
    const unique = taken.has(id) ? randomUUID() : id
    taken.add(unique)
    return unique
  }
  const columnSizes = new Map<string | null, number>()

  for (const outcome of outcomes) {
    if (!outcome.ok || fatalError(outcome.parsed) !== null) continue
    const { parsed } = outcome
    const categoryIds = new Map<string, string>()
    for (const category of [...parsed.categories].sort((a, b) => a.order - b.order)) {
      const key = normalizeTitle(category.name)
      const same = categoryByName.get(key)
      if (same) {
        categoryIds.set(category.id, same.id)
        if (same.description === '' && category.description !== '') same.description = category.description
        continue
      }
      const copy = { ...category, id: fresh(category.id), order: categories.length }
      categoryIds.set(category.id, copy.id)
      categoryByName.set(key, copy)
      categories.push(copy)
    }
    const capabilityIds = new Map<string, string>()
    const known = knowsState(parsed.format)
    for (const capability of parsed.capabilities) {
      const key = normalizeTitle(capability.name)
      const same = capabilityByName.get(key)
      if (same) {
        capabilityIds.set(capability.id, same.capability.id)
        if (known && !same.known) {
          Object.assign(same.capability, { ...capability, id: same.capability.id })
          same.known = true
        }
        continue
      }
      const copy = { ...capability, id: fresh(capability.id) }
      capabilityIds.set(capability.id, copy.id)
      capabilityByName.set(key, { capability: copy, known })
      capabilities.push(copy)
    }
    const cardIds = new Map<string, string>()
    for (const card of parsed.cards) cardIds.set(card.id, fresh(card.id))
    const ordered = [...parsed.cards].sort((a, b) => a.order - b.order)
    for (const card of ordered) {
      const categoryId = card.categoryId === null ? null : (categoryIds.get(card.categoryId) ?? null)
      const order = columnSizes.get(categoryId) ?? 0
      columnSizes.set(categoryId, order + 1)
      const id = cardIds.get(card.id) ?? card.id
      if (card.kind === 'role') {
        cards.push({ ...card, id, categoryId, order })
      } else {
        cards.push({
          ...card,
          id,
          categoryId,
          order,
          linkedRoleIds: card.linkedRoleIds.map((r) => cardIds.get(r) ?? r),
          needs: card.needs.map((need) => ({
            ...need,
            capabilityIds: need.capabilityIds.map((c) => capabilityIds.get(c) ?? c)
          }))
        })
      }
    }
    sources.push({
      id: randomUUID(),
      fileName: parsed.fileName,
      format: parsed.format,
      importedAt: now,
      metadata: parsed.metadata
    })
  }
  const read = outcomes.flatMap((o) => (o.ok && fatalError(o.parsed) === null ? [o.parsed] : []))
  const title = read.find((p) => p.title !== null)?.title ?? null
  const description = [...new Set(read.map((p) => p.description.trim()).filter((d) => d !== ''))].join('\n\n')
  return { type: 'import.apply', mode, categories, cards, capabilities, sources, title, description }
}
