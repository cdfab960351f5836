import { defineConfig } from 'electron-vite'
import renderer from './vite.renderer.config'

export default defineConfig({
  main: {
    // Bundle every dependency into main: lowdb is ESM-only, and a bundled main needs no node_modules at run time.
    build: { externalizeDeps: false }
  },
  preload: {
    build: {
      externalizeDeps: false,
      rollupOptions: {
        // A sandboxed preload cannot load ES modules: emit one CommonJS file.
        output: { format: 'cjs', entryFileNames: '[name].cjs' }
      }
    }
  },
  renderer
})
