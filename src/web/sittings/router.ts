import { Router } from 'express'
import type { Services } from '../../services'

/** Chairs and members: the coming sittings of the panels they sit on. */
export function sittingsRouter(services: Services): Router {
  const router = Router()
  router.get('/', async (req, res) => {
    const sittings = await services.home.upcomingSittings(req.user!)
    res.render('pages/sittings/my-sittings', { sittings })
  })
  return router
}
