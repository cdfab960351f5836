/**
 * Setup for the component tests (vitest.config.ts project `components`): Testing Library unmounts
 * after each test, and the browser APIs Mantine uses that happy-dom lacks get small stand-ins.
 */
import { cleanup } from '@testing-library/react'
import { afterEach } from 'vitest'

afterEach(() => cleanup())

// React only checks its act() calls where the environment says it is a test.
Object.assign(globalThis, { IS_REACT_ACT_ENVIRONMENT: true })

Element.prototype.scrollIntoView ??= () => undefined

// Mantine's autosizing Textarea listens for fonts loading; happy-dom has no document.fonts.
if (!('fonts' in document))
  Object.defineProperty(document, 'fonts', { value: new EventTarget(), configurable: true })
