/**
 * "1 card", "3 cards": a count with the word that agrees with it. Irregular plurals pass `many`
 * (`plural(n, 'category', 'categories')`). The one place a translation layer will replace (French is next).
 */
export const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`
