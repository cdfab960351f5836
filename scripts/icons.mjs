// @ts-check
/**
 * `npm run icons`: renders resources/icon.svg (drawn by hand) into every icon file the window and
 * the installers need, all in resources/ (electron-builder's buildResources picks them up by name):
 *
 *   icon.png            1024 px: the Linux window icon and electron-builder's fallback
 *   icon.ico            Windows: 16 … 256 px, each entry a PNG
 *   icon.icns           macOS: icp4 … ic10 (16 … 1024 px), each entry a PNG
 *   icons/NxN.png       Linux desktop icons, 16 … 512 px
 *   icons.json          the SVG's sha256 (and the renderer), so a unit test can tell stale files
 *
 * Every size is rendered from the SVG itself (no downscaling of one big PNG), with resvg and no
 * fonts, so the output is the same bytes on every run. The ICO and ICNS containers are a header
 * and a table of contents in front of PNG files, written here directly.
 */
import { createHash } from 'node:crypto'
import { createRequire } from 'node:module'
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises'
import { dirname, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { Resvg } from '@resvg/resvg-js'

const RESOURCES = join(dirname(fileURLToPath(import.meta.url)), '..', 'resources')
const SOURCE = join(RESOURCES, 'icon.svg')
/** Recorded in the manifest: another resvg version may draw the same SVG a little differently. */
const RESVG_VERSION = createRequire(import.meta.url)('@resvg/resvg-js/package.json').version

const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256]
/** ICNS entry types and their pixel sizes (PNG payloads are valid for all of them since macOS 10.7). */
const ICNS_TYPES = /** @type {const} */ ([
  ['icp4', 16],
  ['icp5', 32],
  ['icp6', 64],
  ['ic07', 128],
  ['ic08', 256],
  ['ic09', 512],
  ['ic10', 1024]
])
const LINUX_SIZES = [16, 24, 32, 48, 64, 128, 256, 512]

/**
 * @param {string} svg
 * @param {number} size
 * @returns {Buffer}
 */
function render(svg, size) {
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'width', value: size },
    font: { loadSystemFonts: false },
    logLevel: 'error'
  })
  return resvg.render().asPng()
}

/**
 * ICO: ICONDIR (reserved 0, type 1, count), one 16-byte ICONDIRENTRY per image, then the PNGs.
 * A width or height of 256 is written as 0.
 * @param {{ size: number, png: Buffer }[]} images
 */
function encodeIco(images) {
  const header = Buffer.alloc(6 + 16 * images.length)
  header.writeUInt16LE(0, 0)
  header.writeUInt16LE(1, 2)
  header.writeUInt16LE(images.length, 4)
  let offset = header.length
  images.forEach(({ size, png }, i) => {
    const entry = 6 + 16 * i
    header.writeUInt8(size >= 256 ? 0 : size, entry)
    header.writeUInt8(size >= 256 ? 0 : size, entry + 1)
    header.writeUInt8(0, entry + 2) // no palette
    header.writeUInt8(0, entry + 3) // reserved
    header.writeUInt16LE(1, entry + 4) // colour planes
    header.writeUInt16LE(32, entry + 6) // bits per pixel
    header.writeUInt32LE(png.length, entry + 8)
    header.writeUInt32LE(offset, entry + 12)
    offset += png.length
  })
  return Buffer.concat([header, ...images.map((image) => image.png)])
}

/**
 * ICNS: 'icns' + total length (big-endian), then per image a 4-byte type, its length
 * including this 8-byte header, and the PNG.
 * @param {{ type: string, png: Buffer }[]} images
 */
function encodeIcns(images) {
  const entries = images.map(({ type, png }) => {
    const head = Buffer.alloc(8)
    head.write(type, 0, 'latin1')
    head.writeUInt32BE(png.length + 8, 4)
    return Buffer.concat([head, png])
  })
  const body = Buffer.concat(entries)
  const head = Buffer.alloc(8)
  head.write('icns', 0, 'latin1')
  head.writeUInt32BE(body.length + 8, 4)
  return Buffer.concat([head, body])
}

async function main() {
  const svgBytes = await readFile(SOURCE)
  const svg = svgBytes.toString('utf8')
  const sizes = [...new Set([...ICO_SIZES, ...ICNS_TYPES.map(([, size]) => size), ...LINUX_SIZES])]
  /** @type {Map<number, Buffer>} */
  const pngs = new Map(sizes.map((size) => [size, render(svg, size)]))
  const png = (/** @type {number} */ size) => /** @type {Buffer} */ (pngs.get(size))

  /** @type {[string, Buffer][]} */
  const files = [
    ['icon.png', png(1024)],
    ['icon.ico', encodeIco(ICO_SIZES.map((size) => ({ size, png: png(size) })))],
    ['icon.icns', encodeIcns(ICNS_TYPES.map(([type, size]) => ({ type, png: png(size) })))],
    ...LINUX_SIZES.map((size) => /** @type {[string, Buffer]} */ ([`icons/${size}x${size}.png`, png(size)]))
  ]

  // icons/ holds only what this run writes: a size dropped from the list must not linger.
  await rm(join(RESOURCES, 'icons'), { recursive: true, force: true })
  await mkdir(join(RESOURCES, 'icons'), { recursive: true })
  for (const [name, bytes] of files) await writeFile(join(RESOURCES, name), bytes)

  const manifest = {
    source: 'icon.svg',
    sourceSha256: createHash('sha256').update(svgBytes).digest('hex'),
    renderer: `@resvg/resvg-js ${RESVG_VERSION}`
  }
  await writeFile(join(RESOURCES, 'icons.json'), `${JSON.stringify(manifest, null, 2)}\n`)

  for (const [name, bytes] of files)
    console.log(`${relative(process.cwd(), join(RESOURCES, name))}  ${bytes.length} bytes`)
}

await main()
