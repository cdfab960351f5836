import type { IpcMain } from 'electron'
import { CHANNELS, type Method } from '../../shared/ipc/channels'
import type { HandlerTable } from '../ipc/handlers'

/** Registers the whole handler table; the channel names come from the shared contract. */
export function registerIpc(
  ipcMain: Pick<IpcMain, 'handle'>,
  table: HandlerTable,
  isTrustedSender: (url: string) => boolean
): void {
  for (const method of Object.keys(CHANNELS) as Method[]) {
    ipcMain.handle(CHANNELS[method], (event, request: unknown) => {
      if (!isTrustedSender(event.senderFrame?.url ?? '')) {
        return {
          ok: false,
          error: { code: 'validation', message: 'Request from an untrusted page refused.' }
        }
      }
      return table[method](request)
    })
  }
}
