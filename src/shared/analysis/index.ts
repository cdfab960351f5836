/** Gap analysis: coverage rules, the analysis at a horizon, the status words, and the report renderers. */
export * from './coverage'
export * from './gap-analysis'
export * from './status'
export * from './report'
