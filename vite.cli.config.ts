/**
 * The CLI build (`npm run build:cli`): src/cli/index.ts as one Node ES module, out/cli/index.js,
 * with every dependency bundled (the `bin` works without node_modules) and a shebang.
 */
import { builtinModules } from 'node:module'
import { defineConfig } from 'vite'

export default defineConfig({
  build: {
    ssr: 'src/cli/index.ts',
    outDir: 'out/cli',
    emptyOutDir: true,
    target: 'node20',
    minify: false,
    sourcemap: false,
    rolldownOptions: {
      external: [...builtinModules, ...builtinModules.map((m) => `node:${m}`)],
      output: {
        format: 'es',
        entryFileNames: 'index.js',
        banner: '#!/usr/bin/env node'
      }
    }
  },
  ssr: {
    target: 'node',
    noExternal: true
  }
})
