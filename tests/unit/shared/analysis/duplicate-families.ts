/**
 * Card titles for duplicate detection at scale (the unit tests and bench/duplicates.bench.ts):
 * realistic families of job titles, most of them alone and some spelt several ways, and
 * adversarial titles built so that every word is shared by exactly {@link SHARED_BY} titles, the
 * most a word may be shared by and still make candidate pairs.
 */
/** mulberry32: a small seeded pseudo-random generator, so every run makes the same titles. */
function seededRandom(seed: number): () => number {
  let a = seed
  return () => {
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export interface TitleCard {
  id: string
  kind: string
  title: string
}

const SENIORITY = ['', '', '', 'Senior', 'Junior', 'Lead', 'Chief', 'Principal', 'Assistant', 'Deputy']
const DOMAINS = [
  'data',
  'cloud',
  'policy',
  'service',
  'security',
  'finance',
  'procurement',
  'health',
  'education',
  'records',
  'payroll',
  'grants',
  'network',
  'identity',
  'payments',
  'transport',
  'housing',
  'legal',
  'audit',
  'communications',
  'research',
  'facilities',
  'training',
  'benefits',
  'registry',
  'licensing',
  'statistics',
  'archives',
  'customer',
  'digital'
]
const ROLES = [
  'officer',
  'manager',
  'analyst',
  'developer',
  'designer',
  'architect',
  'engineer',
  'specialist',
  'advisor',
  'coordinator',
  'administrator',
  'consultant',
  'assessor',
  'inspector',
  'planner',
  'steward',
  'librarian',
  'technician',
  'auditor',
  'strategist'
]
const SYLLABLES = ['ka', 'lo', 'ven', 'tri', 'mar', 'so', 'del', 'pu', 'ran', 'gi', 'tor', 'be', 'nu', 'fel']

/** A made-up but word-like specialism, one per index: "kalo", "venmar", … */
function specialism(i: number): string {
  let word = ''
  let n = i + SYLLABLES.length
  while (n > 0) {
    word += SYLLABLES[n % SYLLABLES.length]
    n = Math.floor(n / SYLLABLES.length)
  }
  return word
}

const capitalise = (word: string): string => word.charAt(0).toUpperCase() + word.slice(1)

/** Two letters swapped in the longest word: the typo a near match must forgive. */
function typo(title: string): string {
  const words = title.split(' ')
  const longest = words.reduce((best, w, i) => (w.length > words[best].length ? i : best), 0)
  const w = words[longest]
  if (w.length < 6) return title
  const at = Math.floor(w.length / 2)
  words[longest] = w.slice(0, at) + w[at + 1] + w[at] + w.slice(at + 2)
  return words.join(' ')
}

/**
 * `count` role cards: job titles ("Senior payroll kalo analyst") drawn with a fixed seed, about
 * one in four of them in a family of two to four spellings of one title (plural, lower case, a
 * typo, a link, a slashed alternative), the rest alone. The vocabulary grows with the count, so
 * each word is shared by a realistic share of the titles.
 */
export function realisticFamilies(count: number, seed = 7): TitleCard[] {
  const random = seededRandom(seed)
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]
  const specialisms = Math.max(20, Math.floor(count / 15))
  const base = (): string => {
    const words = [pick(SENIORITY), random() < 0.6 ? specialism(Math.floor(random() * specialisms)) : '']
    words.push(pick(DOMAINS), pick(ROLES))
    return capitalise(words.filter((w) => w !== '').join(' '))
  }
  const variants = [
    (t: string): string => `${t}s`,
    (t: string): string => t.toLowerCase(),
    typo,
    (t: string): string => `[${t}](https://example.org/roles/${encodeURIComponent(t)})`,
    (t: string): string => {
      const words = t.split(' ')
      return [...words.slice(0, -1), `${pick(ROLES)}/${words[words.length - 1]}`].join(' ')
    }
  ]
  const titles: string[] = []
  while (titles.length < count) {
    const title = base()
    titles.push(title)
    if (random() < 0.25) {
      const extra = 1 + Math.floor(random() * 3)
      for (let k = 0; k < extra && titles.length < count; k++) titles.push(pick(variants)(title))
    }
  }
  return titles.map((title, i) => ({ id: `c${i}`, kind: 'role', title }))
}

/** How many titles share each word of {@link adversarialTitles}: the most that still make candidate pairs. */
export const SHARED_BY = 200

/** A made-up five-letter word per index, its letters scrambled so that neighbouring indexes share none in place. */
function letters(i: number): string {
  let n = (i * 7_919_357 + 1_234_567) % 26 ** 5
  let word = ''
  for (let k = 0; k < 5; k++, n = Math.floor(n / 26)) word += String.fromCharCode(97 + (n % 26))
  return word
}

/**
 * `count` distinct three-word titles in which every word is shared by exactly {@link SHARED_BY}
 * titles (`count` a multiple of it), and so, mostly, is each title's first three letters: each
 * title meets hundreds of others in the word index, so comparing every pair that shares a word
 * is quadratic in the bucket size, though hardly any two titles are near matches.
 */
export function adversarialTitles(count: number): TitleCard[] {
  const groups = Math.ceil(count / SHARED_BY)
  return Array.from({ length: count }, (_, i) => {
    const first = Math.floor(i / SHARED_BY)
    const second = i % groups
    const third = (i + Math.floor(i / groups)) % groups
    return {
      id: `c${i}`,
      kind: 'role',
      title: `${letters(first)} ${letters(groups + second)} ${letters(2 * groups + third)}`
    }
  })
}

/** The 720 orders of the letters "abcdef". */
function permutations(letters: string): string[] {
  if (letters.length <= 1) return [letters]
  return [...letters].flatMap((first, k) =>
    permutations(letters.slice(0, k) + letters.slice(k + 1)).map((rest) => first + rest)
  )
}

/**
 * `count` distinct titles of three words, each word an order of the letters "abcdef": every title
 * holds the same letters the same number of times and has the same length, so no quick test
 * tells their spelling apart; many differ by a swap or two, and chain into large groups.
 */
export function anagramTitles(count: number): TitleCard[] {
  const words = permutations('abcdef')
  return Array.from({ length: count }, (_, i) => {
    const a = i % words.length
    const b = Math.floor(i / words.length) % words.length
    const c = (a * 7 + b * 13 + Math.floor(i / words.length ** 2)) % words.length
    return { id: `c${i}`, kind: 'role', title: `${words[a]} ${words[b]} ${words[c]}` }
  })
}
