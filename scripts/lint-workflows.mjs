#!/usr/bin/env node
/**
 * Validates every GitHub Actions workflow in .github/workflows against the workflow schema, offline
 * (action-validator's WebAssembly build carries the schema). Exits 1 and names the file and the
 * path of each error. Usage: node scripts/lint-workflows.mjs [file ...]
 */
import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { validateWorkflow } from '@action-validator/core'

const dir = '.github/workflows'
const files =
  process.argv.length > 2
    ? process.argv.slice(2)
    : readdirSync(dir)
        .filter((name) => /\.ya?ml$/.test(name))
        .sort()
        .map((name) => join(dir, name))

if (files.length === 0) {
  console.error(`lint-workflows: no workflow files in ${dir}`)
  process.exit(1)
}

let failed = 0
for (const file of files) {
  const { errors } = validateWorkflow(readFileSync(file, 'utf8'))
  if (errors.length === 0) continue
  failed++
  for (const error of errors) {
    const where = 'path' in error ? `${error.path} ` : ''
    console.error(`${file}: ${where}${error.title}${error.detail ? `: ${error.detail}` : ''}`)
  }
}
if (failed > 0) process.exit(1)
console.log(`lint-workflows: ${files.length} workflow file(s) valid`)
