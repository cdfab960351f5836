/**
 * Builds window.api from the channel tables: one named method per contract method and one
 * `on<Event>` subscription per event. The preload builds it on ipcRenderer; the e2e harness builds
 * the same object on a Playwright binding. Dependency-free, like channels.ts, for the preload.
 */
import { CHANNELS, EVENTS, subscriberName, type EventName, type Method } from './channels'
import type { AppApi, AppEvents, AppMethods } from './contract'

/** Sends a request on a channel; resolves with main's Result. */
export type Invoke = (channel: string, request: unknown) => Promise<unknown>
/** Calls the listener with each value main sends on the channel; returns an unsubscribe. */
export type Subscribe = (channel: string, listener: (value: unknown) => void) => () => void

export function buildApi(invoke: Invoke, subscribe: Subscribe): AppApi {
  const methods = {} as Record<Method, (request: unknown) => Promise<unknown>>
  for (const method of Object.keys(CHANNELS) as Method[])
    methods[method] = (request) => invoke(CHANNELS[method], request ?? {})
  const events = {} as Record<string, (listener: (value: unknown) => void) => () => void>
  for (const event of Object.keys(EVENTS) as EventName[])
    events[subscriberName(event)] = (listener) => subscribe(EVENTS[event], listener)
  // Complete by construction (every key of CHANNELS and EVENTS); the transport itself is untyped,
  // so the typed shape is asserted here, once, and checked against AppApi below.
  const api = { ...(methods as unknown as AppMethods), ...(events as unknown as AppEvents) } satisfies AppApi
  return Object.freeze(api)
}
