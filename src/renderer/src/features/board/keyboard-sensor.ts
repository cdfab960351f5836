/**
 * A dnd-kit sensor for keyboard drags on the board: Space picks up the focused card (or column
 * handle), the arrow keys move, Space or Enter drops, Escape cancels.
 *
 * dnd-kit's own KeyboardSensor moves by screen geometry and, when the next position lies outside
 * a scrolled container, scrolls that container instead of moving; in virtualised columns that
 * skips steps and their announcements. This one asks the board for the next position as data
 * (see drop-target.ts), lets the board scroll it into view, and always moves there.
 */
import type {
  Activators,
  SensorContext,
  SensorInstance,
  SensorProps,
  Translate,
  UniqueIdentifier
} from '@dnd-kit/core'
import type { Direction } from './drop-target'

export interface BoardKeyboardOptions {
  /**
   * Moves the drag one step and returns where the dragged element's top-left corner should now be
   * on screen; null when it cannot move that way.
   */
  step: (active: UniqueIdentifier, direction: Direction, context: SensorContext) => Translate | null
}

const DIRECTIONS: Record<string, Direction> = {
  ArrowUp: 'up',
  ArrowDown: 'down',
  ArrowLeft: 'left',
  ArrowRight: 'right'
}

const hasModifier = (e: KeyboardEvent): boolean => e.ctrlKey || e.metaKey || e.altKey || e.shiftKey

export class BoardKeyboardSensor implements SensorInstance {
  autoScrollEnabled = false
  private readonly origin: Translate
  private readonly document: Document

  constructor(private readonly props: SensorProps<BoardKeyboardOptions>) {
    const node = props.activeNode.node.current
    const rect = node?.getBoundingClientRect()
    this.origin = { x: rect?.left ?? 0, y: rect?.top ?? 0 }
    this.document = node?.ownerDocument ?? document
    this.onKeyDown = this.onKeyDown.bind(this)
    this.cancel = this.cancel.bind(this)
    props.onStart({ x: 0, y: 0 })
    // Listen from the next task on, so the Space that started the drag does not also end it.
    setTimeout(() => this.document.addEventListener('keydown', this.onKeyDown))
    window.addEventListener('resize', this.cancel)
  }

  static activators: Activators<BoardKeyboardOptions> = [
    {
      eventName: 'onKeyDown',
      handler: ({ nativeEvent: event }: React.KeyboardEvent, _options, { active }) => {
        if (event.code !== 'Space' || hasModifier(event)) return false
        const activator = active.activatorNode.current
        if (activator && event.target !== activator) return false
        event.preventDefault()
        return true
      }
    }
  ]

  private onKeyDown(event: KeyboardEvent): void {
    if (event.code === 'Space' || event.code === 'Enter') return this.finish(event, this.props.onEnd)
    if (event.code === 'Escape') return this.finish(event, this.props.onCancel)
    const direction = DIRECTIONS[event.code]
    if (!direction) return
    event.preventDefault()
    const to = this.props.options.step(this.props.active, direction, this.props.context.current)
    if (to) this.props.onMove({ x: to.x - this.origin.x, y: to.y - this.origin.y })
  }

  private cancel(): void {
    this.detach()
    this.props.onCancel()
  }

  private finish(event: KeyboardEvent, done: () => void): void {
    event.preventDefault()
    this.detach()
    done()
  }

  private detach(): void {
    this.document.removeEventListener('keydown', this.onKeyDown)
    window.removeEventListener('resize', this.cancel)
  }
}
