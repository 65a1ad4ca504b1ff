import { Router } from 'express'
import type { Services } from '../../services'
import { panelsRouter } from './panelsRouter'
import { membersRouter } from './membersRouter'
import { calendarRouter } from './calendarRouter'
import { jargonRouter } from './jargon'
import { letterSettingsRouter } from './letterSettings'
import { emailsRouter } from './emails'
import { publicPagesSettingsRouter } from './publicPages'
import { staffRouter } from './staffRouter'
import { familyAccountsRouter } from './familyAccountsRouter'
import { retentionRouter } from './retention'

/** Administrators: accounts, panels and their members, school terms and bank holidays. */
export function adminRouter(services: Services): Router {
  const router = Router()
  router.get('/', async (_req, res) => {
    const settings = await services.home.adminSettings()
    res.render('pages/admin/settings', settings)
  })
  router.use(panelsRouter(services))
  router.use(membersRouter(services))
  router.use(calendarRouter(services))
  router.use(jargonRouter(services))
  router.use(letterSettingsRouter(services))
  router.use(emailsRouter(services))
  router.use(publicPagesSettingsRouter(services))
  router.use(staffRouter(services))
  router.use(familyAccountsRouter(services))
  router.use(retentionRouter(services))
  return router
}
