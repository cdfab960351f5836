import { describe, expect, it } from 'vitest'
import { newItem, newNeed, newPersona, newRole } from '../../../../../src/shared/model/defaults'
import { CardSearchIndex } from '../../../../../src/renderer/src/features/search/card-search'
import { matchReason, snippetAround } from '../../../../../src/renderer/src/features/search/match-reason'

const persona = newPersona({
  id: 'p1',
  title: 'Client services',
  description: 'Answers the phone.',
  goals: [newItem('g1', 'Faster answers')],
  needs: [
    newNeed({ id: 'n1', text: 'Wi-Fi in every office' }),
    newNeed({
      id: 'n2',
      text: 'Need a document classification tool so that protected files are labelled before they leave the department'
    })
  ],
  tags: ['Sécurité']
})
const role = newRole({ id: 'r1', title: 'Network officer', qualifications: ['Certified in cloud sécurité'] })

describe('matchReason', () => {
  const index = new CardSearchIndex()
  index.sync([persona, role])
  const reason = (query: string, id: string): ReturnType<typeof matchReason> => {
    const terms = index.search(query).get(id)
    if (!terms) throw new Error(`${query} did not find ${id}`)
    return matchReason(id === 'p1' ? persona : role, terms)
  }

  it('names the field and the words around a match in need text', () => {
    expect(reason('classification', 'p1')).toEqual({
      field: 'Need',
      snippet: 'Need a document classification tool so that protected files are labelled before …'
    })
  })

  it('ignores accents and case both ways, in list items and tags', () => {
    expect([...index.search('SECURITE').keys()].sort()).toEqual(['p1', 'r1'])
    expect(reason('securite', 'r1')).toEqual({
      field: 'Qualification',
      snippet: 'Certified in cloud sécurité'
    })
    expect(reason('securite', 'p1')).toEqual({ field: 'Tag', snippet: 'Sécurité' })
  })

  it('names a match far into the description, which the tile cuts', () => {
    const long = newRole({
      id: 'r2',
      title: 'Clerk',
      description: `${'Files paper. '.repeat(10)}Keeps the archive.`
    })
    index.sync([persona, role, long])
    const terms = index.search('archive').get('r2') ?? []
    expect(matchReason(long, terms)).toEqual({
      field: 'Description',
      snippet: '… Files paper. Keeps the archive.'
    })
  })

  it('says nothing when the title shows the match', () => {
    expect(reason('client', 'p1')).toBeNull()
    expect(reason('officer', 'r1')).toBeNull()
  })

  it('finds the word a prefix or a typo matched', () => {
    expect(reason('classif', 'p1')?.field).toBe('Need')
    expect(reason('pho', 'p1')).toBeNull() // the description's start is on the tile, highlighted
    expect(reason('faster', 'p1')).toEqual({ field: 'Goal', snippet: 'Faster answers' })
  })
})

describe('snippetAround', () => {
  it('cuts at word boundaries on both sides and marks the cuts', () => {
    const text = `${'word '.repeat(20)}target ${'tail '.repeat(20)}`.trim()
    const snippet = snippetAround(text, text.indexOf('target'), 'target'.length)
    expect(snippet).toMatch(/^… (word )+target( tail)+ …$/)
    expect(snippet.length).toBeLessThan(100)
  })
})
