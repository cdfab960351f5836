/** The app-level dialogs; one is open at a time. */
export type Dialog = 'export' | 'export-report' | 'restore' | 'about' | 'workspace'
