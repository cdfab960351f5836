/** Gap analysis: coverage rules, the analysis at a horizon, and the report renderers. */
export * from './coverage'
export * from './gap-analysis'
export * from './report'
