/**
 * Text colours that keep WCAG AA contrast (4.5:1) on white, the grey columns and tinted bars, in
 * light and dark schemes. Mantine's `dimmed` and default anchor colour fall short on those.
 */
export const QUIET_TEXT = 'light-dark(var(--mantine-color-gray-7), var(--mantine-color-dark-1))'
export const LINK_TEXT = 'light-dark(var(--mantine-color-indigo-8), var(--mantine-color-indigo-3))'
