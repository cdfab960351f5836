/** The import service (src/main/services/import-service.ts) over real temporary files. */
import { execFileSync } from 'node:child_process'
import { closeSync, constants, existsSync, openSync } from 'node:fs'
import { mkdir, mkdtemp, rm, truncate, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  PREVIEW_TITLES,
  buildImportPreview,
  importCommand,
  parseProfileBuffers,
  readProfileFiles,
  type FileOutcome
} from '../../../../src/main/services/import-service'
import { applyCommand } from '../../../../src/shared/commands/apply'
import { MAX_IMPORT_BYTES, serialize } from '../../../../src/shared/formats'
import { emptyWorkspace, newCapability, newCategory, newRole } from '../../../../src/shared/model/defaults'
import type { PersonaCard, Workspace } from '../../../../src/shared/model/schema'
import { identicalTitles } from './import-fixtures'
import { FIXED_TIME, FIXTURES, PERSONAS, TAXONOMY, readFixture } from '../../shared/formats/helpers'

let dir: string
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pp-formats-'))
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

const ok = (outcome: FileOutcome): Extract<FileOutcome, { ok: true }> => {
  if (!outcome.ok) throw new Error(`${outcome.fileName}: ${outcome.error.message}`)
  return outcome
}
const apply = (
  ws: Workspace,
  outcomes: FileOutcome[],
  mode: 'add' | 'merge' | 'replace' = 'add'
): Workspace => applyCommand(ws, importCommand(outcomes, mode, FIXED_TIME), FIXED_TIME).next

describe('readProfileFiles', () => {
  it('reads and parses each file, named by its base name', async () => {
    const outcomes = await readProfileFiles([join(FIXTURES, TAXONOMY), join(FIXTURES, PERSONAS)])
    expect(outcomes.map((o) => ok(o).parsed.fileName)).toEqual([TAXONOMY, PERSONAS])
    expect(outcomes.map((o) => ok(o).parsed.format)).toEqual(['md-taxonomy', 'md-personas'])
  })

  it('turns a missing file, a folder, a binary, an empty and a too-large file into failures naming the file', async () => {
    const big = join(dir, 'big.csv')
    await writeFile(big, '')
    await truncate(big, MAX_IMPORT_BYTES + 1)
    await writeFile(join(dir, 'photo.md'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0, 1, 2, 3]))
    await writeFile(join(dir, 'empty.md'), '')
    await mkdir(join(dir, 'folder.md'))
    const outcomes = await readProfileFiles(
      ['missing.md', 'folder.md', 'photo.md', 'empty.md', 'big.csv'].map((f) => join(dir, f))
    )
    expect(outcomes.map((o) => (o.ok ? 'ok' : [o.fileName, o.error.code]))).toEqual([
      ['missing.md', 'io'],
      ['folder.md', 'io'],
      ['photo.md', 'unsupported'],
      ['empty.md', 'validation'],
      ['big.csv', 'too-large']
    ])
    for (const outcome of outcomes) {
      if (!outcome.ok) expect(outcome.error.message).toContain(outcome.fileName)
    }
    expect(outcomes[0].ok || outcomes[0].error.message).toBe(
      'missing.md could not be read: the file or folder does not exist (ENOENT).'
    )
  })

  it('refuses a named pipe without waiting for a writer, naming the file', async (ctx) => {
    if (process.platform === 'win32') ctx.skip('mkfifo: named pipes are not files on Windows')
    const fifo = join(dir, 'pipe.md')
    execFileSync('mkfifo', [fifo])
    try {
      const [outcome] = await readProfileFiles([fifo])
      expect(outcome.ok || [outcome.error.code, outcome.error.message]).toEqual([
        'io',
        'pipe.md is not a regular file (it is a named pipe); only files can be imported.'
      ])
    } finally {
      // Unblock a reader left waiting for a writer, so a failing run still ends.
      try {
        closeSync(openSync(fifo, constants.O_WRONLY | constants.O_NONBLOCK))
      } catch {
        // no reader waiting
      }
    }
  })

  it('refuses a device such as /dev/zero, whose size reads as 0, without reading it', async (ctx) => {
    if (!existsSync('/dev/zero')) ctx.skip('this system has no /dev/zero')
    const [outcome] = await readProfileFiles(['/dev/zero'])
    expect(outcome.ok || [outcome.error.code, outcome.error.message]).toEqual([
      'io',
      'zero is not a regular file (it is a device); only files can be imported.'
    ])
  })

  it('refuses a folder and a sparse file one byte over the limit, each by name', async () => {
    await mkdir(join(dir, 'notes.csv'))
    const sparse = join(dir, 'sparse.md')
    await writeFile(sparse, '')
    await truncate(sparse, MAX_IMPORT_BYTES + 1)
    const outcomes = await readProfileFiles([join(dir, 'notes.csv'), sparse])
    expect(outcomes.map((o) => o.ok || [o.error.code, o.error.message])).toEqual([
      ['io', 'notes.csv is a folder, not a file.'],
      ['too-large', 'sparse.md is 50.0 MB; files over 50 MB cannot be imported.']
    ])
  })

  it('parseProfileBuffers does the same for bytes in memory', () => {
    const outcomes = parseProfileBuffers([
      { name: 'a.md', data: new TextEncoder().encode(readFixture(PERSONAS)) },
      { name: 'b.md', data: new Uint8Array(0) }
    ])
    expect(ok(outcomes[0]).parsed.cards).toHaveLength(6)
    expect(outcomes[1]).toEqual({
      ok: false,
      fileName: 'b.md',
      error: { code: 'validation', message: 'b.md is empty.' }
    })
  })
})

