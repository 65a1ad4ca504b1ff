import express, { type Express } from 'express'
import type { Config } from './config'
import { pingDatabase, type Db } from './data/db'
import type { Logger } from './logger'
import { dataLayer } from './data'
import { services as buildServices, serviceSettings, type Services } from './services'
import { sessionClock, type Clock } from './services/clock'
import { KnexSessionStore } from './data/sessions'
import { homePath } from './domain/permissions'
import { setUpRequestLogging } from './web/middleware/requestLogging'
import { noStore, setUpSecurityHeaders } from './web/middleware/securityHeaders'
import { setUpStaticFiles } from './web/middleware/staticFiles'
import { setUpSession } from './web/middleware/session'
import { csrfProtection } from './web/middleware/csrf'
import { loadSignedInUser, requireArea, requireSignedIn } from './web/middleware/authentication'
import { setUpViewLocals, setUpViews } from './web/middleware/views'
import { errorHandler, notFound } from './web/middleware/errorPages'
import { healthRouter } from './web/health/router'
import { authRouter } from './web/auth/router'
import { oidcRouter } from './web/auth/oidcRouter'
import { casesRouter } from './web/cases/router'
import { sen2CaseRouter } from './web/cases/sen2Router'
import { sittingsRouter } from './web/sittings/router'
import { summerSittingsRouter } from './web/sittings/summerRouter'
import { queueRouter } from './web/queue/router'
import { portalRouter } from './web/portal/router'
import { postRoomRouter } from './web/postRoom/router'
import { reportsRouter } from './web/reports/router'
import { adminRouter } from './web/admin/router'
import { LETTER_LOGO_PATH, readLogoUpload } from './web/admin/letterSettings'
import { jobsRouter } from './web/jobs/router'
import { deadlinesRouter } from './web/deadlines/router'
import { calendarFeedsRouter, calendarRouter } from './web/calendar/router'
import { invitationsRouter } from './web/invitations/router'
import { publicPagesRouter } from './web/public/router'
import { passwordLinksRouter } from './web/account/passwordLinksRouter'
import { accountRouter } from './web/account/router'
import { dataProtectionRouter } from './web/dataProtection/router'
import { registerReadLog } from './web/readEvents'

export interface AppDependencies {
  config: Config
  db: Db
  logger: Logger
  clock: Clock
  /**
   * The services the server also hands its scheduled jobs, so that one set serves both; a test that
   * needs only the app leaves them out and gets the same set built from `config`.
   */
  services?: Services
}

/** The whole app, assembled in one place; tests build it the same way on a fresh database. */
export function createApp({ config, db, logger, clock, ...built }: AppDependencies): Express {
  const services = built.services ?? buildServices(dataLayer(db), clock, serviceSettings(config))
  const app = express()
  registerReadLog(app, services.readLog)

  app.disable('x-powered-by')
  // req.ip (which the per-address limits count) comes from X-Forwarded-For only through the proxies named here.
  app.set('trust proxy', config.trustProxy)
  setUpViews(app, config)

  app.use(setUpRequestLogging(logger))
  app.use(setUpSecurityHeaders(config.environment === 'production'))
  app.use(setUpStaticFiles(config.projectRoot))
  app.use(healthRouter(() => pingDatabase(db)))
  app.use('/feeds', calendarFeedsRouter(services))

  app.use(noStore)
  app.use(setUpSession(config, new KnexSessionStore(db, config.sessionIdleMinutes * 60_000, sessionClock)))
  app.use(express.urlencoded({ extended: false, limit: '1mb', parameterLimit: 500 }))
  app.post(LETTER_LOGO_PATH, readLogoUpload) // multipart: its _csrf field is read before the check below
  app.use(csrfProtection({ secret: config.sessionSecret, secure: config.environment === 'production' }))
  app.use(loadSignedInUser(services.auth, config))
  app.use(setUpViewLocals)

  app.use(oidcRouter(config, services))
  app.use(publicPagesRouter(services, config))
  app.use(authRouter(config, services))
  app.use('/invitations', invitationsRouter(services, config.signInAttemptsPerWindow * 2))
  app.use(passwordLinksRouter(services, config.signInAttemptsPerWindow * 2))

  app.use(requireSignedIn(config.environment === 'production'))
  app.get('/', (req, res) => res.redirect(303, homePath(req.user!.role)))
  app.use('/account', accountRouter(services))
  app.use('/cases', requireArea('cases'), sen2CaseRouter(services, clock))
  app.use('/cases', requireArea('cases'), casesRouter(services, clock))
  app.use('/sittings', requireArea('sittings'), sittingsRouter(services))
  app.use('/queue', requireArea('queue'), queueRouter(services))
  app.use('/summer-sittings', requireArea('admin'), summerSittingsRouter(services))
  app.use('/portal', requireArea('portal'), portalRouter(services))
  app.use('/reports', requireArea('reports'), reportsRouter(services))
  app.use('/post-room', requireArea('postRoom'), postRoomRouter(services))
  app.use('/admin/jobs', requireArea('admin'), jobsRouter(services))
  app.use('/admin', requireArea('admin'), adminRouter(services))
  app.use('/api', requireArea('staff'), deadlinesRouter(services))
  app.use('/calendar', requireArea('staff'), calendarRouter(services, clock, config.publicUrl))
  // Each route checks its own area: subject access is the officer's and admins', the read log the officer's.
  app.use('/data-protection', dataProtectionRouter(services))

  app.use(notFound)
  app.use(errorHandler(logger, config.showErrorDetails))
  return app
}
