import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseProfileText, serialize } from '../../../../../src/shared/formats'
import { escapeText, markdownLink } from '../../../../../src/shared/formats/markdown/escape'
import { emptyWorkspace, newPersona } from '../../../../../src/shared/model/defaults'
import { FIXED_TIME, REPO_ROOT, importInto, sequentialIds } from '../helpers'

describe('markdownLink', () => {
  it('writes http, https and mailto targets as links', () => {
    expect(markdownLink('Site', 'https://example.org/a')).toBe('[Site](https://example.org/a)')
    // eslint-disable-next-line @microsoft/sdl/no-insecure-url -- the http scheme is what this checks
    expect(markdownLink('Old', 'HTTP://example.org')).toBe('[Old](HTTP://example.org)')
    expect(markdownLink('Mail', 'mailto:a@example.org')).toBe('[Mail](mailto:a@example.org)')
  })

  it('writes any other target as plain text after its label, so nothing is lost and nothing opens', () => {
    const hostile = [
      "javascript:window.__pwned='link'",
      ' JavaScript:alert(1)',
      'file:///etc/passwd',
      'data:text/html,<script>alert(1)</script>',
      'vbscript:msgbox',
      'relative/page.md'
    ]
    for (const url of hostile) {
      const out = markdownLink('Open me', url)
      expect(out).not.toMatch(/\]\(|^\[|(^|[^\\])<[a-z]/i)
      expect(out.startsWith('Open me (')).toBe(true)
    }
    expect(markdownLink('file:///etc/passwd', 'file:///etc/passwd')).toBe('file:///etc/passwd')
  })
})

describe('escapeText', () => {
  it('strips bidi overrides, embeddings and isolates, and zero-width characters at the ends', () => {
    const rlo = '\u202e'
    expect(escapeText(`invoice${rlo}fdp.exe`)).toBe('invoicefdp.exe')
    expect(escapeText('\u2066a\u2067b\u2068c\u2069 \u202ad\u202be\u202cf\u202dg')).toBe('abc defg')
    expect(escapeText('\u200d\u200bname\u200c\u2060\ufeff')).toBe('name')
    // Inside the text a joiner is part of an emoji sequence: it stays.
    expect(escapeText('team 👩\u200d💻')).toBe('team 👩\u200d💻')
  })
})

describe('Markdown exports of hostile content', () => {
  const hostile = readFileSync(resolve(REPO_ROOT, 'tests/fixtures/hostile/hostile-taxonomy.md'), 'utf8')
  const imported = importInto([parseProfileText(hostile, 'hostile-taxonomy.md', { newId: sequentialIds() })])
  const RLO = '\u202e'

  it('drop javascript: and file: links of the hostile taxonomy at import, keeping their labels as text, with warnings', () => {
    const parsed = parseProfileText(hostile, 'hostile-taxonomy.md', { newId: sequentialIds() })
    expect(parsed.cards.flatMap((c) => c.links)).toEqual([])
    expect(parsed.cards.map((c) => c.title)).toEqual(['Minister', 'Open me'])
    expect(parsed.cards[1].description).toBe('Click the file or this.')
    expect(parsed.diagnostics.map((d) => [d.line, d.message])).toEqual([
      [7, 'The content of a <script> element was dropped.'],
      [11, expect.stringMatching(/^The link “Open me” to “javascript:.*” was dropped and its text kept/)],
      [13, expect.stringMatching(/^The link “the file” to “file:\/\/\/etc\/passwd” was dropped/)],
      [13, expect.stringMatching(/^The link “this” to “javascript:.*” was dropped/)]
    ])
  })

  it('write javascript: and file: targets as text, keeping the labels', () => {
    // The importer drops such links; a hand-edited workspace can still hold them.
    const links = [
      { label: 'Open me', url: "javascript:window.__pwned='link'" },
      { label: 'the file', url: 'file:///etc/passwd' }
    ]
    const ws = {
      ...imported,
      cards: imported.cards.map((c) => (c.title === 'Open me' ? { ...c, links } : c))
    }
    for (const format of ['md-taxonomy', 'md-personas'] as const) {
      const out = serialize(ws, format)
      expect(out).not.toMatch(/\]\(\s*<?\s*(?:javascript|file|data):/i)
    }
    const taxonomy = serialize(ws, 'md-taxonomy')
    expect(taxonomy).toContain('- the file (file:///etc/passwd)')
    expect(taxonomy).toContain('### Open me\n')
  })

  it('write persona links only to http, https and mailto, and no bidi controls anywhere', () => {
    const ws = emptyWorkspace(FIXED_TIME)
    ws.cards.push(
      newPersona({
        id: 'p',
        title: `Clerk${RLO}exe.pdf`,
        description: `\u200bReads ${RLO}invoices\u2066 daily`,
        links: [
          { label: 'Handbook', url: 'https://example.org/handbook' },
          { label: 'Payload', url: 'data:text/html,<script>alert(1)</script>' },
          { label: 'Run', url: 'javascript:alert(1)' },
          { label: 'Mail', url: 'mailto:team@example.org' }
        ]
      })
    )
    const out = serialize(ws, 'md-personas')
    expect(out).toContain('[Handbook](https://example.org/handbook)')
    expect(out).toContain('[Mail](mailto:team@example.org)')
    expect(out).toContain('- Payload (data:text/html,\\<script\\>alert(1)\\</script\\>)')
    expect(out).toContain('- Run (javascript:alert(1))')
    expect(out).toContain('Clerkexe.pdf')
    expect(out).toContain('Reads invoices daily')
    expect(out).not.toMatch(/[\u202a-\u202e\u2066-\u2069\u200b]/)
  })
})
