import { newNeed } from '../../../../shared/model/defaults'
import type { Need } from '../../../../shared/model/schema'
import type { TreeConvert } from './list-tree'

/**
 * Needs nest like other lists, but a top-level need carries kind, priority, horizon and links: a
 * sub-item outdented to the top becomes a need whose kind, priority and horizon are not set (the
 * list never said them), and a need goes under another
 * only while it has no capability linked and no override (they would be lost).
 */
export const needConvert: TreeConvert<Need> = {
  toTop: (item) => newNeed({ id: item.id, text: item.text, children: item.children }),
  fromTop: (need) =>
    need.capabilityIds.length > 0 || need.override !== null
      ? null
      : { id: need.id, text: need.text, children: need.children }
}
