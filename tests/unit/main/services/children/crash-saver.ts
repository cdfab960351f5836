/**
 * The child of the crash-loop test: opens the store on argv[2] and saves in a loop until it is
 * killed. The workspace name is `rev-<n>`; before each change it appends `try <n>` to the log
 * (argv[3]), and after each completed flush `saved <n>`, so the parent knows which revisions
 * were produced and which were confirmed on disk. With `journal` as argv[4] every save goes to the
 * journal (until it has grown enough to be folded into the file).
 */
import { appendFileSync } from 'node:fs'
import { WorkspaceStore } from '../../../../../src/main/services/workspace-store'

const [dir, log, mode] = process.argv.slice(2)
const store = await WorkspaceStore.open({
  dir,
  owner: 'crash child',
  saveDelayMs: 2,
  backupIntervalMs: 20,
  journalFromBytes: mode === 'journal' ? 0 : undefined
})
const match = /^rev-(\d+)$/.exec(store.snapshot().workspace.name)
if (!match || store.snapshot().status.state !== 'saved') {
  process.stderr.write(
    `unexpected start: ${JSON.stringify(store.snapshot().status)} ${store.snapshot().notices}\n`
  )
  process.exit(3)
}
let n = Number(match[1])
process.stdout.write('ready\n')

for (;;) {
  n++
  appendFileSync(log, `try ${n}\n`)
  store.apply({ type: 'workspace.update', patch: { name: `rev-${n}` } })
  if (n % 3 === 0) {
    await store.flush()
    appendFileSync(log, `saved ${n}\n`)
  } else {
    await new Promise((resolve) => setTimeout(resolve, 1))
  }
  if (n % 40 === 0) await store.backup('before import')
}
