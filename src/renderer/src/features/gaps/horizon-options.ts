import { HORIZON_LABEL } from '../../../../shared/analysis/report/common'
import { HORIZONS, type Horizon } from '../../../../shared/model/schema'

export const HORIZON_OPTIONS = HORIZONS.map((h) => ({ value: h, label: HORIZON_LABEL[h] }))

export const isHorizon = (value: string): value is Horizon => (HORIZONS as readonly string[]).includes(value)
