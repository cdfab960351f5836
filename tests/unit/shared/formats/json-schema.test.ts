/**
 * docs/workspace.schema.json is generated from the zod schema. Regenerate it after a schema
 * change with: UPDATE_SCHEMA=1 npx vitest run tests/unit/shared/formats/json-schema.test.ts
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { serialize, workspaceJsonSchema } from '../../../../src/shared/formats'
import { SCHEMA_VERSION } from '../../../../src/shared/model/schema'
import { REPO_ROOT } from './helpers'

const FILE = resolve(REPO_ROOT, 'docs/workspace.schema.json')
const generated = `${JSON.stringify(workspaceJsonSchema(), null, 2)}\n`

describe('docs/workspace.schema.json', () => {
  it('is the schema generated from src/shared/model/schema.ts', () => {
    if (process.env.UPDATE_SCHEMA) writeFileSync(FILE, generated)
    // Compared as data, so that Prettier may format the committed file.
    expect(JSON.parse(readFileSync(FILE, 'utf8'))).toEqual(JSON.parse(generated))
  })

  it('describes what the JSON export writes: every required top-level field', () => {
    const schema = workspaceJsonSchema() as { required: string[]; properties: Record<string, unknown> }
    expect(schema.required).toEqual([
      'schemaVersion',
      'name',
      'description',
      'createdAt',
      'updatedAt',
      'categories',
      'cards',
      'capabilities',
      'sources'
    ])
    const exported = JSON.parse(
      serialize(
        {
          schemaVersion: SCHEMA_VERSION,
          name: 'x',
          description: '',
          createdAt: 'a',
          updatedAt: 'b',
          categories: [],
          cards: [],
          capabilities: [],
          sources: []
        },
        'json'
      )
    )
    expect(Object.keys(exported)).toEqual(schema.required)
  })
})