describe('buildImportPreview', () => {
  it('counts per file and per category, and finds duplicates within the files and against the workspace', async () => {
    const outcomes = await readProfileFiles([
      join(FIXTURES, TAXONOMY),
      join(FIXTURES, PERSONAS),
      join(dir, 'missing.csv')
    ])
    const ws = emptyWorkspace(FIXED_TIME)
    ws.categories.push(newCategory({ id: 'k', name: 'Learning and development' }))
    ws.cards.push(
      newRole({ id: 'r', title: 'data analyst', categoryId: 'k' }),
      newRole({ id: 's', title: 'Donor liaison' })
    )
    const preview = buildImportPreview(outcomes, ws)
    expect(preview.files).toEqual([
      {
        file: TAXONOMY,
        format: 'md-taxonomy',
        categories: 7,
        roles: 28,
        personas: 0,
        needs: 0,
        capabilities: 0,
        error: null
      },
      {
        file: PERSONAS,
        format: 'md-personas',
        categories: 5,
        roles: 0,
        personas: 6,
        needs: 9,
        capabilities: 0,
        error: null
      },
      {
        file: 'missing.csv',
        format: 'unknown',
        categories: 0,
        roles: 0,
        personas: 0,
        needs: 0,
        capabilities: 0,
        error: expect.stringContaining('missing.csv')
      }
    ])
    expect(preview.byCategory.slice(0, 3).map(({ category, cards }) => ({ category, cards }))).toEqual([
      { category: 'Decision makers', cards: 3 },
      { category: 'Senior leadership', cards: 4 },
      { category: 'Delivery management', cards: 6 }
    ])
    expect(preview.byCategory).toHaveLength(12)
    // Each category lists the titles it will add (all of them here: none has more than 20).
    for (const c of preview.byCategory) expect(c.titles).toHaveLength(c.cards)
    expect(preview.duplicatesWithin.map((d) => [d.title, d.entries.length])).toEqual([
      ['Deputy minister', 2],
      ['Programme manager', 3]
    ])
    expect(preview.duplicatesWithin[1].entries.map((e) => e.category)).toEqual([
      'Senior leadership',
      'Delivery management',
      'Delivery management'
    ])
    expect(preview.duplicatesAgainstWorkspace).toEqual([
      {
        title: 'data analyst',
        entries: [
          { title: 'data analyst', where: 'workspace', category: 'Learning and development' },
          { title: 'Data analyst', where: 'file', category: 'Technical staff' }
        ]
      },
      {
        title: 'Donor liaison',
        entries: [
          { title: 'Donor liaison', where: 'workspace', category: null },
          { title: 'Donor liaison', where: 'file', category: 'Decision makers' }
        ]
      }
    ])
    expect(preview.diagnostics).toEqual([])
    expect(preview.canApply).toBe(true)
  })

  it('groups many identical titles into one group holding every entry, in file order', () => {
    const preview = buildImportPreview(identicalTitles(3000), emptyWorkspace(FIXED_TIME))
    expect(preview.duplicatesWithin).toHaveLength(1)
    const [group] = preview.duplicatesWithin
    expect(group.title).toBe('Data officer')
    expect(group.entries).toHaveLength(3000)
    expect(group.entries.slice(0, 4)).toEqual([
      { title: 'Data officer', where: 'file', category: 'Staff' },
      { title: 'data officer', where: 'file', category: 'Partners' },
      { title: 'DATA  Officer', where: 'file', category: 'Staff' },
      { title: 'Data officer', where: 'file', category: 'Partners' }
    ])
    expect(group.entries.map((e) => e.title)).toEqual(
      Array.from({ length: 3000 }, (_, i) => ['Data officer', 'data officer', 'DATA  Officer'][i % 3])
    )
  })

  it('lists the first 20 titles each category will add, and how many there are in all', () => {
    const preview = buildImportPreview(identicalTitles(3000), emptyWorkspace(FIXED_TIME))
    expect(preview.byCategory.map((c) => [c.category, c.cards, c.titles.length])).toEqual([
      ['Staff', 1500, PREVIEW_TITLES],
      ['Partners', 1500, PREVIEW_TITLES]
    ])
    expect(PREVIEW_TITLES).toBe(20)
    expect(preview.byCategory[0].titles.slice(0, 2)).toEqual(['Data officer', 'DATA  Officer'])
  })

  it('groups identical titles in linear work: no group is copied for each entry it gains', () => {
    // Counts the array elements iterated (spread, for…of) while the preview is built: a group
    // copied for each new entry costs n²/2 for n identical titles, a linear build a few × n.
    const original = Array.prototype[Symbol.iterator]
    let iterated = 0
    Array.prototype[Symbol.iterator] = function (this: unknown[]) {
      iterated += this.length
      return original.call(this)
    }
    const count = 2000
    const outcomes = identicalTitles(count)
    const workspace = emptyWorkspace(FIXED_TIME)
    if (outcomes[0].ok) workspace.cards = outcomes[0].parsed.cards // the same titles already in the workspace
    let preview: ReturnType<typeof buildImportPreview> | undefined
    try {
      preview = buildImportPreview(outcomes, workspace)
    } finally {
      Array.prototype[Symbol.iterator] = original
    }
    expect(iterated).toBeLessThan(20 * count)
    expect(preview?.duplicatesAgainstWorkspace.map((g) => g.entries.length)).toEqual([2 * count])
  })

  it('cannot apply when no file is readable; a JSON that fails validation counts as unreadable', () => {
    const outcomes = parseProfileBuffers([
      { name: 'w.json', data: new TextEncoder().encode('{"schemaVersion": 99}') },
      { name: 'x.md', data: new Uint8Array(0) }
    ])
    const preview = buildImportPreview(outcomes, emptyWorkspace(FIXED_TIME))
    expect(preview.canApply).toBe(false)
    expect(preview.files.map((f) => f.error)).toEqual([
      expect.stringContaining('schema version 99'),
      'x.md is empty.'
    ])
    expect(preview.diagnostics).toEqual([
      { file: 'w.json', line: null, severity: 'error', message: expect.stringContaining('schema version 99') }
    ])
  })
})

