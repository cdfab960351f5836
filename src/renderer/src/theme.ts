import { createTheme, type CSSVariablesResolver } from '@mantine/core'

/** System fonts only: nothing is fetched, the app works offline. */
export const theme = createTheme({
  primaryColor: 'indigo',
  // Shade 8 keeps white text on filled buttons and links above 4.5:1 contrast (WCAG AA).
  primaryShade: { light: 8, dark: 8 },
  defaultRadius: 'md',
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  headings: {
    fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif'
  }
})

/**
 * Mantine's "dimmed" grey (input descriptions, dimmed text) is 3.3:1 on white; these shades keep
 * secondary text at 4.5:1 or more in both schemes (WCAG AA), like `.secondary-text` in app.css.
 */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: { '--mantine-color-dimmed': 'var(--mantine-color-gray-7)' },
  dark: { '--mantine-color-dimmed': 'var(--mantine-color-dark-1)' }
})
