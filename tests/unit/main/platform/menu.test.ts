/** The application menu's View menu: the five views on Ctrl+1..5 and the colour schemes, each sending its action. */
import { describe, expect, it } from 'vitest'
import type { MenuItemConstructorOptions } from 'electron'
import { menuTemplate } from '../../../../src/main/platform/menu'
import type { MenuAction } from '../../../../src/shared/ipc/types'

function viewMenu(): { items: MenuItemConstructorOptions[]; sent: MenuAction[] } {
  const sent: MenuAction[] = []
  const template = menuTemplate((action) => sent.push(action), {
    isMac: false,
    isDev: false,
    openDataFolder: () => undefined
  })
  const view = template.find((m) => m.label === '&View')
  return { items: view?.submenu as MenuItemConstructorOptions[], sent }
}

const click = (item: MenuItemConstructorOptions | undefined): void => (item?.click as unknown as () => void)()

describe('the View menu', () => {
  it('lists the five views in the sidebar order on Ctrl+1..5, each sending its view', () => {
    const { items, sent } = viewMenu()
    const views = items.filter((i) => i.accelerator?.match(/^CmdOrCtrl\+[1-5]$/))
    expect(views.map((i) => [i.label, i.accelerator])).toEqual([
      ['Board', 'CmdOrCtrl+1'],
      ['Duplicates', 'CmdOrCtrl+2'],
      ['Capabilities', 'CmdOrCtrl+3'],
      ['Needs', 'CmdOrCtrl+4'],
      ['Gap Analysis', 'CmdOrCtrl+5']
    ])
    // The renderer handles the keys itself; the menu only shows them.
    expect(views.every((i) => i.registerAccelerator === false)).toBe(true)
    views.forEach(click)
    expect(sent).toEqual(['show-board', 'show-duplicates', 'show-capabilities', 'show-needs', 'show-gaps'])
  })

  it('offers the colour schemes', () => {
    const { items, sent } = viewMenu()
    const schemes = items.find((i) => i.label === 'Colour Scheme')?.submenu as MenuItemConstructorOptions[]
    expect(schemes.map((i) => i.label)).toEqual(['Same as System', 'Light', 'Dark'])
    schemes.forEach(click)
    expect(sent).toEqual(['scheme-system', 'scheme-light', 'scheme-dark'])
  })
})
