import { z } from 'zod'
import { WorkspaceSchema } from '../model/schema'

/** The JSON Schema of the workspace document, as published in docs/workspace.schema.json. */
export function workspaceJsonSchema(): Record<string, unknown> {
  const { $schema, ...rest } = z.toJSONSchema(WorkspaceSchema) as Record<string, unknown>
  return {
    $schema,
    title: 'Persona Planner workspace',
    description:
      'A Persona Planner workspace document (categories, role and persona cards, capabilities, import sources). Generated from src/shared/model/schema.ts; see docs/FORMATS.md.',
    ...rest
  }
}
