/**
 * The renderer's Vite config, used by electron.vite.config.ts and on its own
 * (`vite build --config vite.renderer.config.ts --outDir DIR`) to build just the renderer for tests.
 */
import { resolve } from 'node:path'
import react from '@vitejs/plugin-react'
import { defineConfig, type Plugin } from 'vite'
import { CONTENT_SECURITY_POLICY } from './src/shared/csp'

/** Puts the Content-Security-Policy in the built page too (the app:// protocol also sends it as a header). */
const cspMeta: Plugin = {
  name: 'persona-planner-csp',
  apply: 'build',
  transformIndexHtml: () => [
    {
      tag: 'meta',
      attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY },
      injectTo: 'head-prepend'
    }
  ]
}

export default defineConfig({
  root: resolve('src/renderer'),
  base: './',
  plugins: [react(), cspMeta],
  build: {
    outDir: resolve('out/renderer'),
    emptyOutDir: true,
    // electron-vite leaves the renderer unminified by default; minified, it is less than half the
    // size and the window parses and compiles it that much sooner.
    minify: true,
    chunkSizeWarningLimit: 2000,
    rollupOptions: { input: resolve('src/renderer/index.html') }
  }
})
