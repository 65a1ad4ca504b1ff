import type { Response, Router } from 'express'
import type { User } from '../../services/records'
import { z } from 'zod'
import type { Services } from '../../services'
import { keepMoves } from './router'
import { parseDateField } from '../dateFields'
import { HttpError } from '../errors'
import { assertFound } from '../results'
import { noErrors, type FormErrors, typedText } from '../validation'

const time = typedText('The time')
  .trim()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Enter a time like 14:30')
const query = z.object({
  panel: z.uuid().optional().catch(undefined),
  date: z.string().optional().catch(undefined),
})

/** The date, as the form's three boxes, for a suggested extra sitting's link. */
function dateValues(date: string | undefined): Record<string, string> {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date ?? '')
  if (!match) return {}
  return {
    'sittingOn-day': String(Number(match[3])),
    'sittingOn-month': String(Number(match[2])),
    'sittingOn-year': match[1]!,
  }
}

/** A chair adds a sitting outside the weekly pattern: the queue page offers one on a date that would save cases. */
export function extraSittingRoutes(router: Router, services: Services): void {
  const render = async (
    res: Response,
    user: User,
    status: number,
    values: Record<string, unknown>,
    errors: FormErrors,
  ) => {
    const panels = await services.sittings.panelsChairedBy(user)
    if (panels.length === 0) throw new HttpError(403, 'forbidden')
    res.status(status).render('pages/sittings/extra', { panels, values, errors })
  }

  router.get('/extra/new', async (req, res) => {
    const q = query.parse(req.query)
    // The panel's usual time, for the panel named (from the queue's suggestion) or a chair's only one.
    const panels = await services.sittings.panelsChairedBy(req.user!)
    const panel = panels.find((p) => p.id === q.panel) ?? (panels.length === 1 ? panels[0] : undefined)
    await render(
      res,
      req.user!,
      200,
      { panelId: q.panel ?? panel?.id, startsAt: panel?.startsAt ?? '', ...dateValues(q.date) },
      noErrors(),
    )
  })

  router.post('/extra', async (req, res) => {
    const body = req.body as Record<string, unknown>
    const panelId = z.uuid().safeParse(body.panelId)
    const date = parseDateField(body, 'sittingOn', { label: 'Date of the sitting', required: true })
    const startsAt = time.safeParse(body.startsAt)
    const errors: FormErrors = noErrors()
    // A date's message links to its first box with a problem, as the GOV.UK date input pattern asks.
    const add = (
      field: string,
      message: string,
      anchor = field === 'sittingOn' ? 'sittingOn-day' : field,
    ) => {
      errors.byField[field] = message
      errors.summary.push({ text: message, href: `#${anchor}` })
    }
    if (!panelId.success) add('panelId', 'Choose the panel')
    if (!date.ok) {
      add('sittingOn', date.error, `sittingOn-${date.fields[0] ?? 'day'}`)
      errors.dateParts = { sittingOn: date.fields }
    }
    if (!startsAt.success) add('startsAt', startsAt.error.issues[0]!.message)
    if (errors.summary.length > 0 || !panelId.success || !date.ok || !date.value || !startsAt.success)
      return render(res, req.user!, 400, body, errors)
    const result = await services.sittings.addExtraSitting(req.user!, {
      panelId: panelId.data,
      sittingOn: date.value,
      startsAt: startsAt.data,
    })
    if (result.ok) {
      keepMoves(req, result.moves)
      return res.redirect(303, `/sittings/${result.sittingId}?added=1`)
    }
    assertFound(result)
    add(result.field, result.message)
    render(res, req.user!, 400, body, errors)
  })
}
