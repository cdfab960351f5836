/** src/main/services/report-service.ts: the report on file paths (the renderers it wraps: tests/unit/shared/analysis/report/). */
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it, vi } from 'vitest'
import { renderReport, writeReport } from '../../../../src/main/services/report-service'
import { renderGapReport } from '../../../../src/shared/analysis'
import { FIXED_TIME, handWorkspace } from '../../shared/analysis/fixtures'

const dir = mkdtempSync(join(tmpdir(), 'pp-report-service-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('renderReport', () => {
  it('dates the report now unless told otherwise', () => {
    vi.useFakeTimers({ now: new Date('2030-05-06T07:08:09.000Z') })
    try {
      expect(renderReport(handWorkspace(), 'md', 'now')).toContain('Generated 2030-05-06 07:08 UTC.')
    } finally {
      vi.useRealTimers()
    }
    expect(renderReport(handWorkspace(), 'md', 'now', { generatedAt: null })).not.toContain('Generated')
    expect(renderReport(handWorkspace(), 'html', 'medium', { generatedAt: FIXED_TIME })).toBe(
      renderGapReport(handWorkspace(), 'html', 'medium', { generatedAt: FIXED_TIME })
    )
  })
})

describe('writeReport', () => {
  it('replaces the file atomically and reports its size', async () => {
    const path = join(dir, 'report.md')
    writeFileSync(path, 'old content that is longer than nothing')
    const saved = await writeReport(handWorkspace(), 'md', 'long', path, { generatedAt: FIXED_TIME })
    const text = readFileSync(path, 'utf8')
    expect(text).toBe(renderGapReport(handWorkspace(), 'md', 'long', { generatedAt: FIXED_TIME }))
    expect(saved).toEqual({ path, bytes: Buffer.byteLength(text) })
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([])
  })

  it('starts a CSV file with a UTF-8 byte order mark for Excel', async () => {
    const path = join(dir, 'report.csv')
    const saved = await writeReport(handWorkspace(), 'csv', 'now', path)
    const bytes = readFileSync(path)
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    expect(saved.bytes).toBe(bytes.byteLength)
  })

  it('rejects when the folder does not exist', async () => {
    await expect(
      writeReport(handWorkspace(), 'html', 'now', join(dir, 'nope', 'r.html'))
    ).rejects.toMatchObject({
      code: 'ENOENT'
    })
  })
})
