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
  // A letter to this family about their own child; any other letter is not found.
  router.get('/cases/:caseId/letters/:letterId.pdf', async (req, res, next) => {
    const caseId = z.uuid().safeParse(req.params.caseId)
    const letterId = z.uuid().safeParse(req.params.letterId)
    const letter =
      caseId.success && letterId.success
        ? await services.letters.familyLetter(req.user!, caseId.data, letterId.data)
        : undefined
    if (!letter) return next(new HttpError(404, 'not-found'))
    res.type('application/pdf')
    res.set(
      'Content-Disposition',
      `inline; filename="letter-${letter.reference}-version-${letter.version}.pdf"`,
    )
    res.send(letter.pdf)
  })
  return router
}
