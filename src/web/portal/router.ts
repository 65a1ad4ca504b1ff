import { Router } from 'express'
import type { Services } from '../../services'

/** Families: their own children's cases, and no one else's. */
export function portalRouter(services: Services): Router {
  const router = Router()
  router.get('/', async (req, res) => {
    const children = await services.home.familyChildren(req.user!)
    res.render('pages/portal/home', { children })
  })
  return router
}
