/**
 * The parse worker's entry (services/parse-worker.ts): built beside main's bundle as
 * parse-worker.js. It parses the one file in workerData and posts progress, then the outcome (a
 * large one in pieces, see sendOutcome).
 */
import { parentPort, workerData } from 'node:worker_threads'
import { runParseJob, sendOutcome, type ParseJob, type ParseMessage } from './services/parse-worker'

const port = parentPort
if (port !== null) {
  // Main answers each `cards` message with "next" once it has taken it.
  let taken: (() => void) | null = null
  port.on('message', () => taken?.())
  const post = (message: ParseMessage): void => port.postMessage(message)
  runParseJob(workerData as ParseJob, (message) => {
    if (message.type !== 'done') post(message)
    else void sendOutcome(message.outcome, post, () => new Promise((resolve) => (taken = resolve)))
  })
}
