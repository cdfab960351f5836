import { NumberInput } from '@mantine/core'
import { useMemo } from 'react'
import type { ListItem, PersonaCard, RoleCard } from '../../../../shared/model/schema'
import type { CardPatch } from '../../../../shared/commands/schema'
import { DraftTextInput } from './DraftFields'
import { ListEditor } from './ListEditor'
import { plainList } from './list-tree'
import { needConvert } from './need-convert'
import { NeedFields } from './NeedFields'
import { useDraft } from './use-draft'

/** Saves part of the card as one `card.update` (one undo step). */
export type Update = (patch: CardPatch) => Promise<boolean>

/** Qualifications are plain strings; the list editor sees them as items keyed by position. */
const asItems = (texts: string[]): ListItem[] => texts.map((text, i) => ({ id: `q${i}`, text, children: [] }))

export function RoleFields({ card, update }: { card: RoleCard; update: Update }): React.JSX.Element {
  const qualifications = useMemo(() => asItems(card.qualifications), [card.qualifications])
  return (
    <>
      <ListEditor
        title="Qualifications"
        itemName="qualification"
        items={qualifications}
        onChange={(items) => update({ qualifications: items.map((item) => item.text) })}
        convert={plainList}
        nestable={false}
      />
      <DraftTextInput
        label="Occupation (ESCO URI)"
        placeholder="data.europa.eu/esco/occupation/…"
        saved={card.occupationUri ?? ''}
        onSave={(uri) => update({ occupationUri: uri.trim() === '' ? null : uri.trim() })}
      />
    </>
  )
}

export function PersonaFields({ card, update }: { card: PersonaCard; update: Update }): React.JSX.Element {
  return (
    <>
      <Headcount saved={card.headcount} onSave={(headcount) => update({ headcount })} />
      <ListEditor
        title="Goals"
        itemName="goal"
        items={card.goals}
        onChange={(goals) => update({ goals })}
        convert={plainList}
      />
      <ListEditor
        title="Habits"
        itemName="habit"
        items={card.habits}
        onChange={(habits) => update({ habits })}
        convert={plainList}
      />
      <ListEditor
        title="Needs"
        itemName="need"
        items={card.needs}
        onChange={(needs) => update({ needs })}
        convert={needConvert}
        renderExtra={(need, change) => <NeedFields cardId={card.id} need={need} onChange={change} />}
      />
      <ListEditor
        title="Problems"
        itemName="problem"
        items={card.problems}
        onChange={(problems) => update({ problems })}
        convert={plainList}
      />
    </>
  )
}

function Headcount({
  saved,
  onSave
}: {
  saved: number | null
  onSave: (value: number | null) => Promise<boolean>
}): React.JSX.Element {
  const draft = useDraft(saved, onSave)
  return (
    <NumberInput
      label="Headcount (people this persona stands for)"
      min={0}
      allowDecimal={false}
      allowNegative={false}
      thousandSeparator=","
      value={draft.value ?? ''}
      onChange={(value) => draft.set(typeof value === 'number' ? value : null)}
      onBlur={draft.flush}
      w={360}
    />
  )
}
