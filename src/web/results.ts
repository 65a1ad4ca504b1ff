import type { FieldProblem, Forbidden, NotFound } from '../services/result'
import { HttpError } from './errors'
import { pageError, problemErrors } from './formErrors'
import type { FormErrors } from './validation'

type AnyFailure = { ok: false; reason: string }

const STALE_TEXT = 'Someone else changed this after you opened it. Check what it says now, then try again.'

/**
 * The one way a router meets a service's failure. Not found and forbidden are about the address or
 * the person, not the form: they end in the error pages (404, 403), thrown to the error handler.
 */
export function assertFound<F extends AnyFailure>(
  failure: F,
): asserts failure is Exclude<F, NotFound | Forbidden> {
  if (failure.reason === 'not-found') throw new HttpError(404, 'not-found')
  if (failure.reason === 'forbidden') throw new HttpError(403, 'forbidden')
}

export interface FormRefusal {
  status: 400 | 409
  errors: FormErrors
}

/**
 * What the form shows for any other failure, with what was typed kept: 400 and each problem by its
 * field when answers were refused; 409 and the reason above the form when the record changed since it
 * was read or the use case refused for a reason of its own (a closed window).
 */
export function formRefusal(
  failure: AnyFailure & { message?: string; field?: string; problems?: readonly FieldProblem[] },
  options: { order?: readonly string[]; dateFields?: readonly string[]; href?: string } = {},
): FormRefusal {
  assertFound(failure)
  if (failure.reason === 'invalid') {
    const problems =
      failure.problems ?? (failure.field ? [{ field: failure.field, message: failure.message ?? '' }] : [])
    return { status: 400, errors: problemErrors(problems, options.order, options.dateFields) }
  }
  return { status: 409, errors: pageError(failure.message ?? STALE_TEXT, options.href ?? '#main-content') }
}
