/**
 * What every use case comes to: `{ ok: true, …what it made }` or one of a few failures, each of which
 * the web maps the same way (`src/web/results.ts`): not found → 404, forbidden → 403, stale → 409 with
 * the form kept, invalid → 400 with the message by its field. A use case names the failures it can
 * give, so a router's `switch` over them is checked by the compiler.
 */
export interface FieldProblem {
  field: string
  message: string
}

export type NotFound = { ok: false; reason: 'not-found' }
export type Forbidden = { ok: false; reason: 'forbidden' }
/** Someone saved the record after the form was read: nothing was written. `message` when the use case words it. */
export type Stale = { ok: false; reason: 'stale'; message?: string }
/** One answer refused, by its field. */
export type Invalid = { ok: false; reason: 'invalid' } & FieldProblem
/** Several answers refused at once, each by its field. */
export type InvalidAnswers = { ok: false; reason: 'invalid'; problems: readonly FieldProblem[] }
/** Refused for a reason of the use case's own (a closed window, a used link), worded for the person. */
export type Refused<R extends string> = { ok: false; reason: R; message?: string }

export type Failure = NotFound | Forbidden | Stale | Invalid | InvalidAnswers | Refused<string>

export type Result<T extends object = object, F extends Failure = NotFound | Invalid> = ({ ok: true } & T) | F

export const NOT_FOUND: NotFound = { ok: false, reason: 'not-found' }
export const FORBIDDEN: Forbidden = { ok: false, reason: 'forbidden' }

export function invalid(field: string, message: string): Invalid {
  return { ok: false, reason: 'invalid', field, message }
}

export function ok<T extends object>(value: T): { ok: true } & T {
  return { ok: true, ...value }
}
