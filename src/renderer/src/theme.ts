import { createTheme, Drawer, Modal, type CSSVariablesResolver } from '@mantine/core'

const DIALOG_DEFAULTS = {
  closeButtonProps: { 'aria-label': 'Close' },
  attributes: { header: { role: 'presentation' } }
}

/** System fonts only: nothing is fetched, the app works offline. */
export const theme = createTheme({
  primaryColor: 'indigo',
  // Shade 8 keeps white text on filled buttons and links above 4.5:1 contrast (WCAG AA).
  primaryShade: { light: 8, dark: 8 },
  defaultRadius: 'md',
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  headings: {
    fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif'
  },
  components: {
    // Every dialog's close button is named, and a dialog's <header> is no second banner landmark
    // beside the app's (axe: button-name, landmark-no-duplicate-banner).
    Modal: Modal.extend({ defaultProps: DIALOG_DEFAULTS }),
    Drawer: Drawer.extend({ defaultProps: DIALOG_DEFAULTS })
  }
})

/**
 * Mantine's "dimmed" grey (input descriptions, dimmed text) is 3.3:1 on white; these shades keep
 * secondary text at 4.5:1 or more in both schemes (WCAG AA), like `.secondary-text` in app.css.
 * A subtle or light indigo button under the pointer (the board's "Add card") keeps its text at
 * 5.3:1 on indigo 1, where Mantine's indigo 2 gave 4.1:1.
 */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-indigo-light-hover': 'var(--mantine-color-indigo-1)'
  },
  dark: { '--mantine-color-dimmed': 'var(--mantine-color-dark-1)' }
})
