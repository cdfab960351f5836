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

  it('write javascript: and file: targets of the hostile taxonomy as text, keeping the labels', () => {
    const urls = imported.cards.flatMap((c) => c.links.map((l) => l.url))
    expect(urls).toEqual(
      expect.arrayContaining([expect.stringMatching(/^javascript:/), 'file:///etc/passwd'])
    )
    for (const format of ['md-taxonomy', 'md-personas'] as const) {
      const out = serialize(imported, format)
      expect(out).not.toMatch(/\]\(\s*<?\s*(?:javascript|file|data):/i)
    }
    const taxonomy = serialize(imported, 'md-taxonomy')
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
