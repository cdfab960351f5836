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
  /** Counts imports started and cancelled: an answer for an older one is dropped. */
  const generation = useRef(0)

  useEffect(() => (busy ? on('importProgress', setProgress) : undefined), [busy])

  const guarded = useCallback(
    async (work: () => Promise<ImportPreview | null>) => {
      const current = ++generation.current
      setBusy(true)
      setProgress(null)
      try {
        const result = await work()
        if (current === generation.current) {
          if (result) setPreview(result)
        } else if (result) {
          // Cancelled after main had read the files: drop what it holds for the preview.
          void call('discardImport', { token: result.token }).catch(() => undefined)
        }
      } catch (error) {
        if (current === generation.current) toast('error', errorMessage(error))
      } finally {
        if (current === generation.current) {
          setBusy(false)
          setProgress(null)
        }
      }
    },
    [toast]
  )

  const cancel = useCallback(() => {
    generation.current++
    setBusy(false)
    setProgress(null)
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
