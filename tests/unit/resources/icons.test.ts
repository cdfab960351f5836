/**
 * The committed icon files (written by `npm run icons` from resources/icon.svg): every size the
 * installers and the window need is there, each PNG inside is the size its container says, and
 * nothing is stale against the SVG.
 */
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'

const RESOURCES = resolve(import.meta.dirname, '../../../resources')
const read = (name: string): Buffer => readFileSync(resolve(RESOURCES, name))

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])

/** Width and height from the IHDR chunk, which must come first after the signature. */
function pngSize(png: Buffer): { width: number; height: number } {
  expect(png.subarray(0, 8).equals(PNG_SIGNATURE), 'PNG signature').toBe(true)
  expect(png.readUInt32BE(8), 'IHDR length').toBe(13)
  expect(png.toString('latin1', 12, 16)).toBe('IHDR')
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) }
}

function expectSquarePng(png: Buffer, size: number): void {
  expect(pngSize(png)).toEqual({ width: size, height: size })
}

/** ICO: 6-byte header, 16-byte entries (0 means 256), each pointing at its image. */
function icoImages(ico: Buffer): Map<number, Buffer> {
  expect(ico.readUInt16LE(0), 'reserved').toBe(0)
  expect(ico.readUInt16LE(2), 'type 1 = icon').toBe(1)
  const images = new Map<number, Buffer>()
  for (let i = 0; i < ico.readUInt16LE(4); i++) {
    const entry = 6 + 16 * i
    const width = ico.readUInt8(entry) || 256
    const height = ico.readUInt8(entry + 1) || 256
    expect(height).toBe(width)
    const length = ico.readUInt32LE(entry + 8)
    const offset = ico.readUInt32LE(entry + 12)
    expect(offset + length).toBeLessThanOrEqual(ico.length)
    images.set(width, ico.subarray(offset, offset + length))
  }
  return images
}

/** ICNS: 'icns' + total length, then (type, length including the 8-byte header, data) entries. */
function icnsImages(icns: Buffer): Map<string, Buffer> {
  expect(icns.toString('latin1', 0, 4)).toBe('icns')
  expect(icns.readUInt32BE(4), 'declared length').toBe(icns.length)
  const images = new Map<string, Buffer>()
  for (let offset = 8; offset < icns.length;) {
    const length = icns.readUInt32BE(offset + 4)
    expect(length).toBeGreaterThan(8)
    expect(offset + length).toBeLessThanOrEqual(icns.length)
    images.set(icns.toString('latin1', offset, offset + 4), icns.subarray(offset + 8, offset + length))
    offset += length
  }
  return images
}

describe('resources/ icons', () => {
  it('are generated from the current icon.svg by the current renderer (else run `npm run icons`)', () => {
    const manifest = JSON.parse(read('icons.json').toString('utf8')) as Record<string, unknown>
    const sha256 = createHash('sha256').update(read('icon.svg')).digest('hex')
    expect(manifest.sourceSha256, 'icon.svg changed: run `npm run icons`').toBe(sha256)
    const resvg = createRequire(import.meta.url)('@resvg/resvg-js/package.json') as { version: string }
    expect(manifest.renderer, 'the renderer changed: run `npm run icons`').toBe(
      `@resvg/resvg-js ${resvg.version}`
    )
  })

  it('icon.svg is self-contained: no text, fonts, images or remote references', () => {
    const svg = read('icon.svg').toString('utf8')
    expect(svg).toMatch(/^<svg [^>]*viewBox="0 0 1024 1024"/)
    expect(svg).not.toMatch(/<text|<image|<style|<script|<foreignObject|font-family|@import|url\(/i)
    expect(svg).not.toMatch(/href="(?!#)/)
  })

  it('icon.png is 1024 px', () => {
    expectSquarePng(read('icon.png'), 1024)
  })

  it('icon.ico holds PNG entries for 16 … 256 px', () => {
    const images = icoImages(read('icon.ico'))
    expect([...images.keys()].sort((a, b) => a - b)).toEqual([16, 24, 32, 48, 64, 128, 256])
    for (const [size, png] of images) expectSquarePng(png, size)
  })

  it('icon.icns holds PNG entries for 16 … 1024 px', () => {
    const expected: Record<string, number> = {
      icp4: 16,
      icp5: 32,
      icp6: 64,
      ic07: 128,
      ic08: 256,
      ic09: 512,
      ic10: 1024
    }
    const images = icnsImages(read('icon.icns'))
    expect([...images.keys()].sort()).toEqual(Object.keys(expected).sort())
    for (const [type, png] of images) expectSquarePng(png, expected[type])
  })

  it.each([16, 24, 32, 48, 64, 128, 256, 512].map((size) => [size, size]))(
    'icons/%ix%i.png for Linux is that size',
    (size) => {
      expectSquarePng(read(`icons/${size}x${size}.png`), size)
    }
  )
})
