import { Router } from 'express'
import type { Config } from '../../config'
import { cookieRegistry } from '../../domain/cookies'
import {
  HOW_WE_TESTED,
  KNOWN_PROBLEMS,
  WCAG_VERSION,
  WHAT_YOU_CAN_DO,
} from '../../domain/publicPages/accessibility'
import type { Services } from '../../services'

export const PUBLIC_PAGES = {
  accessibility: '/accessibility',
  privacy: '/privacy',
  cookies: '/cookies',
} as const

/**
 * The pages anyone can read, signed in or not, linked from every page's footer. They set no cookie
 * and start no session: a signed-out visitor costs no session row.
 */
export function publicPagesRouter(services: Services, config: Config): Router {
  const router = Router()
  const fallbackName = config.councilName

  router.get(PUBLIC_PAGES.accessibility, async (_req, res) => {
    const view = await services.publicPages.view(fallbackName)
    res.render('pages/public/accessibility', {
      view,
      serviceUrl: config.publicUrl,
      wcag: WCAG_VERSION,
      canDo: WHAT_YOU_CAN_DO,
      problems: KNOWN_PROBLEMS,
      tested: HOW_WE_TESTED,
    })
  })

  router.get(PUBLIC_PAGES.privacy, async (_req, res) => {
    res.render('pages/public/privacy', { view: await services.publicPages.view(fallbackName) })
  })

  router.get(PUBLIC_PAGES.cookies, (_req, res) => {
    res.render('pages/public/cookies', { cookies: cookieRegistry(config) })
  })

  return router
}
