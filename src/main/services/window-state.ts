/** Remembers the window's size and position between launches, in <userData>/window-state.json. */
import { promises as fs } from 'node:fs'
import { z } from 'zod'
import { writeFileAtomic } from './atomic-write'

const WindowStateSchema = z.object({
  x: z.number().int().optional(),
  y: z.number().int().optional(),
  width: z.number().int().min(640).max(20000),
  height: z.number().int().min(480).max(20000),
  isMaximized: z.boolean()
})
export type WindowState = z.infer<typeof WindowStateSchema>

const DEFAULT_WINDOW_STATE: WindowState = { width: 1280, height: 820, isMaximized: false }

export async function loadWindowState(path: string): Promise<WindowState> {
  try {
    const parsed = WindowStateSchema.safeParse(JSON.parse(await fs.readFile(path, 'utf8')))
    return parsed.success ? parsed.data : DEFAULT_WINDOW_STATE
  } catch {
    return DEFAULT_WINDOW_STATE
  }
}

export async function saveWindowState(path: string, state: WindowState): Promise<void> {
  await writeFileAtomic(path, JSON.stringify(state))
}
