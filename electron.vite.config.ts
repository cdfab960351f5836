import { defineConfig } from 'electron-vite'
import renderer from './vite.renderer.config'

export default defineConfig({
  main: {
    // Bundle every dependency into main: lowdb is ESM-only, and a bundled main needs no node_modules at run time.
    build: {
      externalizeDeps: false,
      rollupOptions: {
        // The import parser's worker thread (services/parse-worker.ts) is its own entry: out/main/parse-worker.js.
        input: { index: 'src/main/index.ts', 'parse-worker': 'src/main/parse-worker-entry.ts' }
      }
    }
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
