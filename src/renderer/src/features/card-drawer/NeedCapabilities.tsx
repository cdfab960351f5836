import type { Need } from '../../../../shared/model/schema'
import { NeedCapabilityPicker } from '../capabilities/NeedCapabilityPicker'

/**
 * The slot in the drawer where a need is linked to IT capabilities. The capabilities feature owns
 * the linking (one `need.link` command per change); the drawer only places it under each need.
 */
export function NeedCapabilities({ cardId, need }: { cardId: string; need: Need }): React.JSX.Element {
  return <NeedCapabilityPicker cardId={cardId} need={need} label="Capabilities" />
}
