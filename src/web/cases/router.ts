import { Router } from 'express'
import { z } from 'zod'
import type { Services } from '../../services'
import { CASE_STATUSES } from '../../domain/vocabulary'
import { renderPageOrFragment } from '../middleware/views'

const filterQuery = z.object({ status: z.enum(CASE_STATUSES).optional().catch(undefined) })

/** Caseworkers: the cases they are the named caseworker for. */
export function casesRouter(services: Services): Router {
  const router = Router()
  router.get('/', async (req, res) => {
    const filter = filterQuery.parse(req.query)
    const cases = await services.home.caseworkerCases(req.user!, filter)
    renderPageOrFragment(
      req,
      res,
      { page: 'pages/cases/my-cases', fragment: 'partials/cases/my-cases-table' },
      { cases, filter },
    )
  })
  return router
}
