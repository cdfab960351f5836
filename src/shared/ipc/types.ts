/** Values that cross the IPC boundary (responses and events). Requests are in contract.ts. */
import type { Patch } from 'immer'
import type { Workspace } from '../model/schema'

export type SaveState = 'saved' | 'saving' | 'error' | 'read-only'

export interface StoreStatus {
  state: SaveState
  /** What the user should know: a failed save, a recovered file, a read-only workspace. */
  message: string | null
}

export interface History {
  revision: number
  undoLabel: string | null
  redoLabel: string | null
}

export interface Snapshot extends History {
  workspace: Workspace
  status: StoreStatus
  /** Things that happened while opening the workspace (a corrupt file moved aside, a migration). */
  notices: string[]
  /** Where the workspace file lives, for the Help menu and the README's promise. */
  filePath: string
}

/** The outcome of a command, undo or redo: the patches that turn the previous revision into this one. */
export interface Change extends History {
  patches: Patch[]
  label: string
}

export interface Diagnostic {
  file: string
  line: number | null
  severity: 'error' | 'warning' | 'info'
  message: string
}

export interface DuplicateGroup {
  title: string
  /** Titles of the cards involved as they appear, with where each comes from. */
  entries: { title: string; where: 'file' | 'workspace'; category: string | null }[]
}

export interface ImportFileSummary {
  file: string
  format: string
  categories: number
  roles: number
  personas: number
  needs: number
  capabilities: number
  error: string | null
}

/** How far main got reading one imported file (the importProgress event). */
export interface ImportProgress {
  file: string
  /** 0 to 1. */
  fraction: number
  /** The cards made so far. */
  cards: number
}

/** The titles an import adds to one category: the first `PREVIEW_TITLES`, in file order. */
export interface ImportCategoryPreview {
  category: string
  cards: number
  /** At most PREVIEW_TITLES (import-service.ts) titles; `cards` says how many there are in all. */
  titles: string[]
}

export interface ImportPreview {
  token: string
  files: ImportFileSummary[]
  byCategory: ImportCategoryPreview[]
  diagnostics: Diagnostic[]
  duplicatesWithin: DuplicateGroup[]
  duplicatesAgainstWorkspace: DuplicateGroup[]
  /** False when no file could be read: nothing to apply. */
  canApply: boolean
}

export interface BackupInfo {
  name: string
  createdAt: string
  reason: string
  bytes: number
}

export interface SavedFile {
  path: string
  bytes: number
}

export type MenuAction =
  | 'undo'
  | 'redo'
  | 'import'
  | 'export'
  | 'export-report'
  | 'restore-backup'
  | 'workspace-details'
  | 'new-card'
  | 'new-category'
  | 'find'
  | 'about'
  /** View > one of the five views (Ctrl+1..5), in the sidebar's order. */
  | 'show-board'
  | 'show-duplicates'
  | 'show-capabilities'
  | 'show-needs'
  | 'show-gaps'
  /** View > Colour Scheme. */
  | 'scheme-system'
  | 'scheme-light'
  | 'scheme-dark'