describe('importCommand', () => {
  const buffer = (name: string, text: string): FileOutcome =>
    parseProfileBuffers([{ name, data: new TextEncoder().encode(text) }])[0]

  it('one command for all readable files: one source per file with its front matter; unreadable files skipped', async () => {
    const outcomes = await readProfileFiles([
      join(FIXTURES, TAXONOMY),
      join(FIXTURES, PERSONAS),
      join(dir, 'missing.md')
    ])
    const command = importCommand(outcomes, 'add', FIXED_TIME)
    if (command.type !== 'import.apply') throw new Error('wrong command')
    expect(command.sources.map((s) => [s.fileName, s.format, s.importedAt])).toEqual([
      [TAXONOMY, 'md-taxonomy', FIXED_TIME],
      [PERSONAS, 'md-personas', FIXED_TIME]
    ])
    expect(command.sources[1].metadata).toMatchObject({
      title: 'Staff Personas',
      permalink: '/staff-personas.html'
    })
    const ws = apply(emptyWorkspace(FIXED_TIME), outcomes)
    expect(ws.categories).toHaveLength(12)
    expect(ws.cards).toHaveLength(34)
    expect(ws.sources).toHaveLength(2)
  })

  it('categories and capabilities of the same name in two files become one; the capabilities CSV’s definition wins over a needs CSV’s mere name', () => {
    const a = buffer('a.csv', 'kind,category,title\nrole,IT,Dev\nrole,IT,Ops\n')
    const b = buffer('b.csv', 'kind,category,title\nrole,it ,Tester\nrole,Data,Analyst\n')
    const needs = buffer('n.csv', 'persona,need,capabilities\nClerk,Printing,Printer\n')
    const capabilities = buffer('c.csv', 'name,state,horizon\nprinter,planned,medium\n')
    const ws = apply(emptyWorkspace(FIXED_TIME), [a, b, needs, capabilities])
    expect(ws.categories.map((c) => [c.name, c.order])).toEqual([
      ['IT', 0],
      ['Data', 1]
    ])
    const it = ws.categories[0].id
    expect(ws.cards.filter((c) => c.categoryId === it).map((c) => [c.title, c.order])).toEqual([
      ['Dev', 0],
      ['Ops', 1],
      ['Tester', 2]
    ])
    expect(ws.capabilities.map((c) => [c.name, c.state, c.horizon])).toEqual([
      ['printer', 'planned', 'medium']
    ])
    const clerk = ws.cards.find((c) => c.title === 'Clerk') as PersonaCard
    expect(clerk.needs[0].capabilityIds).toEqual([ws.capabilities[0].id])
  })

  it('keeps ids that two JSON files share apart, and their references with them', () => {
    const one = emptyWorkspace(FIXED_TIME)
    one.categories.push(newCategory({ id: 'c1', name: 'One' }))
    one.capabilities.push(newCapability({ id: 'k1', name: 'Tool one' }))
    one.cards.push(newRole({ id: 'x', title: 'First', categoryId: 'c1' }))
    const two = emptyWorkspace(FIXED_TIME)
    two.categories.push(newCategory({ id: 'c1', name: 'Two' }))
    two.capabilities.push(newCapability({ id: 'k1', name: 'Tool two' }))
    two.cards.push(newRole({ id: 'x', title: 'Second', categoryId: 'c1' }))
    const ws = apply(emptyWorkspace(FIXED_TIME), [
      buffer('1.json', serialize(one, 'json')),
      buffer('2.json', serialize(two, 'json'))
    ])
    expect(ws.cards.map((c) => [c.title, ws.categories.find((k) => k.id === c.categoryId)?.name])).toEqual([
      ['First', 'One'],
      ['Second', 'Two']
    ])
    expect(new Set(ws.cards.map((c) => c.id)).size).toBe(2)
    expect(ws.capabilities.map((c) => c.name)).toEqual(['Tool one', 'Tool two'])
  })

  it('merge mode attaches a needs CSV to the personas of an earlier import', async () => {
    const personas = await readProfileFiles([join(FIXTURES, PERSONAS)])
    const base = apply(emptyWorkspace(FIXED_TIME), personas)
    const merged = apply(
      base,
      await readProfileFiles([join(FIXTURES, 'needs.csv'), join(FIXTURES, 'capabilities.csv')]),
      'merge'
    )
    expect(merged.cards).toHaveLength(6)
    const management = merged.cards.find((c) => c.title === 'Management') as PersonaCard
    expect(management.needs.map((n) => n.text)).toEqual([
      'A tool to label documents by sensitivity, bought once, not rented',
      'Data loss prevention that reads those labels',
      'Need tool for classification',
      'We already have a DLP tool but useless without classification tool'
    ])
    expect(merged.capabilities.map((c) => [c.name, c.state])).toEqual([
      ['Classification tool', 'planned'],
      ['DLP tool', 'in-place'],
      ['Tablets', 'absent'],
      ['Wi-Fi in all offices', 'partial']
    ])
  })
})
