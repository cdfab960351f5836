/**
 * The two web-platform globals the formats use. src/shared compiles without DOM or Node types, so
 * they are declared here, minimally, and read from globalThis (Node 20+, Electron and browsers all
 * provide them).
 */
interface TextDecoderLike {
  decode(input: Uint8Array): string
}
type TextDecoderConstructor = new (label: string, options?: { fatal?: boolean }) => TextDecoderLike

interface PlatformGlobals {
  TextDecoder: TextDecoderConstructor
  crypto: { randomUUID(): string }
}

// The cast only names globals every supported runtime has; see the comment above.
const platform = globalThis as unknown as PlatformGlobals

export const newTextDecoder = (label: string, options?: { fatal?: boolean }): TextDecoderLike =>
  new platform.TextDecoder(label, options)

export const randomId = (): string => platform.crypto.randomUUID()
