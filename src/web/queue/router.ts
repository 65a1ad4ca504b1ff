import { Router } from 'express'
import type { Services } from '../../services'

/** The queue: cases waiting for a panel that are not on a sitting in time, each with the reason. */
export function queueRouter(services: Services): Router {
  const router = Router()

  router.get('/', async (req, res) => {
    const page = await services.queue.queuePage()
    const ran = typeof req.query.ran === 'string' ? req.query.ran : null
    res.render('pages/queue/queue', { ...page, ran })
  })

  // On demand, as well as nightly: after new advice arrives, a caseworker need not wait for tomorrow.
  router.post('/run', async (req, res) => {
    const result = await services.queue.placeCases(req.user!)
    res.redirect(303, `/queue?ran=${result.ran ? 'yes' : 'busy'}`)
  })

  return router
}
