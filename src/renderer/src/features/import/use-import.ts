import { useCallback, useState } from 'react'
import type { ImportPreview } from '../../../../shared/ipc/types'
import { call, errorMessage } from '../../api/client'
import { useApp } from '../../store'
import { droppedFilesRefusal } from './dropped-files'

/** Opens the native file dialog or takes dropped files, and holds the preview until it is applied or cancelled. */
export function useImport(): {
  preview: ImportPreview | null
  busy: boolean
  chooseFiles: () => Promise<void>
  importDropped: (files: File[]) => Promise<void>
  close: () => void
} {
  const toast = useApp((s) => s.toast)
  const [preview, setPreview] = useState<ImportPreview | null>(null)
  const [busy, setBusy] = useState(false)

  const guarded = useCallback(
    async (work: () => Promise<ImportPreview | null>) => {
      setBusy(true)
      try {
        const result = await work()
        if (result) setPreview(result)
      } catch (error) {
        toast('error', errorMessage(error))
      } finally {
        setBusy(false)
      }
    },
    [toast]
  )

  const chooseFiles = useCallback(() => guarded(() => call('chooseImportFiles', {})), [guarded])
  const importDropped = useCallback(
    (files: File[]) =>
      guarded(async () => {
        // Checked before any file is read: a huge file never fills the page's memory or the IPC.
        const refusal = droppedFilesRefusal(files)
        if (refusal !== null) throw new Error(refusal)
        const payload = await Promise.all(
          files.map(async (file) => ({ name: file.name, data: new Uint8Array(await file.arrayBuffer()) }))
        )
        return call('previewImportFiles', { files: payload })
      }),
    [guarded]
  )
  return { preview, busy, chooseFiles, importDropped, close: () => setPreview(null) }
}
