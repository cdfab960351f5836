import { AppFailure } from '../result'

/** Files larger than this are refused before they are decoded. */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024

/** Files sent together for one import preview may not add up to more than this. */
export const MAX_IMPORT_TOTAL_BYTES = 200 * 1024 * 1024

export type ImportErrorCode = 'too-large' | 'unsupported' | 'validation'

/** A file that cannot be read at all (too large, binary, empty, undecodable); its message names the file. */
export class ImportError extends AppFailure {
  constructor(
    override readonly code: ImportErrorCode,
    message: string,
    details?: string[]
  ) {
    super(code, message, details)
    this.name = 'ImportError'
  }
}
