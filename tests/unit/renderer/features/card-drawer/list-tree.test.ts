import { describe, expect, it } from 'vitest'
import { newNeed } from '../../../../../src/shared/model/defaults'
import { MAX_LIST_DEPTH, type ListItem, type Need } from '../../../../../src/shared/model/schema'
import {
  canIndent,
  canOutdent,
  flattenTree,
  indentItem,
  insertAfter,
  moveItem,
  outdentItem,
  plainList,
  removeItem,
  setText,
  updateTop
} from '../../../../../src/renderer/src/features/card-drawer/list-tree'
import { needConvert } from '../../../../../src/renderer/src/features/card-drawer/need-convert'

const item = (id: string, children: ListItem[] = []): ListItem => ({ id, text: id.toUpperCase(), children })
/** A tree as nested ids, for readable expectations. */
const shape = (tree: readonly ListItem[]): unknown[] =>
  tree.map((i) => (i.children.length ? [i.id, shape(i.children)] : i.id))

const tree = [item('a', [item('a1'), item('a2')]), item('b'), item('c')]

describe('list edits', () => {
  it('flattens with depth and path', () => {
    expect(flattenTree(tree).map((r) => [r.item.id, r.depth, r.path.join('.')])).toEqual([
      ['a', 0, '0'],
      ['a1', 1, '0.0'],
      ['a2', 1, '0.1'],
      ['b', 0, '1'],
      ['c', 0, '2']
    ])
  })

  it('edits text at any depth without touching the rest', () => {
    const next = setText(tree, 'a2', 'second', plainList)
    expect(next[0].children[1].text).toBe('second')
    expect(next[1]).toBe(tree[1])
  })

  it('inserts after an item at its level, or at the end', () => {
    expect(shape(insertAfter(tree, 'a1', item('n'), plainList))).toEqual([['a', ['a1', 'n', 'a2']], 'b', 'c'])
    expect(shape(insertAfter(tree, null, item('n'), plainList))).toEqual([['a', ['a1', 'a2']], 'b', 'c', 'n'])
  })

  it('removes an item with what is under it', () => {
    expect(shape(removeItem(tree, 'a', plainList))).toEqual(['b', 'c'])
  })

  it('reorders among siblings and stops at the ends', () => {
    expect(shape(moveItem(tree, 'a2', -1, plainList))).toEqual([['a', ['a2', 'a1']], 'b', 'c'])
    expect(shape(moveItem(tree, 'c', 1, plainList))).toEqual(shape(tree))
    expect(shape(moveItem(tree, 'b', -1, plainList))).toEqual(['b', ['a', ['a1', 'a2']], 'c'])
  })

  it('indents under the previous sibling and outdents after the parent', () => {
    expect(shape(indentItem(tree, 'b', plainList) ?? [])).toEqual([['a', ['a1', 'a2', 'b']], 'c'])
    expect(shape(indentItem(tree, 'a2', plainList) ?? [])).toEqual([['a', [['a1', ['a2']]]], 'b', 'c'])
    expect(indentItem(tree, 'a', plainList)).toBeNull()
    expect(shape(outdentItem(tree, 'a1', plainList) ?? [])).toEqual([['a', ['a2']], 'a1', 'b', 'c'])
    expect(outdentItem(tree, 'b', plainList)).toBeNull()
    expect([canIndent(tree, 'a', plainList), canIndent(tree, 'c', plainList)]).toEqual([false, true])
    expect([canOutdent(tree, 'a1'), canOutdent(tree, 'a')]).toEqual([true, false])
  })

  it('indents no item below the deepest level a list may have', () => {
    // A chain of MAX_LIST_DEPTH - 1 levels, and a sibling `x` at its deepest level.
    let chain: ListItem[] = [item('leaf'), item('x')]
    for (let level = MAX_LIST_DEPTH - 2; level >= 1; level--) chain = [item(`l${level}`, chain)]
    expect(flattenTree(chain).map((f) => f.depth + 1)).toContain(MAX_LIST_DEPTH - 1)
    expect(canIndent(chain, 'x', plainList)).toBe(true) // to level MAX_LIST_DEPTH: allowed
    const deepest = indentItem(chain, 'x', plainList) ?? []
    expect(Math.max(...flattenTree(deepest).map((f) => f.depth + 1))).toBe(MAX_LIST_DEPTH)
    // An item with a child may not go down a level when its child would pass the limit.
    const withChild: ListItem[] = [item('a', [item('b')]), item('d', [item('e', [item('f')])])]
    const nested = [item('p', [item('q', [item('r', [item('s', [item('t', withChild)])])])])]
    expect(Math.max(...flattenTree(nested).map((f) => f.depth + 1))).toBe(MAX_LIST_DEPTH)
    expect(canIndent(nested, 'd', plainList)).toBe(false) // f would reach MAX_LIST_DEPTH + 1
    expect(canIndent(nested, 'e', plainList)).toBe(false) // e is the first of its level
    expect(indentItem(nested, 'd', plainList)).toBeNull()
  })
})

describe('needs', () => {
  const needs: Need[] = [
    newNeed({ id: 'n1', text: 'Classification tool', priority: 'must' }),
    newNeed({ id: 'n2', text: 'DLP tool', children: [item('d1')] }),
    newNeed({ id: 'n3', text: 'Linked', capabilityIds: ['cap'] })
  ]

  it('turns an outdented sub-item into a need with the defaults', () => {
    const next = outdentItem(needs, 'd1', needConvert) ?? []
    expect(next.map((n) => n.id)).toEqual(['n1', 'n2', 'd1', 'n3'])
    expect(next[2]).toEqual(newNeed({ id: 'd1', text: 'D1' }))
  })

  it('puts a plain need under another, but not one with capabilities linked', () => {
    const next = indentItem(needs, 'n2', needConvert) ?? []
    expect(next[0].children).toEqual([{ id: 'n2', text: 'DLP tool', children: [item('d1')] }])
    expect(indentItem(needs, 'n3', needConvert)).toBeNull()
    expect(canIndent(needs, 'n3', needConvert)).toBe(false)
  })

  it('changes one need', () => {
    const next = updateTop(needs, 'n2', (n): Need => ({ ...n, horizon: 'long' }))
    expect(next[1].horizon).toBe('long')
    expect(next[0]).toBe(needs[0])
  })
})
