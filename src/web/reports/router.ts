import { Router } from 'express'
import type { Services } from '../../services'

/** Managers: the whole service's workload. */
export function reportsRouter(services: Services): Router {
  const router = Router()
  router.get('/', async (_req, res) => {
    const overview = await services.home.managerOverview()
    res.render('pages/reports/overview', { overview })
  })
  return router
}
