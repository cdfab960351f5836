import react from '@vitejs/plugin-react'
import { defineConfig } from 'vitest/config'

/**
 * Two projects: `unit` runs in Node (shared, services, handlers, CLI, scripts and the renderer's
 * plain modules); `components` renders renderer components in happy-dom with Testing Library, over
 * window.api built on the real handler table (tests/unit/renderer/render.tsx).
 */
export default defineConfig({
  test: {
    testTimeout: 30_000,
    pool: 'forks',
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node' }
      },
      {
        extends: true,
        plugins: [react()],
        test: {
          name: 'components',
          include: ['tests/unit/renderer/**/*.test.tsx'],
          environment: 'happy-dom',
          setupFiles: ['tests/unit/renderer/setup.ts']
        }
      }
    ]
  }
})
