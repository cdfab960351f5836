/**
 * The parse worker's entry (services/parse-worker.ts): built beside main's bundle as
 * parse-worker.js. It parses the one file in workerData and posts progress, then the outcome.
 */
import { parentPort, workerData } from 'node:worker_threads'
import { runParseJob, type ParseJob, type ParseMessage } from './services/parse-worker'

const port = parentPort
if (port !== null) runParseJob(workerData as ParseJob, (message: ParseMessage) => port.postMessage(message))
