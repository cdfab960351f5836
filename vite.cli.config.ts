/**
 * The CLI build (`npm run build:cli`): src/cli/index.ts as one Node ES module, out/cli/index.js,
 * with every dependency bundled (the `bin` works without node_modules), a shebang and the executable bit.
 */
import { chmod } from 'node:fs/promises'
import { builtinModules } from 'node:module'
import { join } from 'node:path'
import { defineConfig, type Plugin } from 'vite'

/** The `bin` runs as a program on macOS and Linux: rwxr-xr-x, like any installed command. */
const executable: Plugin = {
  name: 'persona-planner-executable',
  apply: 'build',
  writeBundle: async (options, bundle) => {
    for (const name of Object.keys(bundle)) await chmod(join(options.dir ?? 'out/cli', name), 0o755)
  }
}

export default defineConfig({
  plugins: [executable],
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
