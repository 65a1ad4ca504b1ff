import path from 'node:path'
import type { Express, Request, RequestHandler, Response } from 'express'
import type { Config } from '../../config'
import * as dates from '../../domain/dates'
import * as vocabulary from '../../domain/vocabulary'
import * as minutesText from '../../domain/minutes'
import * as presenters from '../presenters'
import { cachingEjsEngine } from './templates'
import { activeNavigationHref, type NavigationItem } from '../../domain/permissions'

export function setUpViews(app: Express, config: Config): void {
  const viewsDir = path.join(config.projectRoot, 'views')
  app.set('views', viewsDir)
  app.engine('ejs', cachingEjsEngine(viewsDir))
  app.set('view engine', 'ejs')
  // Compiled templates are kept outside development; they hold no data, only code.
  app.set('view cache', config.environment !== 'development')
  // Formatting helpers and labels for templates; templates hold no other logic.
  app.locals.dates = dates
  app.locals.vocabulary = vocabulary
  app.locals.minutesText = minutesText
  Object.assign(app.locals, presenters)
  app.locals.councilName = config.councilName
  app.locals.serviceName = 'Panel'
}

export const setUpViewLocals: RequestHandler = (req, res, next) => {
  res.locals.currentPath = req.path
  res.locals.navigation ??= []
  // One item is current: under /admin/staff that is Staff, not Settings as well.
  res.locals.activeNavigation = activeNavigationHref(res.locals.navigation as NavigationItem[], req.path)
  next()
}

/**
 * One handler, one partial: an htmx request gets the fragment, a plain request the full page that
 * includes the same fragment. Caches are told the answer depends on HX-Request.
 */
export function renderPageOrFragment(
  req: Request,
  res: Response,
  views: { page: string; fragment: string },
  locals: Record<string, unknown>,
): void {
  res.vary('HX-Request')
  const wantsFragment = req.get('HX-Request') === 'true' && req.get('HX-Boosted') !== 'true'
  res.render(wantsFragment ? views.fragment : views.page, locals)
}
