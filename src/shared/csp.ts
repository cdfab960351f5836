/**
 * The renderer's Content-Security-Policy: nothing remote, no eval, no inline script. Inline
 * styles are allowed because Mantine injects its CSS variables in <style> elements.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-src 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'"
].join('; ')

/** The custom scheme and host the packaged renderer is served from (never file://). */
export const APP_ORIGIN = 'app://persona-planner'
