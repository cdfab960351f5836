/**
 * A second process for the two-process tests: opens the store on argv[2] as owner argv[3], then
 * follows commands on stdin (`apply <name>`, `flush`, `close`) and answers each with a JSON line.
 * With `journal` as argv[4] its saves go to the journal.
 */
import { createInterface } from 'node:readline'
import { WorkspaceStore } from '../../../../../src/main/services/workspace-store'

const [dir, owner, mode] = process.argv.slice(2)
const say = (message: object): void => void process.stdout.write(JSON.stringify(message) + '\n')

const store = await WorkspaceStore.open({
  dir,
  owner,
  saveDelayMs: 10,
  journalFromBytes: mode === 'journal' ? 0 : undefined
})
const snap = store.snapshot()
say({ ready: true, pid: process.pid, status: snap.status, name: snap.workspace.name, notices: snap.notices })

for await (const line of createInterface({ input: process.stdin })) {
  const [command, argument] = line.trim().split(' ')
  try {
    if (command === 'apply') store.apply({ type: 'workspace.update', patch: { name: argument } })
    if (command === 'flush') await store.flush()
    if (command === 'close') await store.close()
    say({ done: command, revision: store.snapshot().revision })
  } catch (error) {
    say({ done: command, error: error instanceof Error ? error.message : String(error) })
  }
  if (command === 'close') process.exit(0)
}
