/**
 * The packaged glue in a real Electron: secure window preferences, the menu, a card that survives
 * a restart. Runs wherever the Electron binary is installed; elsewhere it skips and says why.
 */
import { existsSync, readFileSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { _electron as electron, expect, test, type ElectronApplication } from '@playwright/test'

function electronBinary(): string | null {
  const dir = resolve('node_modules/electron')
  const pathFile = join(dir, 'path.txt')
  if (!existsSync(pathFile)) return null
  const binary = join(dir, 'dist', readFileSync(pathFile, 'utf8'))
  return existsSync(binary) ? binary : null
}

const binary = electronBinary()
test.skip(
  binary === null,
  'The Electron binary is not installed (ELECTRON_SKIP_BINARY_DOWNLOAD=1 or no network): the renderer and handlers are covered by tests/e2e; this suite runs where `npm install` fetched Electron.'
)

async function launch(userData: string): Promise<ElectronApplication> {
  return electron.launch({
    executablePath: binary!,
    args: [resolve('out/main/index.js'), '--no-sandbox'],
    env: { ...process.env, PERSONA_PLANNER_USER_DATA: userData, ELECTRON_RENDERER_URL: '' }
  })
}

test('the window is secure, the menu exists, and a card survives a restart', async () => {
  const userData = await mkdtemp(join(tmpdir(), 'persona-planner-electron-'))
  try {
    let app = await launch(userData)
    let window = await app.firstWindow()
    // The page sees no Node and no Electron: only the frozen window.api the preload exposes.
    const page = await window.evaluate(() => ({
      require: typeof (globalThis as { require?: unknown }).require,
      process: typeof (globalThis as { process?: unknown }).process,
      api: Object.keys((globalThis as unknown as { api: object }).api).sort()
    }))
    expect(page).toMatchObject({ require: 'undefined', process: 'undefined' })
    expect(page.api).toContain('applyCommand')
    expect(page.api).not.toContain('invoke')
    expect(window.url()).toMatch(/^app:\/\/persona-planner\//)
    const menu = await app.evaluate(({ Menu }) =>
      Menu.getApplicationMenu()?.items.map((item) => item.label.replace('&', ''))
    )
    expect(menu).toEqual(expect.arrayContaining(['File', 'Edit', 'View', 'Help']))

    await window.getByRole('button', { name: 'Add category' }).first().click()
    await window.getByLabel('Category name').fill('Trainers')
    await window.getByLabel('Category name').press('Enter')
    const column = window.getByRole('region', { name: /^Trainers/ })
    await column.getByRole('button', { name: 'Add card to Trainers' }).click()
    await column.getByLabel('Card title').fill('Educational researcher')
    await column.getByRole('button', { name: 'Add card', exact: true }).click()
    await expect(column.getByTestId('card-title')).toHaveText(['Educational researcher'])
    await app.close()

    app = await launch(userData)
    window = await app.firstWindow()
    await expect(window.getByRole('region', { name: /^Trainers/ }).getByTestId('card-title')).toHaveText([
      'Educational researcher'
    ])
    await app.close()
  } finally {
    await rm(userData, { recursive: true, force: true })
  }
})
