import { Router } from 'express'
import { z } from 'zod'
import type { Services } from '../../services'
import { HttpError } from '../errors'
import { sendExtract } from '../sittings/minutesRouter'

/** Families: their own children's cases, and no one else's. */
export function portalRouter(services: Services): Router {
  const router = Router()
  router.get('/', async (req, res) => {
    const children = await services.home.familyChildren(req.user!)
    res.render('pages/portal/home', { children })
  })

  // The panel's minutes for this child only; another family's case is not found, as if it did not exist.
  router.get('/cases/:caseId/minutes-extract.pdf', async (req, res, next) => {
    const caseId = z.uuid().safeParse(req.params.caseId)
    const extract = caseId.success ? await services.minutes.familyExtract(req.user!, caseId.data) : undefined
    if (!extract) return next(new HttpError(404, 'not-found'))
    await sendExtract(services, res, extract, extract.minutes.content.items[0]!.reference)
  })
  return router
}
