import { Router } from 'express'
import type { Services } from '../../services'

/** The statutory deadline calculator: JSON for integration, and an htmx fragment for the intake form's preview. */
export function deadlinesRouter(_services: Services): Router {
  const router = Router()
  return router
}
