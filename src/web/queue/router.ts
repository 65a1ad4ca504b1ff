import { Router } from 'express'
import { z } from 'zod'
import type { Services } from '../../services'

// A page number out of range or not a number shows the first page rather than an error: it is only a link.
const pageNumber = z.coerce.number().int().min(1).max(1_000_000).catch(1)
const queueQuery = z.object({ risk: pageNumber, waiting: pageNumber })

/** The address of another page of one list, keeping the page the other list is on. */
function pageLinksFor(pages: { risk: number; waiting: number }) {
  const link = (list: 'risk' | 'waiting') => (n: number) => {
    const wanted = { ...pages, [list]: n }
    const params = new URLSearchParams()
    for (const [key, value] of Object.entries(wanted)) if (value > 1) params.set(key, String(value))
    const query = params.toString()
    return `/queue${query ? `?${query}` : ''}#${list === 'risk' ? 'at-risk' : 'waiting'}`
  }
  return { risk: link('risk'), waiting: link('waiting') }
}

/** The queue: cases waiting for a panel that are not on a sitting in time, each with the reason. */
export function queueRouter(services: Services): Router {
  const router = Router()

  router.get('/', async (req, res) => {
    const query = queueQuery.parse({ risk: req.query.risk ?? 1, waiting: req.query.waiting ?? 1 })
    const page = await services.queue.queuePage({ atRisk: query.risk, waiting: query.waiting })
    const ran = typeof req.query.ran === 'string' ? req.query.ran : null
    const links = pageLinksFor({ risk: page.atRisk.page.number, waiting: page.waiting.page.number })
    res.render('pages/queue/queue', { ...page, ran, links })
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
