import { Router } from 'express'

/** For load balancers and monitoring: is the app up, and does the database answer? */
export function healthRouter(databaseAnswers: () => Promise<unknown>): Router {
  const router = Router()
  router.get('/health', async (_req, res) => {
    res.set('Cache-Control', 'no-store')
    try {
      await databaseAnswers()
      res.json({ status: 'ok', database: 'ok' })
    } catch {
      res.status(503).json({ status: 'error', database: 'unavailable' })
    }
  })
  return router
}
