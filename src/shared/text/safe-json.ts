/** Keys that must never reach an object built from untrusted JSON. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype'])

/**
 * JSON.parse that drops `__proto__`, `constructor` and `prototype` keys wherever they appear and
 * reports the paths it dropped, so no later spread or merge can touch Object.prototype.
 */
export function parseJsonSafely(text: string): { value: unknown; dropped: string[] } {
  const dropped: string[] = []
  const value: unknown = JSON.parse(text, function (key, child: unknown) {
    if (FORBIDDEN_KEYS.has(key)) {
      dropped.push(key)
      return undefined
    }
    return child
  })
  return { value, dropped }
}
