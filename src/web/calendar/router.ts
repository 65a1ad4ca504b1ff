import { Router, type Request, type Response } from 'express'
import { z } from 'zod'
import type { Services } from '../../services'
import type { IcsFile } from '../../services/calendar'
import type { Clock } from '../../services/clock'
import { monthLabel, monthOf, WEEKDAY_NAMES } from '../../domain/monthCalendar'
import { HttpError } from '../errors'

const panelParams = z.object({ panelId: z.uuid() })
const tokenParams = z.object({ token: z.string() })
const feedParams = tokenParams.extend(panelParams.shape)

function sendIcs(res: Response, file: IcsFile, disposition: 'attachment' | 'inline'): void {
  res.set({
    'Content-Type': 'text/calendar; charset=utf-8',
    'Content-Disposition': `${disposition}; filename="${file.filename}"`,
    // Addresses that carry a secret (and sittings that change) are neither cached nor indexed.
    'Cache-Control': 'no-store',
    'X-Robots-Tag': 'noindex',
  })
  res.send(file.body)
}

const notFound = () => new HttpError(404, 'not-found')

/** Staff: each panel's sittings as a month, its .ics file, and the secret addresses for subscribing. */
export function calendarRouter(services: Services, clock: Clock, publicUrl: string): Router {
  const router = Router()

  router.get('/', async (_req, res) => {
    res.render('pages/calendar/index', { panels: await services.calendar.listPanels() })
  })

  async function renderSubscribe(req: Request, res: Response, token?: string) {
    const subscription = await services.calendar.subscription(req.user!)
    // From PUBLIC_URL, never the Host header: a forged Host would otherwise put the secret in an address of the sender's choosing.
    const base = token ? `${publicUrl}/feeds/${token}` : undefined
    res.render('pages/calendar/subscribe', {
      ...subscription,
      memberFeedUrl: base && `${base}/my-sittings.ics`,
      panelFeedUrl: (panelId: string) => base && `${base}/panels/${panelId}.ics`,
    })
  }

  router.get('/subscribe', (req, res) => renderSubscribe(req, res))

  // The raw address is shown in this response and never again: only its hash is stored.
  router.post('/subscribe', async (req, res) => {
    const token = await services.calendar.createFeedToken(req.user!)
    await renderSubscribe(req, res, token)
  })

  // Before '/panels/:panelId', which would otherwise take 'id.ics' for an id.
  router.get('/panels/:panelId.ics', async (req, res) => {
    const params = panelParams.safeParse(req.params)
    if (!params.success) throw notFound()
    const file = await services.calendar.panelFeed(params.data.panelId)
    if (!file) throw notFound()
    sendIcs(res, file, 'attachment')
  })

  router.get('/panels/:panelId', async (req, res) => {
    const params = panelParams.safeParse(req.params)
    if (!params.success) throw notFound()
    const month = await services.calendar.panelMonth(params.data.panelId, req.query.month)
    if (!month) throw notFound()
    res.render('pages/calendar/month', {
      ...month,
      weekdays: WEEKDAY_NAMES,
      monthLabelOf: monthLabel,
      thisMonth: monthOf(clock.today()),
    })
  })

  return router
}

/**
 * Feeds for calendar programs, which have no session: the secret in the address says whose they are.
 * Any problem with the address is a plain 404, so that it tells a guesser nothing.
 */
export function calendarFeedsRouter(services: Services): Router {
  const router = Router()

  router.get('/:token/my-sittings.ics', async (req, res) => {
    const params = tokenParams.safeParse(req.params)
    const file = params.success ? await services.calendar.memberFeedByToken(params.data.token) : undefined
    if (!file) throw notFound()
    sendIcs(res, file, 'inline')
  })

  router.get('/:token/panels/:panelId.ics', async (req, res) => {
    const params = feedParams.safeParse(req.params)
    const file = params.success
      ? await services.calendar.panelFeedByToken(params.data.token, params.data.panelId)
      : undefined
    if (!file) throw notFound()
    sendIcs(res, file, 'inline')
  })

  return router
}
