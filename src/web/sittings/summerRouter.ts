import { Router } from 'express'
import { z } from 'zod'
import type { Services } from '../../services'
import type { User } from '../../services/records'
import { HttpError } from '../errors'
import { noErrors, typedText } from '../validation'
import { assertFound } from '../results'
import { fieldError } from '../validation'

const id = z.uuid()
const reasonField = typedText('The reason', { multiLine: true })
  .trim()
  .min(1, 'Enter why this summer sitting is turned off')
  .max(500, 'The reason must be 500 characters or fewer')

/**
 * Admins: the summer holiday's sittings. They run by default, because statutory deadlines do not stop
 * for August; turning one off needs a reason, which is kept with it.
 */
export function summerSittingsRouter(services: Services): Router {
  const router = Router()

  router.get('/', async (req, res) => {
    const sittings = await services.sittings.summerSittings()
    res.render('pages/sittings/summer', {
      sittings,
      turnedOff: req.query.turnedOff === '1',
      turnedOn: req.query.turnedOn === '1',
      errors: noErrors(),
    })
  })

  router.post('/:id/turn-on', async (req, res) => {
    const access = await load(req.params.id, req.user)
    const result = await services.sittings.turnSummerSittingBackOn(req.user!, access.sitting.id)
    if (result.ok) return res.redirect(303, '/summer-sittings?turnedOn=1')
    assertFound(result)
    res.status(409).render('pages/sittings/summer', {
      sittings: await services.sittings.summerSittings(),
      turnedOff: false,
      turnedOn: false,
      errors: { byField: {}, summary: [{ text: result.message, href: '#summer-sittings' }] },
    })
  })

  const load = async (raw: string | undefined, user: User | undefined) => {
    const sittingId = id.safeParse(raw)
    if (!sittingId.success || !user) throw new HttpError(404, 'not-found')
    const access = await services.sittings.access(sittingId.data, user)
    if (!access || !access.sitting.isSummer) throw new HttpError(404, 'not-found')
    return access
  }

  router.get('/:id/turn-off', async (req, res) => {
    const access = await load(req.params.id, req.user)
    res.render('pages/sittings/turn-off', { ...access, values: {}, errors: noErrors() })
  })

  router.post('/:id/turn-off', async (req, res) => {
    const access = await load(req.params.id, req.user)
    const body = req.body as Record<string, unknown>
    const reason = reasonField.safeParse(body.reason)
    if (!reason.success) {
      const errors = fieldError('reason', reason.error.issues[0]!.message)
      return res.status(400).render('pages/sittings/turn-off', { ...access, values: body, errors })
    }
    const result = await services.sittings.cancelSitting(req.user!, access.sitting.id, reason.data)
    if (result.ok) return res.redirect(303, '/summer-sittings?turnedOff=1')
    assertFound(result)
    res.status(400).render('pages/sittings/turn-off', {
      ...access,
      values: body,
      errors: fieldError(result.field, result.message),
    })
  })

  return router
}
