/**
 * Channel names, with no dependencies, so the sandboxed preload can import them without zod.
 * The method name on window.api is the key; the Electron channel is the value.
 */
export const CHANNELS = {
  getWorkspace: 'workspace:get',
  applyCommand: 'workspace:apply',
  undo: 'workspace:undo',
  redo: 'workspace:redo',
  previewImportFiles: 'import:preview-files',
  previewImportPaths: 'import:preview-paths',
  chooseImportFiles: 'import:choose-files',
  applyImport: 'import:apply',
  discardImport: 'import:discard',
  openExampleWorkspace: 'workspace:open-example',
  exportWorkspace: 'export:save',
  exportReport: 'report:save',
  listBackups: 'backup:list',
  restoreBackup: 'backup:restore',
  openExternal: 'shell:open-external'
} as const

export type Method = keyof typeof CHANNELS

/** Events main sends to the renderer. */
export const EVENTS = {
  workspaceChanged: 'workspace:changed',
  storeStatus: 'store:status',
  menuAction: 'menu:action'
} as const
