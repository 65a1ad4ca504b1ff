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

  // On demand, as well as nightly: after new advice arrives, nobody need wait for tomorrow. It is
  // recorded in job_runs like the nightly run, and steps aside if that run is under way.
  router.post('/run', async (req, res) => {
    const outcome = await services.jobRuns.runNow(
      { name: 'place-cases', run: () => services.queue.placeCases(req.user!) },
      req.log,
    )
    res.redirect(
      303,
      `/queue?ran=${outcome === 'succeeded' ? 'yes' : outcome === 'skipped' ? 'busy' : 'failed'}`,
    )
  })

  return router
}
