/**
 * Channel names, with no dependencies, so the sandboxed preload can import them without zod.
 * A method's or event's name on window.api is the key; the Electron channel is the value.
 * contract.ts gives each one its request and payload types.
 */
export const CHANNELS = {
  getWorkspace: 'workspace:get',
  applyCommand: 'workspace:apply',
  undo: 'workspace:undo',
  redo: 'workspace:redo',
  openExampleWorkspace: 'workspace:open-example',
  previewImportFiles: 'import:preview-files',
  chooseImportFiles: 'import:choose-files',
  applyImport: 'import:apply',
  discardImport: 'import:discard',
  cancelImport: 'import:cancel',
  exportWorkspace: 'export:save',
  exportReport: 'report:save',
  listBackups: 'backup:list',
  restoreBackup: 'backup:restore',
  openExternal: 'shell:open-external',
  draftsFlushed: 'drafts:flushed'
} as const

export type Method = keyof typeof CHANNELS

/** Events main sends to the renderer; window.api offers `on<Name>(listener)` for each. */
export const EVENTS = {
  workspaceChanged: 'workspace:changed',
  storeStatus: 'store:status',
  menuAction: 'menu:action',
  flushDrafts: 'drafts:flush',
  importProgress: 'import:progress'
} as const

export type EventName = keyof typeof EVENTS

/** The subscription method on window.api for an event: workspaceChanged → onWorkspaceChanged. */
export type Subscriber<E extends EventName> = `on${Capitalize<E>}`
export const subscriberName = <E extends EventName>(event: E): Subscriber<E> =>
  `on${event[0].toUpperCase()}${event.slice(1)}` as Subscriber<E>
