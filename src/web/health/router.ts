import { Router } from 'express'
import type { Db } from '../../data/db'

/** For load balancers and monitoring: is the app up, and does the database answer? */
export function healthRouter(db: Db): Router {
  const router = Router()
  router.get('/health', async (_req, res) => {
    res.set('Cache-Control', 'no-store')
    try {
      await db.raw('select 1')
      res.json({ status: 'ok', database: 'ok' })
    } catch {
      res.status(503).json({ status: 'error', database: 'unavailable' })
    }
  })
  return router
}
