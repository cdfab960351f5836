/** The Platform the handlers call out to, on Electron: native dialogs, the system browser, printToPDF. */
import { join } from 'node:path'
import { BrowserWindow, app, dialog, shell, type OpenDialogOptions, type SaveDialogOptions } from 'electron'
import type { Platform } from '../ipc/types'

export function electronPlatform(window: () => BrowserWindow | null, resources: string): Platform {
  // Dialogs are modal to the main window when there is one.
  const open = (options: OpenDialogOptions) => {
    const parent = window()
    return parent ? dialog.showOpenDialog(parent, options) : dialog.showOpenDialog(options)
  }
  const save = (options: SaveDialogOptions) => {
    const parent = window()
    return parent ? dialog.showSaveDialog(parent, options) : dialog.showSaveDialog(options)
  }
  return {
    chooseImportFiles: async () => {
      const result = await open({
        title: 'Import profiles',
        properties: ['openFile', 'multiSelections'],
        filters: [
          { name: 'Profile files', extensions: ['md', 'markdown', 'csv', 'json', 'txt'] },
          { name: 'All files', extensions: ['*'] }
        ]
      })
      return result.canceled ? null : result.filePaths
    },
    chooseSavePath: async (defaultName) => {
      const result = await save({ defaultPath: join(app.getPath('documents'), defaultName) })
      return result.canceled || !result.filePath ? null : result.filePath
    },
    openExternal: (url) => shell.openExternal(url),
    exampleWorkspacePath: join(resources, 'example-workspace.json'),
    printToPdf: async (html) => {
      const printer = new BrowserWindow({ show: false, webPreferences: { sandbox: true, javascript: false } })
      try {
        await printer.loadURL(`data:text/html;charset=utf-8,${encodeURIComponent(html)}`)
        return await printer.webContents.printToPDF({ pageSize: 'A4', printBackground: true })
      } finally {
        printer.destroy()
      }
    }
  }
}
