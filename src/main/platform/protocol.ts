/** Serves the built renderer from app://persona-planner/ instead of file://, with the CSP as a header. */
import { promises as fs } from 'node:fs'
import { extname, join, normalize, sep } from 'node:path'
import type { Protocol } from 'electron'
import { CONTENT_SECURITY_POLICY } from '../../shared/csp'

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json'
}

/** Maps a request URL to a file inside `root`, or null for anything that escapes it. */
export function resolveAppFile(root: string, url: string): string | null {
  const path = decodeURIComponent(new URL(url).pathname)
  const file = normalize(join(root, path === '/' ? 'index.html' : path))
  return file === root || file.startsWith(root.endsWith(sep) ? root : root + sep) ? file : null
}

export function registerAppProtocol(protocol: Pick<Protocol, 'handle'>, root: string): void {
  protocol.handle('app', async (request) => {
    const file = resolveAppFile(root, request.url)
    if (file === null) return new Response('Not found', { status: 404 })
    try {
      const body = await fs.readFile(file)
      return new Response(body, {
        headers: {
          'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
          'content-security-policy': CONTENT_SECURITY_POLICY,
          'x-content-type-options': 'nosniff'
        }
      })
    } catch {
      return new Response('Not found', { status: 404 })
    }
  })
}
