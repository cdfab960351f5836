/**
 * Quitting right after typing: main's `flushDrafts` event makes the page send what is still in a
 * field (drafts otherwise wait for a 700 ms pause), and the page answers `draftsFlushed` only once
 * main has applied it. The quit itself (a failed save asks the user) is tested in
 * tests/unit/main/services/quit.test.ts and, in Electron, tests/electron/app.spec.ts.
 */
import type { Page } from '@playwright/test'
import { emit, expect, test, type Harness } from './harness'
import { addCard, addCategory, cardIn, column } from './pages/board'

/** Records each draftsFlushed answer with what the store held for the card when it came. */
function watchAnswers(app: Harness, cardTitle: () => unknown): { id: number; held: unknown }[] {
  const answers: { id: number; held: unknown }[] = []
  const answer = app.handlers.draftsFlushed
  app.handlers.draftsFlushed = async (request) => {
    answers.push({ id: (request as { id: number }).id, held: cardTitle() })
    return answer(request)
  }
  return answers
}

async function openNewCard(page: Page, title: string): Promise<void> {
  await addCategory(page, 'Trainers')
  await addCard(page, 'Trainers', title)
  await cardIn(column(page, 'Trainers'), title).click()
  await expect(page.getByRole('dialog').getByLabel('Title')).toHaveValue(title)
}

const onlyCard = (app: Harness) => app.store.snapshot().workspace.cards[0]

test('a title typed just before the flush request is applied before the page answers', async ({
  page,
  app
}) => {
  await openNewCard(page, 'Educational researcher')
  const answers = watchAnswers(app, () => onlyCard(app)?.title)

  // No pause after typing: the draft's own 700 ms timer has not run when the request comes.
  await page.getByRole('dialog').getByLabel('Title').fill('Learning designer')
  await emit(page, 'flushDrafts', { id: 1 })

  await expect.poll(() => answers).toEqual([{ id: 1, held: 'Learning designer' }])
  await app.flush()
  expect((await app.readWorkspaceFile()).cards.map((card) => card.title)).toEqual(['Learning designer'])
})

test('a list item typed just before the flush request is applied too', async ({ page, app }) => {
  await openNewCard(page, 'Educational researcher')
  const drawer = page.getByRole('dialog')
  await drawer.getByRole('button', { name: 'Add qualification' }).click()
  const qualifications = (): string[] | null => {
    const card = onlyCard(app)
    return card?.kind === 'role' ? card.qualifications : null
  }
  await expect.poll(qualifications).toEqual([''])
  const answers = watchAnswers(app, qualifications)

  await page.keyboard.type('Teaching certificate')
  await emit(page, 'flushDrafts', { id: 7 })

  await expect.poll(() => answers).toEqual([{ id: 7, held: ['Teaching certificate'] }])
})

test('the page answers at once when nothing is pending', async ({ page, app }) => {
  await expect(page.getByTestId('empty-workspace')).toBeVisible()
  const answers = watchAnswers(app, () => app.store.snapshot().revision)
  await emit(page, 'flushDrafts', { id: 2 })
  await expect.poll(() => answers).toEqual([{ id: 2, held: 0 }])
})
