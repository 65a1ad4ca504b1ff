import { Router } from 'express'
import type { Services } from '../../services'

/** Managers: the whole service's workload and timeliness. */
export function reportsRouter(services: Services): Router {
  const router = Router()
  router.get('/', async (_req, res) => {
    const [overview, timeliness] = await Promise.all([
      services.home.managerOverview(),
      services.reports.timeliness(),
    ])
    res.render('pages/reports/overview', { overview, timeliness })
  })
  router.get('/workload', async (_req, res) => {
    res.render('pages/reports/workload', { workload: await services.reports.workload() })
  })
  return router
}
