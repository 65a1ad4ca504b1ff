import type { AgendaChange } from '../../services/agenda'
import { HttpError } from '../errors'

type Refusal = Extract<AgendaChange, { reason: 'not-found' | 'forbidden' }>

export function isRefusal(result: AgendaChange): result is Refusal {
  return !result.ok && result.reason !== 'invalid'
}

export function refusalError(result: Refusal): HttpError {
  return result.reason === 'not-found' ? new HttpError(404, 'not-found') : new HttpError(403, 'forbidden')
}
