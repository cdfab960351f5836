import { AppFailure } from '../../shared/result'

/**
 * Only http(s) URLs with a host, no credentials, go to the system browser: never file:,
 * javascript:, custom schemes or anything a hostile import could smuggle in.
 */
export function checkExternalUrl(raw: string): string {
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    throw new AppFailure('validation', `Not a valid web address: ${raw}`)
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new AppFailure('validation', `Only http and https links open in the browser, not ${url.protocol}`)
  }
  if (!url.hostname || url.username || url.password) {
    throw new AppFailure('validation', `Refusing to open ${raw}: it has no host or carries credentials.`)
  }
  return url.href
}
