import { useCallback, useEffect, useRef, useState } from 'react'
import type { ImportPreview, ImportProgress } from '../../../../shared/ipc/types'
import { call, errorMessage, on } from '../../api/client'
import { useApp } from '../../store'
import { droppedFilesRefusal } from './dropped-files'

/** Opens the native file dialog or takes dropped files, and holds the preview until it is applied or cancelled. */
export function useImport(): {
  preview: ImportPreview | null
  busy: boolean
  /** How far main got reading the current file; null until it says. */
  progress: ImportProgress | null
  /** Stops the reading: nothing of it is previewed or applied. */
  cancel: () => void
  chooseFiles: () => Promise<void>
  importDropped: (files: File[]) => Promise<void>
  close: () => void
} {
  const toast = useApp((s) => s.toast)
  const [preview, setPreview] = useState<ImportPreview | null>(null)
  const [busy, setBusy] = useState(false)
  const [progress, setProgress] = useState<ImportProgress | null>(null)
  /** Set by cancel: the reading under way gives nothing, whatever main answers. */
  const cancelled = useRef(false)

  useEffect(() => (busy ? on('importProgress', setProgress) : undefined), [busy])

  const guarded = useCallback(
    async (work: () => Promise<ImportPreview | null>) => {
      setBusy(true)
      setProgress(null)
      cancelled.current = false
      try {
        const result = await work()
        if (result && !cancelled.current) setPreview(result)
      } catch (error) {
        if (!cancelled.current) toast('error', errorMessage(error))
      } finally {
        setBusy(false)
        setProgress(null)
      }
    },
    [toast]
  )

  const cancel = useCallback(() => {
    cancelled.current = true
    setBusy(false)
    void call('cancelImport', {}).catch(() => undefined)
  }, [])

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
  return { preview, busy, progress, cancel, chooseFiles, importDropped, close: () => setPreview(null) }
}
