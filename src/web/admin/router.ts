import { Router } from 'express'
import type { Services } from '../../services'

/** Administrators: users and panels (read-only until the panels issue adds editing). */
export function adminRouter(services: Services): Router {
  const router = Router()
  router.get('/', async (_req, res) => {
    const settings = await services.home.adminSettings()
    res.render('pages/admin/settings', settings)
  })
  return router
}
